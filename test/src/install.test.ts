// Issue 10: the packages work once installed outside this repository. Every package is packed with
// `npm pack`, the tarballs are installed into an empty folder in the system temp dir, and the CLI and
// a small loadModel program run there twice: with the native addon the install built from the
// shipped C++ sources, and with it unavailable (the WebAssembly backend serves). Same detections.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const MODEL = path.join(SHARED, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite');
const IMAGE = path.join(SHARED, 'data/images/coral_test_data/kite_and_cold.jpg');
const RAW = path.join(SHARED, 'data/raw_300x300/kite_and_cold.rgb');
const PACKAGES = ['@liteq/core', '@liteq/native', '@liteq/web', '@liteq/cli'];

const tmp = mkdtempSync(path.join(os.tmpdir(), 'liteq-install-'));
const app = path.join(tmp, 'app');
const addon = () => path.join(app, 'node_modules/@liteq/native/build/Release/liteq.node');

const SCRIPT = `import { readFileSync } from 'node:fs';
import { loadModel } from '@liteq/core';
const model = await loadModel(process.argv[2]);
const out = await model.run([new Uint8Array(readFileSync(process.argv[3]))]);
console.log(JSON.stringify({ backend: model.backend, outputs: out.map((o) => Array.from(o.data)) }));
model.dispose();
`;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { cwd: app, encoding: 'utf8', env, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  mkdirSync(app, { recursive: true });
  const packs = path.join(tmp, 'packs');
  mkdirSync(packs);
  execFileSync('npm', ['pack', ...PACKAGES.flatMap((p) => ['-w', p]), '--pack-destination', packs, '--silent'], { cwd: ROOT, stdio: 'pipe' });
  const tarballs = readdirSync(packs).filter((f) => f.endsWith('.tgz')).map((f) => path.join(packs, f));
  expect(tarballs.length).toBe(PACKAGES.length);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'liteq-install-check', private: true, type: 'module' }));
  writeFileSync(path.join(app, 'check.mjs'), SCRIPT);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', ...tarballs], { cwd: app, stdio: 'pipe', timeout: 540_000 });
}, 600_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('installed from the packed tarballs, outside the repository', () => {
  let nativeDetect: unknown;
  let nativeRun: { backend: string; outputs: number[][] };

  it('ships complete packages: built JS, the C++ sources the addon builds from, the .wasm', () => {
    const nm = path.join(app, 'node_modules/@liteq');
    expect(existsSync(path.join(nm, 'core/dist/node.js'))).toBe(true);
    expect(existsSync(path.join(nm, 'core/dist/index.js'))).toBe(true);
    expect(existsSync(path.join(nm, 'native/cpp/src/runtime/plan.cc'))).toBe(true);
    expect(existsSync(path.join(nm, 'native/cpp/include/liteq/liteq.h'))).toBe(true);
    expect(existsSync(path.join(nm, 'web/dist/liteq.wasm'))).toBe(true);
    expect(existsSync(path.join(nm, 'cli/dist/main.bundle.js'))).toBe(true);
    expect(existsSync(path.join(nm, 'core/dist/proto.cjs'))).toBe(true); // protobufjs, loaded on first use
    // The install built the addon from those sources (cmake and g++ are on this machine).
    expect(existsSync(addon())).toBe(true);
  });

  it('reads a frozen GraphDef (protobufjs from dist/proto.cjs, loaded on first use)', () => {
    const pb = path.join(SHARED, 'models/graphdef/tflite_graph.pb');
    const r = run('npx', ['liteq', 'inspect', pb]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/format: graphdef/);
  });

  it('runs on the native addon', () => {
    const d = run('npx', ['liteq', 'detect', MODEL, IMAGE, '--json']);
    expect(d.stderr).toBe('');
    expect(d.status).toBe(0);
    nativeDetect = JSON.parse(d.stdout);
    expect((nativeDetect as { backend: string }).backend).toBe('native');
    expect((nativeDetect as { images: { detections: unknown[] }[] }).images[0]!.detections.length).toBeGreaterThan(0);
    const r = run('node', ['check.mjs', MODEL, RAW]);
    expect(r.status).toBe(0);
    nativeRun = JSON.parse(r.stdout);
    expect(nativeRun.backend).toBe('native');
  });

  it('falls back to WebAssembly when the addon is unavailable, says why once, and detects the same', () => {
    renameSync(addon(), `${addon()}.off`);
    try {
      const d = run('npx', ['liteq', 'detect', MODEL, IMAGE, '--json']);
      expect(d.status).toBe(0);
      const wasm = JSON.parse(d.stdout) as { backend: string; images: unknown };
      expect(wasm.backend).toBe('wasm');
      expect(wasm.images).toEqual((nativeDetect as { images: unknown }).images);
      expect(d.stderr.match(/liteq: using the wasm backend; native is not available: cannot load the liteq native addon/g)?.length).toBe(1);
      const r = run('node', ['check.mjs', MODEL, RAW]);
      expect(r.status).toBe(0);
      const wasmRun = JSON.parse(r.stdout) as typeof nativeRun;
      expect(wasmRun.backend).toBe('wasm');
      expect(wasmRun.outputs).toEqual(nativeRun.outputs);
    } finally {
      renameSync(`${addon()}.off`, addon());
    }
  });

  it('an install without cmake or a compiler succeeds, and the first use says why native is not used', () => {
    const pkg = path.join(app, 'node_modules/@liteq/native');
    rmSync(path.join(pkg, 'build'), { recursive: true, force: true });
    // PATH with node only: no cmake, no g++.
    const bin = path.join(tmp, 'bin-node-only');
    mkdirSync(bin, { recursive: true });
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const env = { ...process.env, PATH: bin };
    const i = spawnSync(process.execPath, [path.join(pkg, 'scripts/install.mjs')], { cwd: pkg, encoding: 'utf8', env });
    expect(i.status).toBe(0);
    expect(i.stderr).toMatch(/the native addon was not built, the WebAssembly backend will serve instead/);
    expect(readFileSync(path.join(pkg, 'build/install-error.txt'), 'utf8')).toMatch(/the build failed/);
    const d = run('npx', ['liteq', 'detect', MODEL, IMAGE, '--json']);
    expect(d.status).toBe(0);
    expect(JSON.parse(d.stdout).backend).toBe('wasm');
    expect(d.stderr).toMatch(/native is not available: .*\(install: the build failed/);
    expect(d.stderr).toMatch(/npm rebuild @liteq\/native/);
  });
});
