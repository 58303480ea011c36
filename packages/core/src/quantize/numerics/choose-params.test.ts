import { describe, expect, it } from 'vitest';
import { chooseQuantizationParams, fakeQuantFloat, nudge } from './choose-params.js';
import { quantizeBiasInt32, quantizeUint8Ts } from './weights.js';

describe('chooseQuantizationParams (converter, double)', () => {
  it('mean/std 128/128 input range gives scale 1/128, zero point 128', () => {
    expect(chooseQuantizationParams(-1, 127 / 128, 0, 255)).toEqual({ scale: 1 / 128, zeroPoint: 128 });
  });
  it('a zero point exactly at .5 rounds half away from zero (127.5 → 128)', () => {
    expect(chooseQuantizationParams(-127.5, 127.5, 0, 255)).toEqual({ scale: 1, zeroPoint: 128 });
  });
  it('uses the end with the smaller error and clamps into [qmin, qmax]', () => {
    expect(chooseQuantizationParams(0, 6, 0, 255).zeroPoint).toBe(0);
    expect(chooseQuantizationParams(-6, 0, 0, 255).zeroPoint).toBe(255);
    expect(chooseQuantizationParams(1, 2, 0, 255).zeroPoint).toBe(0); // range extended to contain 0
  });
  it('narrow range [1, 255] for weights', () => {
    const p = chooseQuantizationParams(-1.27, 1.27, 1, 255);
    expect(p.scale).toBeCloseTo(2.54 / 254, 15);
    expect(p.zeroPoint).toBe(128);
  });
  it('an empty range is scale 0, zero point 0', () => {
    expect(chooseQuantizationParams(0, 0, 0, 255)).toEqual({ scale: 0, zeroPoint: 0 });
  });
});

describe('nudge (TF FakeQuant, float32)', () => {
  it('agrees with the converter on the same tie (half up = half away for zero points ≥ 0)', () => {
    expect(nudge(-127.5, 127.5, 0, 255).zeroPoint).toBe(128);
  });
  it('float32 arithmetic can land a tie differently from double: both stay within one step', () => {
    // min/max that are not float32-exact: nudge sees the float32 values, the converter the doubles.
    const a = nudge(-0.1, 0.3, 0, 255);
    const b = chooseQuantizationParams(-0.1, 0.3, 0, 255);
    expect(Math.abs(a.zeroPoint - b.zeroPoint)).toBeLessThanOrEqual(1);
    // TF's Nudge, every step in float32: scale = (max - min) / 255, zero point = round(0 - min / scale).
    const f = Math.fround;
    const scale = f(f(f(0.3) - f(-0.1)) / 255);
    expect(a.scale).toBe(scale);
    expect(a.zeroPoint).toBe(Math.floor(f(0 - f(f(-0.1) / scale)) + 0.5));
    expect(b.scale).toBe(0.4 / 255);
  });
  it('fakeQuantFloat snaps onto the nudged grid and clamps', () => {
    const y = fakeQuantFloat(Float32Array.of(-10, 0, 0.26, 10), -1, 1, 8, false);
    const { scale, nudgedMin, nudgedMax } = nudge(-1, 1, 0, 255);
    expect(y[0]).toBe(nudgedMin);
    expect(y[1]).toBe(0);
    expect(Math.abs(y[2]! - 0.26)).toBeLessThanOrEqual(scale / 2 + 1e-7);
    expect(y[3]).toBeCloseTo(nudgedMax, 6);
  });
});

describe('QuantizeBuffer and bias rounding edges', () => {
  it('uint8 weights: ties go away from zero, values clamp to the narrow range', () => {
    expect(Array.from(quantizeUint8Ts(Float32Array.of(0.25, -0.25, -100, 1000), 0.5, 10, 1, 255))).toEqual([11, 10, 1, 255]);
  });
  it('int32 bias: negative ties go away from zero (-2.5 → -3), not half up (-2)', () => {
    expect(Array.from(quantizeBiasInt32(Float32Array.of(-2.5, 2.5, -1.5, 0.49), 1))).toEqual([-3, 3, -2, 0]);
  });
});
