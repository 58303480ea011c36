// One inference allocates nothing: whole shared models (the SSDs, MobileNets, BlazeFace, person_detect)
// are planned by @liteq/core, written as fixtures, and run by the C++ probe liteq_alloc_probe
// (native/test/probe/alloc_probe.cc), which counts every heap allocation of its process during three
// runs after two warm-up runs — at 1 and 2 threads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlan, readTflite } from '@liteq/core';

const here = path.dirname(fileURLToPath(import.meta.url));
const probe = path.resolve(here, '..', 'build', 'liteq_native', 'liteq_alloc_probe');
const models = path.resolve(here, '../../../../shared/models/tflite');
const dir = mkdtempSync(path.join(tmpdir(), 'liteq-alloc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(file: string): string {
  const plan = buildPlan(readTflite(new Uint8Array(readFileSync(path.join(models, file))), file));
  const parts: Uint8Array[] = [];
  const u32 = (v: number) => parts.push(new Uint8Array(new Uint32Array([v]).buffer));
  const u64 = (v: number) => parts.push(new Uint8Array(new BigUint64Array([BigInt(v)]).buffer));
  u64(plan.description.byteLength);
  parts.push(plan.description);
  u32(plan.constants.length);
  for (const c of plan.constants) {
    u64(c.byteLength);
    parts.push(c);
  }
  u32(plan.inputs.length);
  for (const i of plan.inputs) u64(i.bytes);
  const out = path.join(dir, `${file}.plan`);
  writeFileSync(out, Buffer.concat(parts));
  return out;
}

const probeRun = (args: string[]) => spawnSync(probe, args, { encoding: 'utf8' });

describe('one inference allocates nothing (liteq_alloc_probe)', () => {
  it('the probe sees an allocation made inside its counted window', () => {
    const r = probeRun([fixture('mobilenet_v1_0.25_224_quant.tflite'), '1', '--self-check']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^allocations during 3 runs: [1-9]\d*$/m);
  });

  it.each([
    'ssd_mobilenet_v2_coco_quant_postprocess.tflite',
    'ssd_mobilenet_v1_coco_quant_2018_06_29.tflite',
    'tf2_mobilenet_v2_1.0_224_ptq.tflite',
    'mobilenet_v1_0.25_224_quant.tflite',
    'mobilenet_v1_0.25_224_float.tflite',
    'face_detection_short_range.tflite',
    'person_detect.tflite',
  ])('%s, at 1 and 2 threads', (file) => {
    const f = fixture(file);
    for (const threads of ['1', '2']) {
      const r = probeRun([f, threads]);
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('allocations during 3 runs: 0');
    }
  });
});
