// QUANTIZED_UINT8 (TOCO's legacy path), for the converter (ranges from FakeQuant nodes) and for
// post-training quantization (ranges from calibration) alike: every float tensor becomes uint8 with
// params chosen from its range — the given ranges, the input's mean/std, hardcoded ranges for
// LOGISTIC/SOFTMAX/TANH, ranges carried through RESHAPE/CONCATENATION/pools, constants' own data,
// then the default ranges. Weights are narrow-range when their FakeQuant was (always, after
// calibration); biases are int32 at input_scale × weight_scale. Fused activations the uint8 range
// already implies are dropped.
import { UnsupportedError } from '../../errors.js';
import { exportModel } from '../../graph/export.js';
import type { FGraph, FTensor } from '../../graph/fgraph.js';
import { fgraphFromSubgraph } from '../../graph/from-model.js';
import type { Model } from '../../ir/types.js';
import { builtinOptions, opName } from '../../ir/op-name.js';
import { chooseQuantizationParams } from '../numerics/choose-params.js';
import { ACTIVATION_RANGES, AFFINE_OPS, dataRange, FIXED_OUTPUT_RANGES, RANGE_PRESERVING_OPS, SHARED_PARAMS_OPS, type MinMax } from '../numerics/ranges.js';
import { quantizeBiasInt32, quantizeUint8Ts } from '../numerics/weights.js';
import { requireRanges, type QuantizeModelOptions } from './options.js';

export interface TocoQuantizeOptions {
  meanValues?: readonly number[];
  stdDevValues?: readonly number[];
  defaultRangesMin?: number;
  defaultRangesMax?: number;
  changeConcatInputRanges: boolean;
  /** Native bulk quantization when a backend provides it; must give the bytes quantizeUint8Ts gives. */
  quantizeUint8?: (x: Float32Array, scale: number, zeroPoint: number, qmin: number, qmax: number) => Uint8Array;
  /** Native threaded range of a constant (over its data and 0); must give what dataRange gives. */
  minMax?: (x: Float32Array) => MinMax;
}

/** TOCO carries a range through these (besides the range-preserving ops): its activations and MEAN. */
const PASS_RANGE = new Set([...RANGE_PRESERVING_OPS, 'RELU', 'RELU6', 'MEAN']);

export function quantizeGraph(g: FGraph, opts: TocoQuantizeOptions): string[] {
  const warnings: string[] = [];
  const T = g.tensors;
  const biasOf = new Map<number, { input: number; weights: number }>();
  const customOutputs = new Set<number>();
  for (const op of g.ops) {
    if (op.op.kind === 'builtin' && AFFINE_OPS.has(op.op.opcode) && op.inputs[2] !== undefined && op.inputs[2] >= 0) biasOf.set(op.inputs[2], { input: op.inputs[0]!, weights: op.inputs[1]! });
    if (op.op.kind === 'custom') op.outputs.forEach((t) => customOutputs.add(t));
  }
  // Tensors fusions left behind are not part of the model any more.
  const used = new Set<number>([...g.inputs, ...g.outputs, ...g.ops.flatMap((o) => [...o.inputs, ...o.outputs])]);
  const wanted = (i: number): boolean => used.has(i) && T[i]!.dtype === 'float32' && !customOutputs.has(i) && !biasOf.has(i);

  // Inputs: range from mean/std, [(0 - mean) / std, (255 - mean) / std].
  g.inputs.forEach((t, k) => {
    if (T[t]!.dtype !== 'float32') return;
    const mean = opts.meanValues?.[k];
    const std = opts.stdDevValues?.[k];
    if (mean === undefined || std === undefined) return;
    T[t]!.minmax = { min: (0 - mean) / std, max: (255 - mean) / std };
  });

  // Hardcoded and carried ranges, to a fixed point.
  for (let changed = true, rounds = 0; changed && rounds < 8; rounds++) {
    changed = false;
    const set = (t: number, mm: MinMax) => {
      const cur = T[t]!.minmax;
      if (!cur || cur.min !== mm.min || cur.max !== mm.max) {
        T[t]!.minmax = { ...mm };
        changed = true;
      }
    };
    for (const op of g.ops) {
      if (op.op.kind !== 'builtin') continue;
      const code = op.op.opcode;
      const y = op.outputs[0]!;
      if (FIXED_OUTPUT_RANGES[code]) set(y, FIXED_OUTPUT_RANGES[code]);
      else if (PASS_RANGE.has(code)) {
        const x = T[op.inputs[0]!]!;
        if (!T[y]!.minmax && x.minmax) set(y, x.minmax);
        else if (!x.minmax && !x.data && T[y]!.minmax && (code === 'RESHAPE' || code === 'SQUEEZE')) set(op.inputs[0]!, T[y]!.minmax!);
      } else if (code === 'CONCATENATION') {
        const ins = op.inputs.map((i) => T[i]!);
        if (!T[y]!.minmax && ins.every((t) => t.minmax)) {
          set(y, { min: Math.min(...ins.map((t) => t.minmax!.min)), max: Math.max(...ins.map((t) => t.minmax!.max)) });
        }
        if (opts.changeConcatInputRanges && T[y]!.minmax) op.inputs.forEach((i) => set(i, T[y]!.minmax!));
      }
    }
  }

  // MINIMUM/MAXIMUM compare stored values: their inputs (constants too) take the output's range.
  for (const op of g.ops) {
    if (op.op.kind !== 'builtin' || !SHARED_PARAMS_OPS.has(op.op.opcode)) continue;
    const r = T[op.outputs[0]!]!.minmax;
    if (r) for (const i of op.inputs) if (i >= 0 && T[i]!.dtype === 'float32') T[i]!.minmax = { ...r };
  }

  // Constants without a range take it from their data; activations from --default_ranges_*.
  const missing: string[] = [];
  T.forEach((t, i) => {
    if (!wanted(i) || t.minmax) return;
    if (t.data instanceof Float32Array) {
      t.minmax = (opts.minMax ?? dataRange)(t.data);
      if (!g.ops.some((o) => o.op.kind === 'custom' && o.inputs.includes(i))) warnings.push(`constant ${t.name} has no range; using its data's [${t.minmax.min}, ${t.minmax.max}]`);
    } else if (opts.defaultRangesMin !== undefined && opts.defaultRangesMax !== undefined) {
      t.minmax = { min: opts.defaultRangesMin, max: opts.defaultRangesMax };
    } else missing.push(t.name);
  });
  if (missing.length) {
    const isInput = (n: string) => g.inputs.some((i) => T[i]!.name === n);
    throw new UnsupportedError(
      `\`inferenceType=QUANTIZED_UINT8\` needs a min/max range for every tensor; ${missing.length} have none:\n` +
        missing.map((n) => `  ${n}${isInput(n) ? ' (model input: pass `meanValues` and `stdDevValues`)' : ''}`).join('\n') +
        '\nGive them ranges with FakeQuant nodes (quantization-aware training), or pass `defaultRangesMin` and `defaultRangesMax` ' +
        '(a guess that costs accuracy), or convert with `inferenceType=FLOAT` and quantize with calibration data.',
    );
  }

  // Params and bytes.
  const quantize = opts.quantizeUint8 ?? quantizeUint8Ts;
  const params = (t: FTensor) => chooseQuantizationParams(t.minmax!.min, t.minmax!.max, t.narrowRange ? 1 : 0, 255);
  T.forEach((t, i) => {
    if (!wanted(i)) return;
    const p = params(t);
    t.quant = { scale: p.scale, zeroPoint: p.zeroPoint, min: t.minmax!.min, max: t.minmax!.max };
    if (t.data instanceof Float32Array) {
      t.bytes = p.scale === 0 ? new Uint8Array(t.data.length).fill(p.zeroPoint) : quantize(t.data, p.scale, p.zeroPoint, t.narrowRange ? 1 : 0, 255);
    }
    t.dtype = 'uint8';
  });
  for (const [b, { input, weights }] of biasOf) {
    const t = T[b]!;
    if (t.dtype !== 'float32' || !(t.data instanceof Float32Array)) continue;
    // TOCO: the double product of the double scales (stored as float32; within 1.2e-7 of the shared model's).
    const [qi, qw] = [T[input]?.quant, T[weights]?.quant];
    if (!qi || !qw) throw new UnsupportedError(`bias ${t.name}: its op's ${qi ? 'weights' : 'input'} "${T[qi ? weights : input]?.name}" has no range, so the bias scale is unknown`);
    const scale = qi.scale * qw.scale;
    const q = quantizeBiasInt32(t.data, scale);
    t.bytes = new Uint8Array(q.buffer, q.byteOffset, q.byteLength);
    t.quant = { scale, zeroPoint: 0 };
    t.dtype = 'int32';
  }

  // TOCO's RemoveTrivialQuantizedActivationFunc: the uint8 range already clamps.
  for (const op of g.ops) {
    const act = builtinOptions(op)['fusedActivationFunction'] as string | undefined;
    if (!act || act === 'NONE' || op.op.kind !== 'builtin') continue;
    const q = T[op.outputs[0]!]!.quant;
    const clamp = ACTIVATION_RANGES[act];
    if (!q || !clamp) continue;
    const lo = (0 - q.zeroPoint) * q.scale;
    const hi = (255 - q.zeroPoint) * q.scale;
    if (lo >= clamp.min && hi <= clamp.max) op.op.options = { ...op.op.options!, fusedActivationFunction: 'NONE' };
  }
  return warnings;
}

/** Ops whose output range the quantize step carries or fixes itself: calibration does not set theirs. */
const CARRIED = new Set([...PASS_RANGE, ...Object.keys(FIXED_OUTPUT_RANGES)]);

/** Post-training uint8: the float model with calibrated ranges, through the converter's quantize step. */
export function quantizeUint8Scheme(model: Model, o: QuantizeModelOptions): Model {
  const sg = model.subgraphs[0]!;
  const ranges = requireRanges(o);
  const g = fgraphFromSubgraph(sg);
  const T = g.tensors;
  // Constants are quantized from their own data (the converter would warn about each).
  const range = o.backend?.minMax ? o.backend.minMax.bind(o.backend) : dataRange;
  for (const t of T) if (t.data instanceof Float32Array) t.minmax = range(t.data);
  // Calibrated ranges for everything whose range is not carried or fixed by the converter's rules.
  for (const op of sg.operators) {
    if (op.op.kind === 'builtin' && AFFINE_OPS.has(op.op.opcode) && op.inputs[1] !== undefined && op.inputs[1] >= 0) T[op.inputs[1]]!.narrowRange = true;
    if (CARRIED.has(opName(op))) continue;
    for (const out of op.outputs) {
      const r = ranges.get(out);
      if (r && T[out]!.dtype === 'float32') T[out]!.minmax = { ...r };
    }
  }
  const mean = o.mean ?? 127.5;
  const std = o.std ?? 127.5;
  const warnings = quantizeGraph(g, {
    meanValues: sg.inputs.map(() => mean),
    stdDevValues: sg.inputs.map(() => std),
    changeConcatInputRanges: false,
    ...(o.backend?.quantizeUint8 ? { quantizeUint8: o.backend.quantizeUint8.bind(o.backend) } : {}),
    ...(o.backend?.minMax ? { minMax: o.backend.minMax.bind(o.backend) } : {}),
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
