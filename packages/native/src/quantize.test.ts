// The native bulk weight quantization must give exactly the bytes of core's TS loop (the converter
// uses whichever is available, and the model must not depend on which).
import { describe, expect, it } from 'vitest';
import { quantizeUint8Ts } from '@liteq/core';
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

  it('rejects bad arguments with a message', () => {
    expect(() => backend.quantizeUint8(Float32Array.of(1), 0, 0, 0, 255)).toThrow(/scale/);
    expect(() => backend.quantizeUint8(Float32Array.of(Number.NaN), 1, 0, 0, 255)).toThrow(/non-finite/);
  });
});
