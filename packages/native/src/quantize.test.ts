// The native bulk weight quantization must give exactly the bytes of core's TS loop (the converter
// uses whichever is available, and the model must not depend on which).
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataRange, quantizeUint8Ts, quantizeWeightsInt8, toFloat16, UnsupportedError, type WeightBackend } from '@liteq/core';
import { NativeBackend, loadAddon } from './index.js';

describe('quantizeUint8 (native) vs quantizeUint8Ts', () => {
  const backend = new NativeBackend(loadAddon());

  it('agrees on random weights and on exact .5 ties, both ranges', () => {
    const n = 100_000;
    const x = new Float32Array(n);
    let s = 12345;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      x[i] = ((s / 2 ** 32) * 2 - 1) * 3;
    }
    // Ties: x / scale lands exactly on k + 0.5.
    for (let i = 0; i < 1000; i++) x[i] = (i - 500 + 0.5) * 0.25;
    for (const [scale, zp, qmin] of [[0.25, 128, 1], [0.0123, 111, 1], [0.25, 0, 0], [3 / 255, 200, 0]] as const) {
      expect(Buffer.compare(backend.quantizeUint8(x, scale, zp, qmin, 255), quantizeUint8Ts(x, scale, zp, qmin, 255))).toBe(0);
    }
  });

  it('agrees across threads on a large tensor with saturating outliers, and minMax equals dataRange', () => {
    const n = 1_000_003;
    const x = new Float32Array(n);
    let s = 777;
    for (let i = 0; i < n; i++) x[i] = (((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1) * (i % 101 === 0 ? 1e5 : 2);
    const r = backend.minMax(x);
    expect(r).toEqual(dataRange(x));
    expect(backend.minMax(Float32Array.of(3, Number.NaN, 5))).toEqual({ min: 0, max: 5 });
    expect(Buffer.compare(backend.quantizeUint8(x, 0.0157, 127, 1, 255), quantizeUint8Ts(x, 0.0157, 127, 1, 255))).toBe(0);
  });

  it('rejects bad arguments with a message', () => {
    expect(() => backend.quantizeUint8(Float32Array.of(1), 0, 0, 0, 255)).toThrow(/scale/);
    expect(() => backend.quantizeUint8(Float32Array.of(Number.NaN), 1, 0, 0, 255)).toThrow(/non-finite/);
  });
});

describe('the large-model path: fused int8, float16, mapped files, the arena', () => {
  const backend = new NativeBackend(loadAddon());
  const random = (n: number, seed: number) => {
    let s = seed;
    return Float32Array.from({ length: n }, () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1);
  };

  it('quantizeWeightsInt8 with the native backend gives the TS loop\'s scales and bytes, for every quantized dimension', () => {
    for (const [shape, dims] of [[[64, 3, 3, 8], [0, 3, -1]], [[1, 5, 5, 96], [3, -1]], [[1000, 300], [0, 1, -1]], [[7], [0, -1]]] as [number[], number[]][]) {
      const x = random(shape.reduce((a, b) => a * b, 1), shape.length * 7);
      x.fill(0, 0, shape.at(-1)!); // an all-zero row
      for (const dim of dims) {
        const ts = quantizeWeightsInt8(x, shape, dim);
        const native = quantizeWeightsInt8(x, shape, dim, backend);
        expect([...native.scales]).toEqual([...ts.scales]);
        expect(Buffer.compare(Buffer.from(native.data.buffer, native.data.byteOffset, native.data.byteLength), Buffer.from(ts.data.buffer, ts.data.byteOffset, ts.data.byteLength))).toBe(0);
      }
    }
  });

  it('a non-finite weight is an UnsupportedError naming the tensor and the element, on both paths', () => {
    const x = random(4096, 3);
    x[1234] = Number.POSITIVE_INFINITY;
    for (const b of [backend, undefined]) {
      expect(() => quantizeWeightsInt8(x, [64, 64], 0, b, 'constant tensor 5 "w"')).toThrow(UnsupportedError);
      expect(() => quantizeWeightsInt8(x, [64, 64], 0, b, 'constant tensor 5 "w"')).toThrow('constant tensor 5 "w" holds Infinity at element 1234');
    }
  });

  it('toFloat16 with the native backend gives the TS bits on random bit patterns (NaN, Inf, subnormals)', () => {
    const bits = new Uint32Array(200_003);
    let s = 99;
    for (let i = 0; i < bits.length; i++) bits[i] = s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const x = new Float32Array(bits.buffer);
    expect(Buffer.compare(toFloat16(x, backend), toFloat16(x))).toBe(0);
  });

  it('results land in the memory alloc gives; mapFile reads a file without copying it into the JS heap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liteq-map-'));
    try {
      const x = random(100_000, 5);
      const file = join(dir, 'w.bin');
      writeFileSync(file, new Uint8Array(x.buffer));
      const mapped = new Uint8Array(backend.mapFile(file) as ArrayBuffer);
      expect(mapped.byteLength).toBe(x.byteLength);
      expect(Buffer.compare(mapped, new Uint8Array(x.buffer))).toBe(0);
      const arena = new Uint8Array(backend.allocate(1 << 20));
      const got = quantizeWeightsInt8(new Float32Array(mapped.buffer, mapped.byteOffset, x.length), [100, 1000], 0, { ...pick(backend), alloc: (n) => arena.subarray(64, 64 + n) });
      expect(got.data.buffer).toBe(arena.buffer);
      expect(got.data.byteOffset).toBe(64);
      expect([...got.scales]).toEqual([...quantizeWeightsInt8(x, [100, 1000], 0).scales]);
      // After the bulk call released the mapped pages, the file's bytes read back unchanged.
      backend.releasePages(mapped);
      expect(Buffer.compare(mapped, new Uint8Array(x.buffer))).toBe(0);
      expect(() => backend.mapFile(join(dir, 'missing.bin'))).toThrow(/missing\.bin/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** This process's resident pages of mapped files (RssFile, bytes). */
const rssFile = (): number => Number(/RssFile:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;

describe('bulk calls over a mapped file', () => {
  const backend = new NativeBackend(loadAddon());
  it.each([
    ['channel groups', 1536, 8192],
    ['per tensor', 1, 1536 * 8192],
  ])('%s: the bytes of the in-memory call, read from the file (pread) without mapping its pages into the process', (_name, channels, inner) => {
    const dir = mkdtempSync(join(tmpdir(), 'liteq-map-'));
    try {
      const x = new Float32Array(channels * inner); // 48 MiB of floats
      for (let i = 0, s = 9; i < x.length; i++) x[i] = ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
      const file = join(dir, 'w.bin');
      writeFileSync(file, new Uint8Array(x.buffer));
      const mapped = new Float32Array(backend.mapFile(file) as ArrayBuffer);
      const want = backend.quantizeWeightsInt8(x, channels, inner, 127) as { data: Int8Array; scales: Float32Array };
      const before = rssFile();
      const got = backend.quantizeWeightsInt8(mapped, channels, inner, 127) as { data: Int8Array; scales: Float32Array };
      // The mapping itself is not read (the addon's read hook preads the file behind it): not the 48 MiB.
      expect(rssFile() - before).toBeLessThan(4 * 2 ** 20);
      expect(Buffer.compare(Buffer.from(got.data.buffer), Buffer.from(want.data.buffer))).toBe(0);
      expect([...got.scales]).toEqual([...want.scales]);
      const half = backend.toFloat16(mapped);
      expect(rssFile() - before).toBeLessThan(4 * 2 ** 20);
      expect(Buffer.compare(Buffer.from(half.buffer), Buffer.from(backend.toFloat16(x).buffer))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a mapped input truncated by another process', () => {
  it('makes the bulk calls fail with an I/O error (LITEQ_E_IO, -6), where reading the mapping itself would kill the process', () => {
    const backend = new NativeBackend(loadAddon());
    const dir = mkdtempSync(join(tmpdir(), 'liteq-map-'));
    try {
      const file = join(dir, 'w.bin');
      writeFileSync(file, new Uint8Array(new Float32Array(4 * 2 ** 20).fill(0.5).buffer)); // 16 MiB
      const mapped = new Float32Array(backend.mapFile(file) as ArrayBuffer);
      truncateSync(file, 2 ** 20);
      for (const call of [() => backend.quantizeWeightsInt8(mapped, 64, mapped.length / 64, 127), () => backend.quantizeWeightsInt8(mapped, 1, mapped.length, 127), () => backend.toFloat16(mapped)]) {
        let error: (Error & { status?: number }) | undefined;
        try {
          call();
        } catch (e) {
          error = e as Error;
        }
        expect(error?.message).toMatch(/reading the input failed: Input\/output error/);
        expect(error?.status).toBe(-6);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function pick(b: NativeBackend): WeightBackend {
  return { quantizeWeightsInt8: b.quantizeWeightsInt8.bind(b), toFloat16: b.toFloat16.bind(b) };
}
