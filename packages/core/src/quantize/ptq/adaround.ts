// Learned weight rounding for depthwise layers (the objective of AdaRound, Nagel et al., ICML 2020:
// choose up or down per weight to minimize the layer's output error on calibration data instead of
// rounding each weight to nearest). For a depthwise channel the output error of a rounding choice is
// Δᵀ G Δ, with Δ the per-tap weight error and G = E[p pᵀ] the second moment of the channel's input
// patches over the calibration images (float model, zero padding as the op pads) — a quadratic in at
// most kh·kw variables, so instead of AdaRound's relaxed sigmoid and gradient descent liteq descends on
// it directly: start at nearest, flip any tap between floor and ceil while that lowers Δᵀ G Δ.
// The result is a float model whose depthwise weights sit exactly on the chosen grid points, so the
// scheme's own round-to-nearest reproduces the choice; the elements that set the scale (the tensor's
// min and max for uint8, each channel's largest |w| for int8) keep their nearest rounding.
import { floatData } from '../../graph/from-model.js';
import { builtinOptions, opName } from '../../ir/op-name.js';
import type { Model, Operator } from '../../ir/types.js';
import { computePadding2D, paddingMode } from '../../plan/ops/padding.js';
import { chooseQuantizationParams } from '../numerics/choose-params.js';
import { roundHalfAwayFromZero } from '../numerics/quant-math.js';
import { dataRange } from '../numerics/ranges.js';
import { cloneSubgraph } from '../schemes/model-edit.js';
import { forEachImageRun, type ChannelStatsOptions } from './channel-stats.js';

export interface AdaroundOptions extends ChannelStatsOptions {
  scheme: 'uint8' | 'int8';
}

export interface AdaroundReport {
  layers: number;
  /** Weights rounded away from nearest. */
  flipped: number;
  weights: number;
  /** Σ over channels of Δᵀ G Δ, nearest rounding and chosen rounding. */
  errorNearest: number;
  errorChosen: number;
}

interface DwLayer {
  op: Operator;
  x: number;
  w: number;
  taps: number;
  channels: number;
  kh: number;
  kw: number;
  /** Per channel, taps × taps. */
  gram: Float64Array;
  count: number;
}

const MAX_TAPS = 25;

export async function adaroundDepthwise(model: Model, o: AdaroundOptions): Promise<{ model: Model; report: AdaroundReport }> {
  const sg = cloneSubgraph(model.subgraphs[0]!);
  const layers: DwLayer[] = [];
  for (const op of sg.operators) {
    if (opName(op) !== 'DEPTHWISE_CONV_2D') continue;
    const [x, w] = op.inputs as [number, number];
    const wt = sg.tensors[w]!;
    const xt = sg.tensors[x]!;
    if (!wt.data || wt.dtype !== 'float32' || wt.shape.length !== 4 || xt.shape.length !== 4) continue;
    const [, kh, kw, c] = wt.shape as [number, number, number, number];
    if (c !== xt.shape[3] || kh * kw > MAX_TAPS) continue; // depth multiplier 1, small kernels
    layers.push({ op, x, w, taps: kh * kw, channels: c, kh, kw, gram: new Float64Array(c * kh * kw * kh * kw), count: 0 });
  }
  const report: AdaroundReport = { layers: layers.length, flipped: 0, weights: 0, errorNearest: 0, errorChosen: 0 };
  if (layers.length === 0) return { model, report };

  // Second moments of the input patches, from the float model.
  await forEachImageRun(model, layers.map((l) => l.x), o, 'adaround', (outs) =>
    layers.forEach((l, k) => accumulateGram(l, outs[k]!.data as Float32Array, sg.tensors[l.x]!.shape)),
  );

  for (const l of layers) {
    const wt = sg.tensors[l.w]!;
    const w = floatData(wt.data!).slice();
    const grid = gridOf(w, l.channels, o.scheme);
    const g = l.gram;
    const T = l.taps;
    for (let c = 0; c < l.channels; c++) {
      const G = g.subarray(c * T * T, (c + 1) * T * T);
      const idx = Array.from({ length: T }, (_, t) => t * l.channels + c);
      const { scale, zp, qmin, qmax } = grid.params(c);
      if (!(scale > 0)) continue;
      const q = idx.map((i) => Math.min(qmax, Math.max(qmin, roundHalfAwayFromZero(zp + w[i]! / scale))));
      const fixed = idx.map((i) => grid.fixed.has(i));
      const delta = idx.map((i, t) => (q[t]! - zp) * scale - w[i]!);
      const gd = new Float64Array(T);
      for (let a = 0; a < T; a++) for (let b = 0; b < T; b++) gd[a] = gd[a]! + G[a * T + b]! * delta[b]!;
      const err = () => delta.reduce((s, d, a) => s + d * gd[a]!, 0);
      report.errorNearest += err();
      for (let sweep = 0, moved = true; moved && sweep < 50; sweep++) {
        moved = false;
        for (let t = 0; t < T; t++) {
          if (fixed[t]) continue;
          const exact = zp + w[idx[t]!]! / scale;
          const other = q[t]! > exact ? Math.floor(exact) : Math.ceil(exact);
          if (other === q[t] || other < qmin || other > qmax) continue;
          const step = (other - q[t]!) * scale;
          const change = 2 * step * gd[t]! + step * step * G[t * T + t]!;
          if (change >= -1e-12 * Math.abs(err())) continue;
          q[t] = other;
          delta[t] = delta[t]! + step;
          for (let a = 0; a < T; a++) gd[a] = gd[a]! + G[a * T + t]! * step;
          moved = true;
        }
      }
      report.errorChosen += err();
      idx.forEach((i, t) => {
        report.weights++;
        const nearest = roundHalfAwayFromZero(zp + w[i]! / scale);
        if (q[t] === nearest || fixed[t]) return;
        // On the grid point, inside the range that sets the scale; kept only if it rounds back.
        const v = Math.fround(Math.min(grid.hi(c), Math.max(grid.lo(c), (q[t]! - zp) * scale)));
        if (roundHalfAwayFromZero(zp + v / scale) !== q[t]) return;
        w[i] = v;
        report.flipped++;
      });
    }
    sg.tensors[l.w] = { ...wt, data: new Uint8Array(w.buffer) };
  }
  return { model: { ...model, subgraphs: [sg, ...model.subgraphs.slice(1)] }, report };
}

/** The scheme's weight grid: per tensor narrow uint8, or per channel symmetric int8. */
function gridOf(w: Float32Array, channels: number, scheme: 'uint8' | 'int8') {
  const fixed = new Set<number>();
  if (scheme === 'uint8') {
    const r = dataRange(w);
    const p = chooseQuantizationParams(r.min, r.max, 1, 255);
    let lo = 0, hi = 0;
    w.forEach((v, i) => {
      if (v < w[lo]!) lo = i;
      if (v > w[hi]!) hi = i;
    });
    fixed.add(lo).add(hi);
    return { fixed, params: () => ({ scale: p.scale, zp: p.zeroPoint, qmin: 1, qmax: 255 }), lo: () => w[lo]!, hi: () => w[hi]! };
  }
  const maxAbs = new Float64Array(channels);
  const arg = new Int32Array(channels).fill(-1);
  w.forEach((v, i) => {
    const c = i % channels;
    if (Math.abs(v) > maxAbs[c]!) {
      maxAbs[c] = Math.abs(v);
      arg[c] = i;
    }
  });
  arg.forEach((i) => i >= 0 && fixed.add(i));
  // quantizeWeightsInt8: scale = max|w_c| / 127 in float32, values in [-127, 127].
  return {
    fixed,
    params: (c: number) => ({ scale: maxAbs[c]! > 0 ? Math.fround(maxAbs[c]! / 127) : 0, zp: 0, qmin: -127, qmax: 127 }),
    lo: (c: number) => -maxAbs[c]!,
    hi: (c: number) => maxAbs[c]!,
  };
}

/** Adds the outer products of every (sampled) output position's input patch, per channel. */
function accumulateGram(l: DwLayer, x: Float32Array, shape: number[]): void {
  const [, h, wd, c] = shape as [number, number, number, number];
  const o = builtinOptions(l.op);
  const sh = Number(o['strideH'] ?? 1), sw = Number(o['strideW'] ?? 1);
  const dh = Number(o['dilationHFactor'] ?? 1), dw = Number(o['dilationWFactor'] ?? 1);
  const pad = computePadding2D(paddingMode('DEPTHWISE_CONV_2D', o['padding']), h, wd, l.kh, l.kw, sh, sw, dh, dw);
  const T = l.taps;
  // At most ~4096 positions per image: a regular subsample of the output grid.
  const every = Math.max(1, Math.ceil(Math.sqrt((pad.outH * pad.outW) / 4096)));
  const patch = new Float64Array(T);
  for (let oy = 0; oy < pad.outH; oy += every) {
    for (let ox = 0; ox < pad.outW; ox += every) {
      l.count++;
      for (let ch = 0; ch < c; ch++) {
        for (let ky = 0, t = 0; ky < l.kh; ky++) {
          const iy = oy * sh - pad.padTop + ky * dh;
          for (let kx = 0; kx < l.kw; kx++, t++) {
            const ix = ox * sw - pad.padLeft + kx * dw;
            patch[t] = iy < 0 || iy >= h || ix < 0 || ix >= wd ? 0 : x[(iy * wd + ix) * c + ch]!;
          }
        }
        const G = l.gram;
        const base = ch * T * T;
        for (let a = 0; a < T; a++) {
          const pa = patch[a]!;
          if (pa === 0) continue;
          for (let b = 0; b < T; b++) G[base + a * T + b] = G[base + a * T + b]! + pa * patch[b]!;
        }
      }
    }
  }
}
