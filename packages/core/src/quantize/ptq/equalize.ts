// Cross-layer equalization (Nagel et al., "Data-Free Quantization Through Weight Equalization and Bias
// Correction", ICCV 2019, section 4.1) on a float model, before calibration: for two layers in a chain
// (CONV_2D or DEPTHWISE_CONV_2D with depth multiplier 1, the first one's output feeding only the second),
// output channel i of the first is divided by s_i and input channel i of the second multiplied by s_i,
// with s_i = sqrt(r1_i / r2_i) so both channels end with the range sqrt(r1_i * r2_i). Per-tensor weight
// quantization then wastes far fewer levels on the depthwise layers' small channels.
//
// The function between the layers must commute with a positive per-channel scale: none and RELU do.
// RELU6 does not (its clamp at 6 would have to move to 6 / s_i): liteq rescales the bound per channel —
// the first layer's fused RELU6 becomes RELU and a MINIMUM with the per-channel bounds follows it — so
// the equalized float model computes the same function (docs/SEMANTICS.md, "Cross-layer equalization").
// The quantize step gives the conv output the MINIMUM's range, so the extra op costs no resolution.
//
// Channels the first layer never feeds (all-zero weights, common after quantization-aware training)
// would keep their second-layer weights and with them the second layer's per-tensor range: when the
// activation makes them 0 everywhere (RELU/RELU6 of a bias <= 0) those weights multiply zeros and are
// set to 0; otherwise (a constant channel) they are scaled down to the largest live channel's range.
// Bias absorption (the paper's 4.1.2) is not done: it is exact only on the data it was measured on.
import { UnsupportedError } from '../../errors.js';
import { floatData } from '../../graph/from-model.js';
import { builtinOptions, opName } from '../../ir/op-name.js';
import type { Model, Operator, Tensor } from '../../ir/types.js';
import { cloneSubgraph } from '../schemes/model-edit.js';

export interface EqualizeOptions {
  /** Sweeps over all pairs (a depthwise layer sits in two pairs); default 20 or until the scales settle. */
  iterations?: number;
  /** Channels whose range is below this are left alone (dead channels). */
  epsilon?: number;
}

export interface EqualizeReport {
  /** Layer pairs equalized, by their first and second op's output names. */
  pairs: { first: string; second: string; activation: string }[];
  /** MINIMUM ops added for rescaled RELU6 bounds. */
  boundOps: number;
  /** Second-layer weights zeroed because their first-layer channel is 0 everywhere. */
  deadChannels: number;
  sweeps: number;
}

interface Layer {
  op: Operator;
  weights: Float32Array;
  bias: Float32Array | undefined;
  /** Output channels, input channels per output channel (depthwise: 1), kernel taps. */
  outC: number;
  inC: number;
  taps: number;
  depthwise: boolean;
}

const EQUALIZABLE = new Set(['NONE', 'RELU', 'RELU6']);

/** The float model with equalized weights (a new model; the input is not changed). */
export function equalizeModel(model: Model, o: EqualizeOptions = {}): { model: Model; report: EqualizeReport } {
  const src = model.subgraphs[0];
  if (!src) throw new UnsupportedError('model has no subgraph');
  const sg = cloneSubgraph(src);
  const eps = o.epsilon ?? 1e-8;
  const consumers = new Map<number, Operator[]>();
  for (const op of sg.operators) for (const t of op.inputs) if (t >= 0) consumers.set(t, [...(consumers.get(t) ?? []), op]);
  const useCount = (t: number) => consumers.get(t)?.length ?? 0;

  // Weights and biases get private float copies (they may be views into the file, or shared).
  const layers = new Map<Operator, Layer>();
  const layerOf = (op: Operator): Layer | undefined => {
    if (layers.has(op)) return layers.get(op);
    const name = opName(op);
    if (name !== 'CONV_2D' && name !== 'DEPTHWISE_CONV_2D') return undefined;
    const [x, w, b] = op.inputs;
    const wt = sg.tensors[w ?? -1];
    const bt = b !== undefined && b >= 0 ? sg.tensors[b] : undefined;
    if (x === undefined || !wt?.data || wt.dtype !== 'float32' || wt.shape.length !== 4 || useCount(w!) !== 1) return undefined;
    if (bt && (!bt.data || bt.dtype !== 'float32' || useCount(b!) !== 1)) return undefined;
    const depthwise = name === 'DEPTHWISE_CONV_2D';
    const inC = sg.tensors[x]?.shape.at(-1) ?? -1;
    const [d0, d1, d2, d3] = wt.shape as [number, number, number, number];
    if (depthwise && (d0 !== 1 || d3 !== inC)) return undefined; // depth multiplier 1 only
    const weights = floatData(wt.data).slice();
    sg.tensors[w!] = { ...wt, data: new Uint8Array(weights.buffer) };
    let bias: Float32Array | undefined;
    if (bt) {
      bias = floatData(bt.data!).slice();
      sg.tensors[b!] = { ...bt, data: new Uint8Array(bias.buffer) };
    }
    const layer: Layer = depthwise ? { op, weights, bias, outC: d3, inC: 1, taps: d1 * d2, depthwise } : { op, weights, bias, outC: d0, inC: d3, taps: d1 * d2, depthwise };
    layers.set(op, layer);
    return layer;
  };

  // Chains: first's only output feeds only the second, as its data input.
  const pairs: { a: Operator; b: Operator; act: string }[] = [];
  for (const a of sg.operators) {
    const y = a.outputs[0]!;
    const act = (builtinOptions(a)['fusedActivationFunction'] as string | undefined) ?? 'NONE';
    if (!EQUALIZABLE.has(act) || useCount(y) !== 1 || sg.outputs.includes(y)) continue;
    const b = consumers.get(y)![0]!;
    if (b.inputs[0] !== y || !b.inputs.slice(1).every((t) => t !== y)) continue;
    const la = layerOf(a);
    const lb = la && layerOf(b);
    if (!la || !lb || la.outC !== (lb.depthwise ? lb.outC : lb.inC)) continue;
    pairs.push({ a, b, act });
  }

  // Per-channel RELU6 bounds of each first layer's output (6 until a scale moves them).
  const bounds = new Map<Operator, Float64Array>();
  // A first-layer channel with all-zero weights and a bias that RELU/RELU6 turns into 0 is 0 everywhere:
  // the second layer's weights on it multiply zeros, and setting them to 0 changes nothing — but frees
  // the second layer's per-tensor range from them.
  let deadChannels = 0;
  for (const { a, b, act } of pairs) {
    if (act !== 'RELU' && act !== 'RELU6') continue;
    const la = layers.get(a)!, lb = layers.get(b)!;
    const r1 = outputRanges(la), r2 = inputRanges(lb);
    for (let i = 0; i < r1.length; i++) {
      if (r1[i] === 0 && r2[i]! > 0 && (!la.bias || la.bias[i]! <= 0)) {
        scaleInput(lb, i, 0);
        deadChannels++;
      }
    }
  }
  const maxSweeps = o.iterations ?? 20;
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    let worst = 0;
    for (const { a, b, act } of pairs) {
      const la = layers.get(a)!, lb = layers.get(b)!;
      const r1 = outputRanges(la), r2 = inputRanges(lb);
      // Constant channels (no weights in the first layer) only need the second layer's range brought
      // down to the largest of the live channels'.
      let live = 0;
      for (let i = 0; i < r1.length; i++) if (r1[i]! > eps) live = Math.max(live, r2[i]!);
      for (let i = 0; i < r1.length; i++) {
        if (r2[i]! <= eps || (r1[i]! <= eps && r2[i]! <= live)) continue;
        const s = r1[i]! <= eps ? live / r2[i]! : Math.sqrt(r1[i]! / r2[i]!);
        if (!Number.isFinite(s) || s <= 0 || s === 1) continue;
        worst = Math.max(worst, Math.abs(Math.log(s)));
        scaleOutput(la, i, 1 / s);
        scaleInput(lb, i, s);
        if (act === 'RELU6') {
          let bd = bounds.get(a);
          if (!bd) bounds.set(a, (bd = new Float64Array(la.outC).fill(6)));
          bd[i] = bd[i]! / s;
        }
      }
    }
    if (worst < 1e-4) break;
  }

  // RELU6 whose bound moved: RELU, then MINIMUM with the per-channel bound.
  let boundOps = 0;
  for (const [a, bd] of bounds) {
    if (bd.every((v) => v === 6)) continue;
    const y = a.outputs[0]!;
    const yt = sg.tensors[y]!;
    const bound = new Float32Array(bd);
    const relu: Tensor = { name: `${yt.name}/relu`, shape: [...yt.shape], dtype: 'float32', isVariable: false, hasRank: yt.hasRank };
    const bt: Tensor = { name: `${yt.name}/relu6_bound`, shape: [bound.length], dtype: 'float32', data: new Uint8Array(bound.buffer), isVariable: false, hasRank: true };
    sg.tensors.push(relu, bt);
    const ri = sg.tensors.length - 2, bi = sg.tensors.length - 1;
    a.outputs[0] = ri;
    a.op = { ...(a.op as Extract<Operator['op'], { kind: 'builtin' }>), options: { ...builtinOptions(a), type: builtinOptions(a).type!, fusedActivationFunction: 'RELU' } };
    const min: Operator = { op: { kind: 'builtin', opcode: 'MINIMUM', version: 1 }, inputs: [ri, bi], outputs: [y], intermediates: [], mutatingVariableInputs: [] };
    sg.operators.splice(sg.operators.indexOf(a) + 1, 0, min);
    boundOps++;
  }
  const name = (op: Operator) => src.tensors[op.outputs[0]!]?.name ?? '';
  return {
    model: { ...model, subgraphs: [sg, ...model.subgraphs.slice(1)] },
    report: { pairs: pairs.map((p) => ({ first: name(p.a), second: name(p.b), activation: p.act })), boundOps, deadChannels, sweeps },
  };
}

/** max |w| over each output channel (conv: dim 0; depthwise: the last dim). */
function outputRanges(l: Layer): Float64Array {
  const r = new Float64Array(l.outC);
  const w = l.weights;
  if (l.depthwise) {
    for (let k = 0; k < w.length; k++) r[k % l.outC] = Math.max(r[k % l.outC]!, Math.abs(w[k]!));
  } else {
    const per = l.taps * l.inC;
    for (let o = 0; o < l.outC; o++) for (let k = o * per; k < (o + 1) * per; k++) r[o] = Math.max(r[o]!, Math.abs(w[k]!));
  }
  return r;
}

/** max |w| over each input channel (conv: the last dim; depthwise: its channel). */
function inputRanges(l: Layer): Float64Array {
  if (l.depthwise) return outputRanges(l);
  const r = new Float64Array(l.inC);
  const w = l.weights;
  for (let k = 0; k < w.length; k++) r[k % l.inC] = Math.max(r[k % l.inC]!, Math.abs(w[k]!));
  return r;
}

function scaleOutput(l: Layer, i: number, f: number): void {
  const w = l.weights;
  if (l.depthwise) for (let k = i; k < w.length; k += l.outC) w[k] = w[k]! * f;
  else {
    const per = l.taps * l.inC;
    for (let k = i * per; k < (i + 1) * per; k++) w[k] = w[k]! * f;
  }
  if (l.bias) l.bias[i] = l.bias[i]! * f;
}

function scaleInput(l: Layer, i: number, f: number): void {
  const w = l.weights;
  if (l.depthwise) for (let k = i; k < w.length; k += l.outC) w[k] = w[k]! * f;
  else for (let k = i; k < w.length; k += l.inC) w[k] = w[k]! * f;
}
