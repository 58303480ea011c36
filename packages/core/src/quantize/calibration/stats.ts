// Per-tensor activation statistics gathered during calibration, and the range each method picks:
// - minmax: the min and max over every sample;
// - ema: per-sample min/max, averaged exponentially (TF's MovingAverageQuantize, decay 0.9 by default
//   here because calibration runs over tens of samples, not thousands of steps);
// - percentile[=P]: the P-th / (100-P)-th percentile of all values (default 99.99);
// - entropy: TensorRT's KL-divergence calibration, per sign (see klThreshold);
// - mse: the clip threshold minimizing expected quantization MSE (clip + rounding noise), per sign.
// Histograms are kept per sign over |x| (exact zeros counted apart) with 2048 bins on [0, R]; R
// doubles (pairs of bins merge, exactly) when a larger value arrives, so one pass over the samples suffices.

export type CalibrationMethod = { kind: 'minmax' } | { kind: 'ema'; decay: number } | { kind: 'percentile'; percentile: number } | { kind: 'entropy' } | { kind: 'mse' };

export const HISTOGRAM_BINS = 2048;

/** Parses "minmax" | "ema" | "percentile" | "percentile=99.9" | "entropy" | "mse". */
export function parseCalibrationMethod(s: string): CalibrationMethod {
  const [name, arg] = s.split('=', 2) as [string, string | undefined];
  switch (name) {
    case 'minmax':
      return { kind: 'minmax' };
    case 'ema': {
      const decay = arg === undefined ? 0.9 : Number(arg);
      if (!(decay >= 0 && decay < 1)) throw new RangeError(`ema decay must be in [0, 1), got ${arg}`);
      return { kind: 'ema', decay };
    }
    case 'percentile': {
      const percentile = arg === undefined ? 99.99 : Number(arg);
      if (!(percentile > 50 && percentile <= 100)) throw new RangeError(`percentile must be in (50, 100], got ${arg}`);
      return { kind: 'percentile', percentile };
    }
    case 'entropy':
    case 'kl':
      return { kind: 'entropy' };
    case 'mse':
      return { kind: 'mse' };
    default:
      throw new RangeError(`unknown calibration method "${s}" (minmax, ema[=DECAY], percentile[=P], entropy, mse)`);
  }
}

export const needsHistogram = (m: CalibrationMethod): boolean => m.kind === 'percentile' || m.kind === 'entropy' || m.kind === 'mse';

/** A histogram of |x| on [0, range] that grows by doubling. */
export class AbsHistogram {
  counts = new Float64Array(HISTOGRAM_BINS);
  range = 0;
  total = 0;

  private grow(to: number): void {
    if (this.range === 0) {
      this.range = to;
      return;
    }
    while (this.range < to) {
      const c = this.counts;
      for (let i = 0; i < HISTOGRAM_BINS / 2; i++) c[i] = c[2 * i]! + c[2 * i + 1]!;
      c.fill(0, HISTOGRAM_BINS / 2);
      this.range *= 2;
    }
  }

  /**
   * Adds the values of one sign (already known to be in [-maxAbs, maxAbs]); exact zeros are not
   * counted: every affine quantization represents 0 exactly, and a ReLU's spike of zeros would
   * otherwise dominate the entropy and MSE objectives (pytorch-quantization's skip_zeros).
   */
  addAbs(values: Float32Array, sign: 1 | -1, maxAbs: number): void {
    if (maxAbs <= 0) return;
    if (maxAbs > this.range) this.grow(maxAbs);
    const k = HISTOGRAM_BINS / this.range;
    const c = this.counts;
    let n = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]! * sign;
      if (!(v > 0)) continue;
      let b = Math.floor(v * k);
      if (b >= HISTOGRAM_BINS) b = HISTOGRAM_BINS - 1;
      c[b] = c[b]! + 1;
      n++;
    }
    this.total += n;
  }

  /** The |x| value below which a fraction q of this side's values lie (linear within a bin). */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const target = q * this.total;
    let acc = 0;
    const w = this.range / HISTOGRAM_BINS;
    for (let i = 0; i < HISTOGRAM_BINS; i++) {
      const c = this.counts[i]!;
      if (acc + c >= target) return (i + (c > 0 ? (target - acc) / c : 0)) * w;
      acc += c;
    }
    return this.range;
  }
}

/** KL divergence of P from Q (both unnormalized), skipping empty P bins; Q empty where P is not → large. */
function klDivergence(p: Float64Array, q: Float64Array): number {
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i]!;
    sq += q[i]!;
  }
  if (sp === 0 || sq === 0) return Infinity;
  let d = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / sp;
    if (pi === 0) continue;
    const qi = q[i]! / sq;
    d += qi === 0 ? pi * 50 : pi * Math.log(pi / qi);
  }
  return d;
}

/**
 * TensorRT entropy calibration on one histogram: for each candidate threshold i (bins [0, i)),
 * P = the bins with the outliers folded into the last one, Q = P squeezed into `levels` bins and
 * expanded back over the non-empty bins; the threshold with the smallest KL(P‖Q) wins.
 */
export function klThreshold(h: AbsHistogram, levels: number): number {
  if (h.total === 0 || h.range === 0) return 0;
  let last = HISTOGRAM_BINS;
  while (last > 0 && h.counts[last - 1] === 0) last--;
  if (last <= levels) return (last / HISTOGRAM_BINS) * h.range;
  const c = h.counts;
  let best = last;
  let bestD = Infinity;
  const step = Math.max(1, Math.floor((last - levels) / 256));
  for (let i = levels; i <= last; i += step) {
    const p = Float64Array.from(c.subarray(0, i));
    let outliers = 0;
    for (let j = i; j < HISTOGRAM_BINS; j++) outliers += c[j]!;
    p[i - 1] = p[i - 1]! + outliers;
    const q = new Float64Array(i);
    const per = i / levels;
    for (let k = 0; k < levels; k++) {
      const start = Math.floor(k * per);
      const end = k === levels - 1 ? i : Math.floor((k + 1) * per);
      let sum = 0;
      let nonzero = 0;
      for (let j = start; j < end; j++) {
        sum += c[j]!;
        if (c[j]! !== 0) nonzero++;
      }
      if (nonzero === 0) continue;
      const avg = sum / nonzero;
      for (let j = start; j < end; j++) if (c[j]! !== 0) q[j] = avg;
    }
    const d = klDivergence(p, q);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return (best / HISTOGRAM_BINS) * h.range;
}

/** The clip threshold T minimizing Σ clip error² + in-range count × (T/levels)²/12 on one histogram. */
export function mseThreshold(h: AbsHistogram, levels: number): number {
  if (h.total === 0 || h.range === 0) return 0;
  const w = h.range / HISTOGRAM_BINS;
  let last = HISTOGRAM_BINS;
  while (last > 0 && h.counts[last - 1] === 0) last--;
  let best = last;
  let bestE = Infinity;
  const step = Math.max(1, Math.floor(last / 512));
  for (let i = Math.max(1, Math.floor(last / 16)); i <= last; i += step) {
    const t = i * w;
    const delta = t / levels;
    let e = 0;
    let inRange = 0;
    for (let j = 0; j < last; j++) {
      const cnt = h.counts[j]!;
      if (cnt === 0) continue;
      const center = (j + 0.5) * w;
      if (j < i) inRange += cnt;
      else e += cnt * (center - t) ** 2;
    }
    e += (inRange * delta * delta) / 12;
    if (e < bestE) {
      bestE = e;
      best = i;
    }
  }
  return best * w;
}

/** Running statistics of one activation tensor. */
export class TensorStats {
  min = Infinity;
  max = -Infinity;
  emaMin = 0;
  emaMax = 0;
  samples = 0;
  zeros = 0;
  pos?: AbsHistogram;
  neg?: AbsHistogram;

  constructor(
    private readonly method: CalibrationMethod,
    private readonly histogram = needsHistogram(method),
  ) {}

  add(values: Float32Array): void {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return;
    this.min = Math.min(this.min, lo);
    this.max = Math.max(this.max, hi);
    if (this.method.kind === 'ema' && this.samples > 0) {
      const d = this.method.decay;
      this.emaMin = d * this.emaMin + (1 - d) * lo;
      this.emaMax = d * this.emaMax + (1 - d) * hi;
    } else if (this.samples === 0) {
      this.emaMin = lo;
      this.emaMax = hi;
    }
    this.samples++;
    if (this.histogram) {
      for (let i = 0; i < values.length; i++) if (values[i] === 0) this.zeros++;
      this.pos ??= new AbsHistogram();
      this.neg ??= new AbsHistogram();
      this.pos.addAbs(values, 1, Math.max(hi, 0));
      this.neg.addAbs(values, -1, Math.max(-lo, 0));
    }
  }

  /** The float range the method picks (always containing 0, as the quantizer needs). */
  range(): { min: number; max: number } {
    if (this.samples === 0) return { min: 0, max: 0 };
    const m = this.method;
    let min = this.min;
    let max = this.max;
    if (m.kind === 'ema') {
      min = this.emaMin;
      max = this.emaMax;
    } else if (m.kind !== 'minmax' && this.pos && this.neg) {
      const np = this.pos.total;
      const nn = this.neg.total;
      const total = np + nn;
      if (m.kind === 'percentile') {
        // Tail mass (100 - P)% on each end of the whole distribution (zeros included).
        const tail = ((100 - m.percentile) / 100) * (total + this.zeros);
        max = np > 0 ? Math.min(this.max, this.pos.quantile(Math.max(0, (np - tail) / np))) : 0;
        min = nn > 0 ? -Math.min(-this.min, this.neg.quantile(Math.max(0, (nn - tail) / nn))) : 0;
        if (m.percentile === 100) {
          min = this.min;
          max = this.max;
        }
      } else {
        // Levels split between the signs in proportion to their extent (255 when one sign is empty).
        const both = this.max > 0 && this.min < 0;
        const share = both ? this.max / (this.max - this.min) : 1;
        const lp = Math.max(16, Math.round(255 * share));
        const ln = Math.max(16, 255 - lp);
        const f = m.kind === 'entropy' ? klThreshold : mseThreshold;
        max = this.max > 0 ? Math.min(this.max, f(this.pos, both ? lp : 255)) : 0;
        min = this.min < 0 ? -Math.min(-this.min, f(this.neg, both ? ln : 255)) : 0;
      }
    }
    return { min: Math.min(min, 0), max: Math.max(max, 0) };
  }
}
