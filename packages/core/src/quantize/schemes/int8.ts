// int8: the full-integer quantization spec. Activations int8 asymmetric per tensor; weights int8
// symmetric per channel (dim 0 conv, dim 3 depthwise; FULLY_CONNECTED per tensor, the only form
// TFLite 2.9 runs); int32 biases per channel. Concat inputs/outputs and reshape/pool chains share
// params (TFLite's int8 CONCATENATION requires it). TFLite_Detection_PostProcess is fed float through
// DEQUANTIZE (TFLite 2.9's kernel fails to invoke on int8 inputs; liteq's takes uint8 or float32).
import { UnsupportedError } from '../../errors.js';
import { opName } from '../../ir/op-name.js';
import type { Model, Operator, Subgraph, Tensor } from '../../ir/types.js';
import { chooseQuantizationParams } from '../numerics/choose-params.js';
import { AFFINE_OPS, dataRange, FIXED_OUTPUT_RANGES, RANGE_PRESERVING_OPS, SHARED_PARAMS_OPS, type MinMax } from '../numerics/ranges.js';
import { quantizeBiasInt32, quantizeWeightsInt8 } from '../numerics/weights.js';
import { addTensor, channelDim, cloneSubgraph, floatData, perTensor, unaryOp } from './model-edit.js';
import { requireRanges, type QuantizeModelOptions } from './options.js';

const POSTPROCESS = 'TFLite_Detection_PostProcess';

/** Op versions TFLite 2.9 registers for the int8 kernels (the builtin resolver accepts anything up to these). */
const INT8_VERSION: Record<string, number> = {
  CONV_2D: 3,
  DEPTHWISE_CONV_2D: 3,
  FULLY_CONNECTED: 4,
  ADD: 2,
  CONCATENATION: 2,
  LOGISTIC: 2,
  SOFTMAX: 2,
  AVERAGE_POOL_2D: 2,
  MAX_POOL_2D: 2,
  PAD: 2,
  QUANTIZE: 2,
  DEQUANTIZE: 2,
  MEAN: 2,
  TANH: 2,
  RELU: 2,
  RELU6: 2,
};

class UnionFind {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

type Params = { scale: number; zeroPoint: number; min: number; max: number; fixed?: boolean };

const int8Params = (r: MinMax): Params => {
  const c = chooseQuantizationParams(r.min, r.max, -128, 127);
  return { scale: c.scale === 0 ? 1 : c.scale, zeroPoint: c.zeroPoint, min: r.min, max: r.max };
};

/** The int8 model's state while the steps below fill it in. */
interface Int8Work {
  sg: Subgraph;
  T: Tensor[];
  isActivation: (i: number) => boolean;
  /** Outputs of custom ops: their own business (stay float). */
  customOut: Set<number>;
  /** Inputs of the post-process op: fed float. */
  ppInputs: Set<number>;
  /** Constants already quantized. */
  done: Set<number>;
}

/** Step 1: custom ops; only the SSD post-process is handled. */
function findCustomOps(sg: Subgraph): { customOut: Set<number>; ppInputs: Set<number> } {
  const customOut = new Set<number>();
  const ppInputs = new Set<number>();
  for (const op of sg.operators) {
    if (op.op.kind !== 'custom') continue;
    op.outputs.forEach((t) => customOut.add(t));
    if (op.op.customCode === POSTPROCESS) op.inputs.forEach((t) => ppInputs.add(t));
    else throw new UnsupportedError(`\`scheme=int8\`: custom op ${op.op.customCode} (only ${POSTPROCESS} is handled)`);
  }
  return { customOut, ppInputs };
}

/** Step 2: params for every activation group (tensors that must share params), fixed ones first. */
function activationParams(w: Int8Work, ranges: Map<number, MinMax>, mean: number, std: number): (i: number) => Params {
  const { sg, T, isActivation } = w;
  const uf = new UnionFind(T.length);
  for (const op of sg.operators) {
    const name = opName(op);
    if (RANGE_PRESERVING_OPS.has(name) && isActivation(op.inputs[0]!)) uf.union(op.inputs[0]!, op.outputs[0]!);
    if (name === 'CONCATENATION' || SHARED_PARAMS_OPS.has(name)) for (const i of op.inputs) if (isActivation(i)) uf.union(i, op.outputs[0]!);
  }
  const groupParams = new Map<number, Params>();
  const setFixed = (t: number, p: Params) => {
    const root = uf.find(t);
    const cur = groupParams.get(root);
    if (cur?.fixed && (cur.scale !== p.scale || cur.zeroPoint !== p.zeroPoint)) throw new UnsupportedError(`\`scheme=int8\`: tensor ${T[t]!.name} needs two different fixed quantizations`);
    groupParams.set(root, { ...p, fixed: true });
  };
  // Inputs: the uint8 input params (pixels 0..255 through mean/std), shifted by 128.
  const inRange = { min: (0 - mean) / std, max: (255 - mean) / std };
  const inU8 = chooseQuantizationParams(inRange.min, inRange.max, 0, 255);
  for (const i of sg.inputs) setFixed(i, { scale: inU8.scale, zeroPoint: inU8.zeroPoint - 128, ...inRange });
  for (const op of sg.operators) {
    const fixed = FIXED_OUTPUT_RANGES[opName(op)];
    if (fixed) setFixed(op.outputs[0]!, int8Params(fixed));
  }
  const union = new Map<number, MinMax>();
  T.forEach((_, i) => {
    if (!isActivation(i) || w.customOut.has(i)) return;
    const r = ranges.get(i);
    if (!r) return;
    const root = uf.find(i);
    const u = union.get(root);
    union.set(root, u ? { min: Math.min(u.min, r.min), max: Math.max(u.max, r.max) } : { ...r });
  });
  return (i) => {
    const root = uf.find(i);
    let p = groupParams.get(root);
    if (!p) {
      const r = union.get(root);
      if (!r) throw new UnsupportedError(`\`scheme=int8\`: no calibrated range for ${T[i]!.name}`);
      p = int8Params(r);
      groupParams.set(root, p);
    }
    return p;
  };
}

/** Step 3: weights int8 per channel (FULLY_CONNECTED per tensor) and biases int32 at s_in × s_w[c]. */
function quantizeAffineConstants(w: Int8Work, o: QuantizeModelOptions): void {
  const { sg, T, done } = w;
  for (const op of sg.operators) {
    if (op.op.kind !== 'builtin' || !AFFINE_OPS.has(op.op.opcode)) continue;
    const code = op.op.opcode;
    const [x, wi, b] = op.inputs as [number, number, number | undefined];
    const wt = T[wi]!;
    if (wt.dtype !== 'float32' || !wt.data) throw new UnsupportedError(`\`scheme=int8\`: ${code} ${wt.name} has non-constant or non-float weights`);
    if (done.has(wi)) throw new UnsupportedError(`\`scheme=int8\`: weights ${wt.name} are shared by several ops`);
    done.add(wi);
    const dim = code === 'FULLY_CONNECTED' ? -1 : channelDim(code);
    const q = quantizeWeightsInt8(floatData(wt.data), wt.shape, dim, o.backend);
    T[wi] = {
      ...wt,
      dtype: 'int8',
      data: new Uint8Array(q.data.buffer, q.data.byteOffset, q.data.byteLength),
      quantization: { scale: [...q.scales], zeroPoint: [...q.scales].map(() => 0n), quantizedDimension: dim < 0 ? 0 : dim, min: [], max: [] },
    };
    if (b === undefined || b < 0) continue;
    const bt = T[b]!;
    if (bt.dtype !== 'float32' || !bt.data) throw new UnsupportedError(`\`scheme=int8\`: ${code} bias ${bt.name} is not a float constant`);
    done.add(b);
    const sIn = T[x]!.quantization!.scale[0]!;
    const bf = floatData(bt.data);
    const scales = [...q.scales].map((sw) => sIn * sw);
    const out = new Int32Array(bf.length);
    for (let c = 0; c < bf.length; c++) out[c] = quantizeBiasInt32(bf.subarray(c, c + 1), scales.length === 1 ? scales[0]! : scales[c]!)[0]!;
    T[b] = {
      ...bt,
      dtype: 'int32',
      data: new Uint8Array(out.buffer),
      quantization: { scale: scales.map(Math.fround), zeroPoint: scales.map(() => 0n), quantizedDimension: 0, min: [], max: [] },
    };
  }
}

/**
 * Step 4: other float constants (e.g. an ADD operand): int8 per tensor from their data range; a
 * MINIMUM/MAXIMUM operand with the op output's params (the op compares stored values).
 */
function quantizeOtherConstants(w: Int8Work): void {
  const { sg, T, done } = w;
  for (const op of sg.operators) {
    const shared = SHARED_PARAMS_OPS.has(opName(op)) ? T[op.outputs[0]!]!.quantization : undefined;
    for (const i of op.inputs) {
      if (i < 0 || done.has(i) || w.ppInputs.has(i)) continue;
      const t = T[i]!;
      if (t.dtype !== 'float32' || !t.data) continue;
      const d = floatData(t.data);
      const { min: lo, max: hi } = shared ? { min: shared.min[0]!, max: shared.max[0]! } : dataRange(d);
      const c = shared ? { scale: shared.scale[0]!, zeroPoint: Number(shared.zeroPoint[0]!) } : chooseQuantizationParams(lo, hi, -128, 127);
      const scale = c.scale === 0 ? 1 : c.scale;
      const q = new Int8Array(d.length);
      for (let k = 0; k < d.length; k++) q[k] = Math.max(-128, Math.min(127, Math.round(c.zeroPoint + d[k]! / scale)));
      T[i] = { ...t, dtype: 'int8', data: new Uint8Array(q.buffer), quantization: perTensor(scale, c.zeroPoint, lo, hi) };
      done.add(i);
    }
  }
}

/** Step 5: box encodings and scores reach the post-process as float through DEQUANTIZE; int8 op versions. */
function dequantizeIntoPostProcess(w: Int8Work): void {
  const { sg, T } = w;
  const ops: Operator[] = [];
  for (const op of sg.operators) {
    if (op.op.kind === 'custom' && op.op.customCode === POSTPROCESS) {
      op.inputs = op.inputs.map((i) => {
        if (i < 0 || T[i]!.dtype !== 'int8' || T[i]!.data) return i;
        const f = addTensor(sg, { name: `${T[i]!.name}/dequantize`, shape: [...T[i]!.shape], dtype: 'float32', isVariable: false, hasRank: T[i]!.hasRank });
        ops.push(unaryOp('DEQUANTIZE', 2, i, f));
        return f;
      });
    }
    if (op.op.kind === 'builtin') op.op.version = Math.max(op.op.version, INT8_VERSION[op.op.opcode] ?? 1);
    ops.push(op);
  }
  sg.operators = ops;
}

export function quantizeInt8Scheme(model: Model, o: QuantizeModelOptions): Model {
  const sg = cloneSubgraph(model.subgraphs[0]!);
  const ranges = requireRanges(o);
  const T = sg.tensors;
  const w: Int8Work = {
    sg,
    T,
    isActivation: (i) => i >= 0 && T[i]!.dtype === 'float32' && !T[i]!.data,
    ...findCustomOps(sg),
    done: new Set<number>(),
  };
  const paramsOf = activationParams(w, ranges, o.mean ?? 127.5, o.std ?? 127.5);
  T.forEach((t, i) => {
    if (!w.isActivation(i) || w.customOut.has(i)) return;
    const p = paramsOf(i);
    T[i] = { ...t, dtype: 'int8', quantization: perTensor(p.scale, p.zeroPoint, p.min, p.max) };
  });
  quantizeAffineConstants(w, o);
  quantizeOtherConstants(w);
  dequantizeIntoPostProcess(w);
  return { ...model, description: o.description ?? 'liteq quantize --scheme int8', subgraphs: [sg, ...model.subgraphs.slice(1)] };
}
