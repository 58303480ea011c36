import { describe, expect, it } from 'vitest';
import { activationRangeQuantized, frexp, quantizeMultiplier } from './quant-math.js';

describe('quantizeMultiplier (TFLite QuantizeMultiplier)', () => {
  it('decomposes into a Q31 significand in [2^30, 2^31) and an exponent', () => {
    for (const real of [0.0001, 0.003921568859368563, 0.5, 0.75, 1, 1.5, 3.9, 1234.5]) {
      const { multiplier, shift } = quantizeMultiplier(real);
      expect(multiplier).toBeGreaterThanOrEqual(2 ** 30);
      expect(multiplier).toBeLessThan(2 ** 31);
      expect(Math.abs((multiplier * 2 ** (shift - 31)) / real - 1)).toBeLessThan(2 ** -30);
    }
  });

  it('carries a significand that rounds up to 2^31 into the exponent', () => {
    const real = 1 - 2 ** -40; // q * 2^31 rounds to exactly 2^31
    expect(quantizeMultiplier(real)).toEqual({ multiplier: 2 ** 30, shift: 1 });
  });

  it('flushes multipliers below 2^-32 to zero, and zero to zero', () => {
    expect(quantizeMultiplier(2 ** -40)).toEqual({ multiplier: 0, shift: 0 });
    expect(quantizeMultiplier(0)).toEqual({ multiplier: 0, shift: 0 });
  });

  it('matches known TFLite values', () => {
    // 0.5 → 2^30 with shift 0; 0.25 → 2^30 with shift -1 (power-of-two multipliers are exact).
    expect(quantizeMultiplier(0.5)).toEqual({ multiplier: 2 ** 30, shift: 0 });
    expect(quantizeMultiplier(0.25)).toEqual({ multiplier: 2 ** 30, shift: -1 });
    expect(quantizeMultiplier(3)).toEqual({ multiplier: 3 * 2 ** 29, shift: 2 });
  });
});

describe('frexp', () => {
  it('is exact across magnitudes including subnormals and powers of two', () => {
    for (const m of [1, 2, 0.5, 1023.999, 2 ** 100, 2 ** -1060, 5e-324, 1.7976931348623157e308, -3]) {
      const { q, e } = frexp(m);
      expect(Math.abs(q)).toBeGreaterThanOrEqual(0.5);
      expect(Math.abs(q)).toBeLessThan(1);
      expect(e > 1000 ? q * 2 ** 1000 * 2 ** (e - 1000) : e < -1000 ? q * 2 ** -1000 * 2 ** (e + 1000) : q * 2 ** e).toBe(m);
    }
  });
});

describe('activationRangeQuantized', () => {
  it('clamps RELU6 to [zp, zp + round(6/scale)] within the type range', () => {
    expect(activationRangeQuantized('RELU6', 'uint8', 0.0235294122248888, 0)).toEqual({ min: 0, max: 255 });
    expect(activationRangeQuantized('RELU6', 'uint8', 0.05, 10)).toEqual({ min: 10, max: 130 });
    expect(activationRangeQuantized('RELU', 'int8', 0.1, -128)).toEqual({ min: -128, max: 127 });
    expect(activationRangeQuantized('NONE', 'int8', 0.1, 3)).toEqual({ min: -128, max: 127 });
  });
});
