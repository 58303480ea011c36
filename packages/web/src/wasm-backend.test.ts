// The WebAssembly build of native/: its own kernel tests run as a WASI command under Node, and the
// backend behind @liteq/core's contract (plans, errors, bulk quantizers) gives the native addon's bytes.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WASI } from 'node:wasi';
import { buildPlan, ExecutionError, quantizeInt8PerChannelTs, quantizeUint8Ts, readTflite, resolveBackend } from '@liteq/core';
import { describe, expect, it } from 'vitest';
// The built package (dist/liteq.wasm beside dist/index.js), as an installed copy would load it.
import { WasmBackend } from '@liteq/web';

const here = path.dirname(fileURLToPath(import.meta.url));
const buildDir = path.resolve(here, '..', 'build', 'wasm');
const shared = path.resolve(here, '../../../../shared');

describe('native/ compiled to WebAssembly', () => {
  it('passes the native kernel tests (every optimized kernel against its reference) as a WASI program', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liteq-wasm-test-'));
    const out = path.join(dir, 'stdout');
    const fd = openSync(out, 'w');
    try {
      const wasi = new WASI({ version: 'preview1', args: ['liteq_native_test'], env: {}, stdout: fd, stderr: fd, returnOnExit: true });
      const module = await WebAssembly.compile(readFileSync(path.join(buildDir, 'liteq_native_test.wasm')));
      const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
      expect(wasi.start(instance)).toBe(0);
    } finally {
      closeSync(fd);
    }
    const text = readFileSync(out, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    expect(text).toMatch(/^\d+ passed, 0 failed$/m);
    expect(Number(/^(\d+) passed/m.exec(text)![1])).toBeGreaterThan(50);
  });

  it('implements the Backend contract and names itself', async () => {
    const b = await WasmBackend.create();
    expect(b.info().name).toBe('wasm');
    expect(b.info().cpuFeatures).toEqual(['wasm-simd128']);
    expect(b.kernelNames()).toContain('conv_2d_u8');
    expect((await resolveBackend('wasm')).info().name).toBe('wasm');
  });

  it('quantizes constants to the same bytes as the TS reference loops', async () => {
    const b = await WasmBackend.create();
    const x = Float32Array.from({ length: 10007 }, (_, i) => Math.sin(i * 0.731) * 3.7);
    expect(b.quantizeUint8(x, 0.029, 128, 1, 255)).toEqual(quantizeUint8Ts(x, 0.029, 128, 1, 255));
    const scales = Float32Array.of(0.03, 0.01, 0.02);
    expect(b.quantizeInt8PerChannel(x.subarray(0, 9996), scales, 7, -127, 127)).toEqual(quantizeInt8PerChannelTs(x.subarray(0, 9996), scales, 7, -127, 127));
    expect(() => b.quantizeUint8(x, -1, 0, 0, 255)).toThrow(ExecutionError);
  });

  it('reports a bad plan description as an ExecutionError with the C++ message, and stays usable', async () => {
    const b = await WasmBackend.create();
    expect(() => b.createPlan(new Uint8Array(16), [], 1, 0)).toThrow(/magic/);
    const ir = readTflite(new Uint8Array(readFileSync(path.join(shared, 'models/tflite/mobilenet_v1_0.25_224_quant.tflite'))), 'mnv1');
    const plan = buildPlan(ir);
    const h = b.createPlan(plan.description, plan.constants, 1, 0);
    expect(() => h.runSync([new Uint8Array(3)], [plan.outputs[0]!.index])).toThrow(/input 0: expected 150528 bytes, got 3/);
    const out = h.runSync([new Uint8Array(224 * 224 * 3).fill(128)], [plan.outputs[0]!.index]);
    expect(out[0]!.byteLength).toBe(1001);
    expect(h.memory().arenaBytes).toBe(plan.arenaBytes);
    h.dispose();
  });
});
