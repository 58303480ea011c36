// Empirical bias correction (Nagel et al., ICCV 2019, section 4.2, the empirical variant): quantizing
// a layer's weights shifts the mean of each output channel's pre-activation by E[(W̃ − W) x̃]. Over the
// calibration images liteq measures, for every CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED, the mean
// of each input channel as the quantized model computes it (E[x̃_c], dequantized), and moves the float
// bias by
//     b'_o = b_o + Σ (W[o,·,c] − W̃[o,·,c]) E[x̃_c]
// with W̃ the quantized model's dequantized weights: the quantized layer then has the float layer's
// mean output on the inputs it really sees. Each layer answers for its own weights only — an
// upstream layer's shift is corrected there, not again downstream (measuring E[x] − E[x̃] at every layer
// at once would correct it at every layer below). The measurement is repeated on the corrected model
// (`passes`, each from the original biases) since the corrections change what later layers see. Taps over padding see zeros in both
// models; the per-channel means ignore that border effect.
import { floatData } from '../../graph/from-model.js';
import { opName } from '../../ir/op-name.js';
import { typedArrayFor } from '../../ir/tensor-data.js';
import type { Model, Tensor } from '../../ir/types.js';
import { channelStats, type ChannelStatsOptions } from './channel-stats.js';
import { AFFINE_OPS } from '../numerics/ranges.js';
import { cloneSubgraph } from '../schemes/model-edit.js';

export interface BiasCorrectionOptions extends Omit<ChannelStatsOptions, 'onImage'> {
  /** The quantized model from a float one (same scheme, same ranges). */
  quantize: (float: Model) => Model;
  /** The float weights W to correct towards, when `model`'s were moved onto the grid (adaround); by op output name. */
  reference?: Model;
  /** Measure-and-correct rounds (default 2). */
  passes?: number;
  /** Called after each image run. */
  onProgress?: (done: number, total: number) => void;
}

export interface BiasCorrectionReport {
  layers: number;
  /** Largest |δ| relative to the layer's output range, per pass. */
  maxShift: number[];
}

interface Affine {
  name: string;
  x: string;
  weights: Float32Array;
  bias: Float32Array;
  /** The biases before correction. */
  original: Float32Array;
  outC: number;
  inC: number;
  depthwise: boolean;
}

/** The float model with corrected biases (a new model). */
export async function correctBiases(model: Model, o: BiasCorrectionOptions): Promise<{ model: Model; report: BiasCorrectionReport }> {
  let sg = cloneSubgraph(model.subgraphs[0]!);
  const rsg = o.reference?.subgraphs[0];
  const refWeights = new Map(rsg?.operators.filter((op) => AFFINE_OPS.has(opName(op))).map((op) => [rsg.tensors[op.outputs[0]!]!.name, rsg.tensors[op.inputs[1]!]!]));
  const layers: Affine[] = [];
  for (const op of sg.operators) {
    const name = opName(op);
    if (!AFFINE_OPS.has(name)) continue;
    const [x, w, b] = op.inputs as [number, number, number | undefined];
    const wt = sg.tensors[w]!;
    if (b === undefined || b < 0 || !wt.data || wt.dtype !== 'float32' || !sg.tensors[b]!.data) continue;
    const bias = floatData(sg.tensors[b]!.data!).slice();
    sg.tensors[b] = { ...sg.tensors[b]!, data: new Uint8Array(bias.buffer) };
    const depthwise = name === 'DEPTHWISE_CONV_2D';
    const outC = depthwise ? wt.shape.at(-1)! : wt.shape[0]!;
    const inC = depthwise ? outC : wt.shape.at(-1)!;
    if (depthwise && (sg.tensors[x]!.shape.at(-1) ?? 0) !== outC) continue; // depth multiplier > 1
    const ref = refWeights.get(sg.tensors[op.outputs[0]!]!.name);
    const weights = ref?.data && ref.dtype === 'float32' && ref.data.byteLength === wt.data.byteLength ? floatData(ref.data) : floatData(wt.data);
    layers.push({ name: sg.tensors[op.outputs[0]!]!.name, x: sg.tensors[x]!.name, weights, bias, original: bias.slice(), outC, inC, depthwise });
  }
  const report: BiasCorrectionReport = { layers: layers.length, maxShift: [] };
  const passes = o.passes ?? 2;
  let ticks = 0;
  const tick = () => o.onProgress?.(++ticks, passes * o.images.length);
  for (let pass = 0; pass < passes; pass++) {
    const current: Model = { ...model, subgraphs: [sg, ...model.subgraphs.slice(1)] };
    const q = o.quantize(current);
    const xNames = [...new Set(layers.map((l) => l.x))];
    const meanQ = new Map([...(await channelStats(q, xNames, { ...o, onImage: tick }))].map(([n, st]) => [n, st.mean]));
    const qsg = q.subgraphs[0]!;
    const qByName = new Map(qsg.tensors.map((t) => [t.name, t]));
    const qOps = new Map(qsg.operators.map((op) => [qsg.tensors[op.outputs[0]!]!.name, op]));
    let maxShift = 0;
    for (const l of layers) {
      const qop = qOps.get(l.name);
      const eq = meanQ.get(l.x);
      if (!qop || !eq || eq.length !== l.inC) continue;
      const wq = dequantized(qsg.tensors[qop.inputs[1]!]!);
      if (!wq || wq.length !== l.weights.length) continue;
      const sf = preActivationMeans(l, l.weights, eq);
      const sq = preActivationMeans(l, wq, eq);
      const out = qByName.get(l.name)?.quantization;
      const range = out && out.scale.length ? out.scale[0]! * 255 : 1;
      for (let c = 0; c < l.outC; c++) {
        const d = sf[c]! - sq[c]!;
        if (!Number.isFinite(d)) continue;
        l.bias[c] = Math.fround(l.original[c]! + d);
        maxShift = Math.max(maxShift, Math.abs(d) / range);
      }
    }
    report.maxShift.push(maxShift);
    sg = { ...sg, tensors: sg.tensors.map((t) => ({ ...t })) };
  }
  return { model: { ...model, subgraphs: [sg, ...model.subgraphs.slice(1)] }, report };
}

/** Σ over taps and input channels of W[o,·,c] · m[c], per output channel. */
function preActivationMeans(l: Affine, w: ArrayLike<number>, m: Float64Array): Float64Array {
  const s = new Float64Array(l.outC);
  if (l.depthwise) {
    for (let k = 0; k < w.length; k++) s[k % l.outC] = s[k % l.outC]! + w[k]! * m[k % l.outC]!;
  } else {
    const per = w.length / l.outC;
    for (let oc = 0; oc < l.outC; oc++) {
      let acc = 0;
      for (let k = 0; k < per; k++) acc += w[oc * per + k]! * m[k % l.inC]!;
      s[oc] = acc;
    }
  }
  return s;
}

/** A constant's real values (scale · (q − zero point), per channel along quantizedDimension). */
function dequantized(t: Tensor): Float64Array | undefined {
  if (!t.data) return undefined;
  if (t.dtype === 'float32') return Float64Array.from(floatData(t.data));
  const q = t.quantization;
  if (!q || q.scale.length === 0) return undefined;
  const v = typedArrayFor(t.dtype, t.data);
  const out = new Float64Array(v.length);
  const dim = q.quantizedDimension;
  const inner = q.scale.length === 1 ? v.length : t.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
  for (let i = 0; i < v.length; i++) {
    const c = q.scale.length === 1 ? 0 : Math.floor(i / inner) % q.scale.length;
    out[i] = q.scale[c]! * (Number(v[i]!) - Number(q.zeroPoint[c] ?? 0n));
  }
  return out;
}
