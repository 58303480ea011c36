// Post-training quantization of a float TFLite model (IR → IR):
// - uint8: TOCO's legacy per-tensor asymmetric scheme, through the converter's own quantize step
//   (convert/quantize.ts: narrow-range uint8 weights, int32 biases at s_in*s_w, LOGISTIC/SOFTMAX at
//   (1/256, 0), ranges carried through RESHAPE/SQUEEZE/pools, concat inputs keep their ranges, trivial
//   RELU/RELU6 dropped, TFLite_Detection_PostProcess anchors quantized from their data);
// - int8: the full-integer quantization spec (activations int8 asymmetric per tensor, weights int8
//   symmetric per channel — dim 0 conv, dim 3 depthwise; FULLY_CONNECTED per tensor, the only form
//   TFLite 2.9 runs —, int32 biases per channel), concat inputs/outputs and reshape/pool chains share
//   params (TFLite's int8 CONCATENATION requires it), TFLite_Detection_PostProcess fed float through
//   DEQUANTIZE (TFLite 2.9's kernel fails to invoke on int8 inputs, liteq's takes uint8 or float32);
// - dynamic: int8 per-channel weights stored, each behind a DEQUANTIZE op (activations stay float);
// - float16: float16 weights and biases behind DEQUANTIZE ops.
import { UnsupportedError } from '../../errors.js';
import type { BuiltinOp, Model, Operator, Quantization, Subgraph, Tensor } from '../../ir/types.js';
import { chooseQuantizationParams, quantizeBiasInt32 } from '../choose-params.js';
import { exportModel } from '../../convert/export.js';
import type { FGraph, FTensor } from '../../convert/fir.js';
import { quantizeGraph } from '../../convert/quantize.js';
import { quantizeWeightsInt8, toFloat16, type WeightBackend } from './weights.js';

export type QuantScheme = 'uint8' | 'int8' | 'dynamic' | 'float16';
export type IoType = 'uint8' | 'int8' | 'float';

export interface QuantizeModelOptions {
  scheme: QuantScheme;
  /** Float ranges of activations by tensor index (from calibrate()); needed for uint8 and int8. */
  ranges?: Map<number, { min: number; max: number }>;
  /** Input normalization the model was trained with: x_float = (pixel - mean) / std. */
  mean?: number;
  std?: number;
  /** Model input/output type for uint8/int8 (default: the scheme's type). */
  io?: IoType;
  backend?: WeightBackend;
  onWarning?: (message: string) => void;
  description?: string;
}

const AFFINE = new Set(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED']);
const SHARE_PARAMS = new Set(['RESHAPE', 'SQUEEZE', 'MAX_POOL_2D', 'AVERAGE_POOL_2D', 'PAD']);
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

export function floatData(t: Tensor): Float32Array {
  const d = t.data!;
  const copy = d.byteOffset % 4 === 0 ? d : d.slice();
  return new Float32Array(copy.buffer, copy.byteOffset, copy.byteLength / 4);
}

function cloneOp(o: Operator): Operator {
  const op = o.op.kind === 'builtin' ? { ...o.op, ...(o.op.options ? { options: { ...o.op.options } } : {}) } : { ...o.op };
  return { ...o, op, inputs: [...o.inputs], outputs: [...o.outputs], intermediates: [...o.intermediates], mutatingVariableInputs: [...o.mutatingVariableInputs] };
}

function cloneSubgraph(sg: Subgraph): Subgraph {
  return { ...sg, tensors: sg.tensors.map((t) => ({ ...t, shape: [...t.shape] })), operators: sg.operators.map(cloneOp), inputs: [...sg.inputs], outputs: [...sg.outputs] };
}

const opName = (o: Operator) => (o.op.kind === 'builtin' ? o.op.opcode : o.op.customCode);
const builtinOp = (opcode: string, version = 1): BuiltinOp => ({ kind: 'builtin', opcode, version });
const perTensor = (scale: number, zeroPoint: number, min?: number, max?: number): Quantization => ({
  scale: [Math.fround(scale)],
  zeroPoint: [BigInt(zeroPoint)],
  quantizedDimension: 0,
  min: min !== undefined ? [Math.fround(min)] : [],
  max: max !== undefined ? [Math.fround(max)] : [],
});

function addTensor(sg: Subgraph, t: Tensor): number {
  sg.tensors.push(t);
  return sg.tensors.length - 1;
}

/** Weight dim carrying the output channel: 0 for CONV_2D/FULLY_CONNECTED, 3 for DEPTHWISE_CONV_2D. */
const channelDim = (opcode: string) => (opcode === 'DEPTHWISE_CONV_2D' ? 3 : 0);

function inputParamsUint8(mean: number, std: number): { scale: number; zeroPoint: number } {
  return chooseQuantizationParams((0 - mean) / std, (255 - mean) / std, 0, 255);
}

function requireRanges(o: QuantizeModelOptions): Map<number, { min: number; max: number }> {
  if (!o.ranges) throw new UnsupportedError(`--scheme ${o.scheme} needs activation ranges: give --calibration images`);
  return o.ranges;
}

// ---------------------------------------------------------------------------------------------- uint8

function quantizeUint8Scheme(model: Model, o: QuantizeModelOptions): Model {
  const sg = model.subgraphs[0]!;
  const ranges = requireRanges(o);
  const tensors: FTensor[] = sg.tensors.map((t) => {
    const f: FTensor = { name: t.name, shape: [...t.shape], hasRank: t.hasRank, dtype: t.dtype };
    if (t.data) {
      if (t.dtype === 'float32') f.data = floatData(t);
      else if (t.dtype === 'int32') {
        const d = t.data.byteOffset % 4 === 0 ? t.data : t.data.slice();
        f.data = new Int32Array(d.buffer, d.byteOffset, d.byteLength / 4);
      } else f.bytes = t.data;
    }
    if (t.quantization && t.dtype !== 'float32') f.quant = { scale: t.quantization.scale[0] ?? 0, zeroPoint: Number(t.quantization.zeroPoint[0] ?? 0n) };
    // Constants are quantized from their own data (the converter would warn about each).
    if (f.data instanceof Float32Array) {
      let min = 0;
      let max = 0;
      for (const v of f.data) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      f.minmax = { min, max };
    }
    return f;
  });
  const g: FGraph = {
    tensors,
    ops: sg.operators.map((op) => ({ node: sg.tensors[op.outputs[0]!]?.name ?? '', op: cloneOp(op).op, inputs: [...op.inputs], outputs: [...op.outputs] })),
    inputs: [...sg.inputs],
    outputs: [...sg.outputs],
  };
  // Calibrated ranges for everything whose range is not carried or fixed by the converter's rules.
  const carried = new Set(['RESHAPE', 'SQUEEZE', 'MAX_POOL_2D', 'AVERAGE_POOL_2D', 'PAD', 'RELU', 'RELU6', 'MEAN', 'LOGISTIC', 'SOFTMAX', 'TANH']);
  for (const op of sg.operators) {
    if (op.op.kind === 'builtin' && AFFINE.has(op.op.opcode) && op.inputs[1] !== undefined && op.inputs[1] >= 0) tensors[op.inputs[1]]!.narrowRange = true;
    if (carried.has(opName(op))) continue;
    for (const out of op.outputs) {
      const r = ranges.get(out);
      if (r && tensors[out]!.dtype === 'float32') tensors[out]!.minmax = { ...r };
    }
  }
  const mean = o.mean ?? 127.5;
  const std = o.std ?? 127.5;
  const warnings = quantizeGraph(g, {
    meanValues: sg.inputs.map(() => mean),
    stdDevValues: sg.inputs.map(() => std),
    changeConcatInputRanges: false,
    ...(o.backend?.quantizeUint8 ? { quantizeUint8: o.backend.quantizeUint8.bind(o.backend) } : {}),
  });
  warnings.forEach((w) => o.onWarning?.(w));
  const out = exportModel(g, o.description ?? 'liteq quantize --scheme uint8');
  // Keep what export drops: shape signatures and rank flags, and the model's metadata/signatures.
  const byName = new Map(sg.tensors.map((t) => [t.name, t]));
  for (const t of out.subgraphs[0]!.tensors) {
    const src = byName.get(t.name);
    if (src) {
      t.hasRank = src.hasRank;
      if (src.shapeSignature) t.shapeSignature = [...src.shapeSignature];
    }
  }
  // Metadata is kept; signature defs would point at the old tensor order and are dropped.
  out.metadata = [...model.metadata];
  return out;
}

// ----------------------------------------------------------------------------------------------- int8

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

function quantizeInt8Scheme(model: Model, o: QuantizeModelOptions): Model {
  const sg = cloneSubgraph(model.subgraphs[0]!);
  const ranges = requireRanges(o);
  const T = sg.tensors;
  const mean = o.mean ?? 127.5;
  const std = o.std ?? 127.5;

  const isActivation = (i: number) => i >= 0 && T[i]!.dtype === 'float32' && !T[i]!.data;
  const customOut = new Set<number>();
  const ppInputs = new Set<number>();
  for (const op of sg.operators) {
    if (op.op.kind === 'custom') {
      op.outputs.forEach((t) => customOut.add(t));
      if (op.op.customCode === POSTPROCESS) op.inputs.forEach((t) => ppInputs.add(t));
      else throw new UnsupportedError(`--scheme int8: custom op ${op.op.customCode} (only ${POSTPROCESS} is handled)`);
    }
  }

  // Groups of tensors that must share params.
  const uf = new UnionFind(T.length);
  for (const op of sg.operators) {
    const name = opName(op);
    if (SHARE_PARAMS.has(name) && isActivation(op.inputs[0]!)) uf.union(op.inputs[0]!, op.outputs[0]!);
    if (name === 'CONCATENATION') for (const i of op.inputs) if (isActivation(i)) uf.union(i, op.outputs[0]!);
  }
  type P = { scale: number; zeroPoint: number; min: number; max: number; fixed?: boolean };
  const groupParams = new Map<number, P>();
  const setFixed = (t: number, p: P) => {
    const root = uf.find(t);
    const cur = groupParams.get(root);
    if (cur?.fixed && (cur.scale !== p.scale || cur.zeroPoint !== p.zeroPoint)) throw new UnsupportedError(`--scheme int8: tensor ${T[t]!.name} needs two different fixed quantizations`);
    groupParams.set(root, { ...p, fixed: true });
  };
  const inU8 = inputParamsUint8(mean, std);
  for (const i of sg.inputs) setFixed(i, { scale: inU8.scale, zeroPoint: inU8.zeroPoint - 128, min: (0 - mean) / std, max: (255 - mean) / std });
  for (const op of sg.operators) {
    const name = opName(op);
    if (name === 'LOGISTIC' || name === 'SOFTMAX') setFixed(op.outputs[0]!, { scale: 1 / 256, zeroPoint: -128, min: 0, max: 255 / 256 });
    if (name === 'TANH') setFixed(op.outputs[0]!, { scale: 1 / 128, zeroPoint: 0, min: -1, max: 127 / 128 });
  }
  const union = new Map<number, { min: number; max: number }>();
  T.forEach((_, i) => {
    if (!isActivation(i) || customOut.has(i)) return;
    const r = ranges.get(i);
    if (!r) return;
    const root = uf.find(i);
    const u = union.get(root);
    union.set(root, u ? { min: Math.min(u.min, r.min), max: Math.max(u.max, r.max) } : { ...r });
  });
  const paramsOf = (i: number): P => {
    const root = uf.find(i);
    let p = groupParams.get(root);
    if (!p) {
      const r = union.get(root);
      if (!r) throw new UnsupportedError(`--scheme int8: no calibrated range for ${T[i]!.name}`);
      const c = chooseQuantizationParams(r.min, r.max, -128, 127);
      p = { scale: c.scale === 0 ? 1 : c.scale, zeroPoint: c.zeroPoint, min: r.min, max: r.max };
      groupParams.set(root, p);
    }
    return p;
  };

  // Activations.
  T.forEach((t, i) => {
    if (!isActivation(i) || customOut.has(i)) return;
    const p = paramsOf(i);
    T[i] = { ...t, dtype: 'int8', quantization: perTensor(p.scale, p.zeroPoint, p.min, p.max) };
  });

  // Weights, biases and other constants.
  const done = new Set<number>();
  for (const op of sg.operators) {
    if (op.op.kind !== 'builtin') continue;
    const code = op.op.opcode;
    if (AFFINE.has(code)) {
      const [x, w, b] = op.inputs as [number, number, number | undefined];
      const wt = T[w]!;
      if (wt.dtype !== 'float32' || !wt.data) throw new UnsupportedError(`--scheme int8: ${code} ${wt.name} has non-constant or non-float weights`);
      if (done.has(w)) throw new UnsupportedError(`--scheme int8: weights ${wt.name} are shared by several ops`);
      done.add(w);
      const dim = code === 'FULLY_CONNECTED' ? -1 : channelDim(code);
      const q = quantizeWeightsInt8(floatData(wt), wt.shape, dim, o.backend);
      T[w] = {
        ...wt,
        dtype: 'int8',
        data: new Uint8Array(q.data.buffer, q.data.byteOffset, q.data.byteLength),
        quantization: { scale: [...q.scales], zeroPoint: [...q.scales].map(() => 0n), quantizedDimension: dim < 0 ? 0 : dim, min: [], max: [] },
      };
      if (b !== undefined && b >= 0) {
        const bt = T[b]!;
        if (bt.dtype !== 'float32' || !bt.data) throw new UnsupportedError(`--scheme int8: ${code} bias ${bt.name} is not a float constant`);
        done.add(b);
        const sIn = T[x]!.quantization!.scale[0]!;
        const bf = floatData(bt);
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
  }
  sg.operators.forEach((op) => {
    op.inputs.forEach((i) => {
      if (i < 0 || done.has(i) || ppInputs.has(i)) return;
      const t = T[i]!;
      if (t.dtype !== 'float32' || !t.data) return;
      // Other float constants (e.g. an ADD operand): int8 per tensor from their data range.
      const d = floatData(t);
      let lo = 0;
      let hi = 0;
      for (const v of d) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      const c = chooseQuantizationParams(lo, hi, -128, 127);
      const scale = c.scale === 0 ? 1 : c.scale;
      const q = new Int8Array(d.length);
      for (let k = 0; k < d.length; k++) q[k] = Math.max(-128, Math.min(127, Math.round(c.zeroPoint + d[k]! / scale)));
      T[i] = { ...t, dtype: 'int8', data: new Uint8Array(q.buffer), quantization: perTensor(scale, c.zeroPoint, lo, hi) };
      done.add(i);
    });
  });

  // TFLite_Detection_PostProcess: float box encodings and scores through DEQUANTIZE.
  const ops: Operator[] = [];
  for (const op of sg.operators) {
    if (op.op.kind === 'custom' && op.op.customCode === POSTPROCESS) {
      op.inputs = op.inputs.map((i) => {
        if (i < 0 || T[i]!.dtype !== 'int8' || T[i]!.data) return i;
        const f = addTensor(sg, { name: `${T[i]!.name}/dequantize`, shape: [...T[i]!.shape], dtype: 'float32', isVariable: false, hasRank: T[i]!.hasRank });
        ops.push({ op: builtinOp('DEQUANTIZE', 2), inputs: [i], outputs: [f], intermediates: [], mutatingVariableInputs: [] });
        return f;
      });
    }
    if (op.op.kind === 'builtin') op.op.version = Math.max(op.op.version, INT8_VERSION[op.op.opcode] ?? 1);
    ops.push(op);
  }
  sg.operators = ops;
  return { ...model, description: o.description ?? 'liteq quantize --scheme int8', subgraphs: [sg, ...model.subgraphs.slice(1)] };
}

// ------------------------------------------------------------------------------- dynamic and float16

function weightsBehindDequantize(model: Model, o: QuantizeModelOptions): Model {
  const sg = cloneSubgraph(model.subgraphs[0]!);
  const T = sg.tensors;
  const front: Operator[] = [];
  const done = new Set<number>();
  for (const op of sg.operators) {
    if (op.op.kind !== 'builtin' || !AFFINE.has(op.op.opcode)) continue;
    const code = op.op.opcode;
    const slots = o.scheme === 'float16' ? [1, 2] : [1];
    for (const s of slots) {
      const i = op.inputs[s];
      if (i === undefined || i < 0 || done.has(i)) continue;
      const t = T[i]!;
      if (t.dtype !== 'float32' || !t.data) continue;
      done.add(i);
      let stored: Tensor;
      if (o.scheme === 'float16') {
        stored = { ...t, name: `${t.name}/float16`, dtype: 'float16', data: toFloat16(floatData(t)) };
        delete stored.quantization;
      } else {
        const dim = channelDim(code);
        const q = quantizeWeightsInt8(floatData(t), t.shape, dim, o.backend);
        stored = {
          ...t,
          name: `${t.name}/int8`,
          dtype: 'int8',
          data: new Uint8Array(q.data.buffer, q.data.byteOffset, q.data.byteLength),
          quantization: { scale: [...q.scales], zeroPoint: [...q.scales].map(() => 0n), quantizedDimension: dim, min: [], max: [] },
        };
      }
      const si = addTensor(sg, stored);
      const out: Tensor = { ...t, shape: [...t.shape] };
      delete out.data;
      delete out.quantization;
      T[i] = out;
      front.push({ op: builtinOp('DEQUANTIZE', o.scheme === 'float16' ? 3 : 4), inputs: [si], outputs: [i], intermediates: [], mutatingVariableInputs: [] });
    }
  }
  sg.operators = [...front, ...sg.operators];
  return { ...model, description: o.description ?? `liteq quantize --scheme ${o.scheme}`, subgraphs: [sg, ...model.subgraphs.slice(1)] };
}

// ---------------------------------------------------------------------------------------------- I/O

/** Gives the model inputs and outputs the type `io`: QUANTIZE/DEQUANTIZE ops at the edges where needed. */
export function adaptIo(model: Model, io: IoType): Model {
  const sg = cloneSubgraph(model.subgraphs[0]!);
  const want = io === 'float' ? 'float32' : io;
  const pre: Operator[] = [];
  const post: Operator[] = [];
  const edge = (i: number): number => {
    const t = sg.tensors[i]!;
    const q = t.quantization!;
    const zp = Number(q.zeroPoint[0] ?? 0n);
    const e: Tensor = { ...t, shape: [...t.shape], dtype: want };
    if (want === 'float32') delete e.quantization;
    else e.quantization = perTensor(q.scale[0]!, t.dtype === 'uint8' ? zp - 128 : zp + 128, q.min[0], q.max[0]);
    sg.tensors[i] = { ...t, name: `${t.name}/${t.dtype}` };
    return addTensor(sg, e);
  };
  sg.inputs = sg.inputs.map((i) => {
    const t = sg.tensors[i]!;
    if ((t.dtype !== 'uint8' && t.dtype !== 'int8') || t.dtype === want || t.data) return i;
    const e = edge(i);
    pre.push({ op: builtinOp('QUANTIZE', 2), inputs: [e], outputs: [i], intermediates: [], mutatingVariableInputs: [] });
    return e;
  });
  sg.outputs = sg.outputs.map((i) => {
    const t = sg.tensors[i]!;
    if ((t.dtype !== 'uint8' && t.dtype !== 'int8') || t.dtype === want) return i;
    const e = edge(i);
    post.push({ op: builtinOp(want === 'float32' ? 'DEQUANTIZE' : 'QUANTIZE', 2), inputs: [i], outputs: [e], intermediates: [], mutatingVariableInputs: [] });
    return e;
  });
  sg.operators = [...pre, ...sg.operators, ...post];
  // Signatures name the graph-facing tensors.
  const moved = new Map<number, number>();
  model.subgraphs[0]!.inputs.forEach((i, k) => moved.set(i, sg.inputs[k]!));
  model.subgraphs[0]!.outputs.forEach((o, k) => moved.set(o, sg.outputs[k]!));
  const signatureDefs = model.signatureDefs.map((d) =>
    d.subgraphIndex !== 0
      ? d
      : {
          ...d,
          inputs: d.inputs.map((x) => ({ ...x, tensorIndex: moved.get(x.tensorIndex) ?? x.tensorIndex })),
          outputs: d.outputs.map((x) => ({ ...x, tensorIndex: moved.get(x.tensorIndex) ?? x.tensorIndex })),
        },
  );
  return { ...model, signatureDefs, subgraphs: [sg, ...model.subgraphs.slice(1)] };
}

/** Quantizes a float model (subgraph 0) with the given scheme; the input model is not changed. */
export function quantizeModel(model: Model, o: QuantizeModelOptions): Model {
  const sg = model.subgraphs[0];
  if (!sg) throw new UnsupportedError('model has no subgraph');
  if (sg.tensors.some((t) => t.dtype === 'uint8' || t.dtype === 'int8')) throw new UnsupportedError('the model is already quantized (it has uint8/int8 tensors): quantize its float twin (liteq dequantize gives one)');
  switch (o.scheme) {
    case 'uint8':
      return adaptIo(quantizeUint8Scheme(model, o), o.io ?? 'uint8');
    case 'int8':
      return adaptIo(quantizeInt8Scheme(model, o), o.io ?? 'int8');
    case 'dynamic':
    case 'float16':
      if (o.io && o.io !== 'float') throw new UnsupportedError(`--scheme ${o.scheme} keeps float activations: --io must be float`);
      return weightsBehindDequantize(model, o);
  }
}
