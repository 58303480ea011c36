import { describe, expect, it } from 'vitest';
import { AbsHistogram, parseCalibrationMethod, TensorStats } from './stats.js';

/** Deterministic pseudo-random normal samples (Box-Muller over an LCG). */
function normals(n: number, seed = 1): Float32Array {
  let s = seed;
  const u = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) + 1) / (2 ** 31 + 1);
  return Float32Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
}

describe('calibration statistics', () => {
  it('parses methods', () => {
    expect(parseCalibrationMethod('percentile=99.9')).toEqual({ kind: 'percentile', percentile: 99.9 });
    expect(parseCalibrationMethod('ema')).toEqual({ kind: 'ema', decay: 0.9 });
    expect(() => parseCalibrationMethod('median')).toThrow(/unknown calibration method/);
  });

  it('minmax and ema', () => {
    const mm = new TensorStats({ kind: 'minmax' });
    const ema = new TensorStats({ kind: 'ema', decay: 0.5 });
    for (const s of [new Float32Array([-1, 2]), new Float32Array([-3, 4])]) {
      mm.add(s);
      ema.add(s);
    }
    expect(mm.range()).toEqual({ min: -3, max: 4 });
    expect(ema.range()).toEqual({ min: -2, max: 3 });
  });

  it('the growing histogram merges bins exactly', () => {
    const h = new AbsHistogram();
    h.addAbs(new Float32Array([0.5, 1]), 1, 1);
    h.addAbs(new Float32Array([3.9]), 1, 3.9);
    expect(h.range).toBe(4);
    expect(h.total).toBe(3);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(h.quantile(0.5)).toBeCloseTo(1, 2);
  });

  it('percentile, entropy and mse clip the tails of a normal distribution, minmax does not', () => {
    const x = normals(200_000);
    x[0] = 40; // one outlier
    const range = (method: string) => {
      const s = new TensorStats(parseCalibrationMethod(method));
      s.add(x);
      return s.range();
    };
    expect(range('minmax').max).toBe(40);
    const p = range('percentile=99.9');
    expect(p.max).toBeGreaterThan(2.9);
    expect(p.max).toBeLessThan(3.5);
    expect(p.min).toBeLessThan(-2.9);
    const e = range('entropy');
    expect(e.max).toBeGreaterThan(2);
    expect(e.max).toBeLessThan(10);
    expect(e.min).toBeLessThan(-2);
    // MSE weighs the one outlier's clip error (~37²) against everyone's rounding noise: without it,
    // the threshold sits inside the normal's own tail.
    x[0] = 0;
    const max = x.reduce((a, b) => Math.max(a, b), 0);
    const m = range('mse');
    expect(m.max).toBeGreaterThan(2);
    expect(m.max).toBeLessThan(max);
  });
});
