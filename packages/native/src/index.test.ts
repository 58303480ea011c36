import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBackend } from '@liteq/core';
import { ADDON_PATH, NativeAddonError, cpuFeatureNames, loadAddon } from './index.js';

describe('@liteq/native', () => {
  it('registers itself as the preferred backend of @liteq/core', async () => {
    const backend = await resolveBackend();
    const info = backend.info();
    expect(info.name).toBe('native');
    expect(info.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('reports the CPU features the kernels can dispatch on, consistent with /proc/cpuinfo', () => {
    const names = cpuFeatureNames(loadAddon().cpuFeatures());
    const cpuinfo = os.platform() === 'linux' ? readFileSync('/proc/cpuinfo', 'utf8') : '';
    if (cpuinfo) {
      const flags = new Set((/^flags\s*:(.*)$/m.exec(cpuinfo)?.[1] ?? '').trim().split(/\s+/));
      expect(names.includes('avx2')).toBe(flags.has('avx2'));
      expect(names.includes('sse4.1')).toBe(flags.has('sse4_1'));
      expect(names.includes('avx512vnni')).toBe(flags.has('avx512_vnni') && flags.has('avx512f'));
    }
  });

  it('names the ISA level its kernels dispatch to: the best the CPU has, unless LITEQ_ISA caps it', async () => {
    const names = cpuFeatureNames(loadAddon().cpuFeatures());
    const best = names.includes('avx512vnni') && names.includes('avx512bw') ? 'avx512vnni' : names.includes('avx512bw') ? 'avx512' : names.includes('avx2') ? 'avx2' : names.includes('sse4.1') ? 'sse41' : 'scalar';
    expect((await resolveBackend('native')).info().isa).toBe(process.env.LITEQ_ISA ?? best);
  });

  it('a missing addon gives a typed error that says how to rebuild', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liteq-native-'));
    expect(() => loadAddon(path.join(dir, 'liteq.node'))).toThrow(NativeAddonError);
    expect(() => loadAddon(path.join(dir, 'liteq.node'))).toThrow(/npm run build -w @liteq\/native/);
  });

  it('a corrupted addon file gives the same typed error, not a crash', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liteq-native-'));
    const broken = path.join(dir, 'liteq.node');
    copyFileSync(ADDON_PATH, broken);
    writeFileSync(broken, Buffer.from('not an ELF shared object'));
    expect(() => loadAddon(broken)).toThrow(NativeAddonError);
  });
});
