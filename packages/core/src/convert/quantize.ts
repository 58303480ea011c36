// QUANTIZED_UINT8 (TOCO's legacy path): every float tensor becomes uint8 with params chosen from its
// range — FakeQuant ranges, the input's --mean_values/--std_dev_values, hardcoded ranges for
// LOGISTIC/SOFTMAX/TANH, ranges carried through RESHAPE/CONCATENATION/pools, constants' own data,
// then --default_ranges_min/max. Weights are narrow-range when their FakeQuant was; biases are int32
// at input_scale × weight_scale. Fused activations the uint8 range already implies are dropped.
import { UnsupportedError } from '../errors.js';
import { chooseQuantizationParams, quantizeBiasInt32, quantizeUint8Ts } from '../quantize/choose-params.js';
import type { FGraph, FTensor, MinMax } from './fir.js';

export interface QuantizeOptions {
  meanValues?: readonly number[];
  stdDevValues?: readonly number[];
  defaultRangesMin?: number;
  defaultRangesMax?: number;
  changeConcatInputRanges: boolean;
  /** Native bulk quantization when a backend provides it; must give the bytes quantizeUint8Ts gives. */
  quantizeUint8?: (x: Float32Array, scale: number, zeroPoint: number, qmin: number, qmax: number) => Uint8Array;
}

const AFFINE = new Set(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED']);
const PASS_RANGE = new Set(['RESHAPE', 'SQUEEZE', 'MAX_POOL_2D', 'AVERAGE_POOL_2D', 'PAD', 'RELU', 'RELU6', 'MEAN']);
const FIXED: Record<string, MinMax> = { LOGISTIC: { min: 0, max: 255 / 256 }, SOFTMAX: { min: 0, max: 255 / 256 }, TANH: { min: -1, max: 127 / 128 } };
const CLAMP: Record<string, MinMax> = { RELU: { min: 0, max: Infinity }, RELU6: { min: 0, max: 6 }, RELU_N1_TO_1: { min: -1, max: 1 } };

function dataRange(d: Float32Array): MinMax {
  let min = 0;
  let max = 0;
  for (const v of d) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

export function quantizeGraph(g: FGraph, opts: QuantizeOptions): string[] {
  const warnings: string[] = [];
  const T = g.tensors;
  const biasOf = new Map<number, { input: number; weights: number }>();
  const customOutputs = new Set<number>();
  for (const op of g.ops) {
    if (op.op.kind === 'builtin' && AFFINE.has(op.op.opcode) && op.inputs[2] !== undefined && op.inputs[2] >= 0) biasOf.set(op.inputs[2], { input: op.inputs[0]!, weights: op.inputs[1]! });
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
      if (FIXED[code]) set(y, FIXED[code]);
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

  // Constants without a range take it from their data; activations from --default_ranges_*.
  const missing: string[] = [];
  T.forEach((t, i) => {
    if (!wanted(i) || t.minmax) return;
    if (t.data instanceof Float32Array) {
      t.minmax = dataRange(t.data);
      if (!g.ops.some((o) => o.op.kind === 'custom' && o.inputs.includes(i))) warnings.push(`constant ${t.name} has no range; using its data's [${t.minmax.min}, ${t.minmax.max}]`);
    } else if (opts.defaultRangesMin !== undefined && opts.defaultRangesMax !== undefined) {
      t.minmax = { min: opts.defaultRangesMin, max: opts.defaultRangesMax };
    } else missing.push(t.name);
  });
  if (missing.length) {
    const isInput = (n: string) => g.inputs.some((i) => T[i]!.name === n);
    throw new UnsupportedError(
      `--inference_type=QUANTIZED_UINT8 needs a min/max range for every tensor; ${missing.length} have none:\n` +
        missing.map((n) => `  ${n}${isInput(n) ? ' (model input: pass --mean_values and --std_dev_values)' : ''}`).join('\n') +
        '\nGive them ranges with FakeQuant nodes (quantization-aware training), or pass --default_ranges_min and --default_ranges_max ' +
        '(a guess that costs accuracy), or convert with --inference_type=FLOAT and quantize with calibration data.',
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
    const scale = T[input]!.quant!.scale * T[weights]!.quant!.scale;
    const q = quantizeBiasInt32(t.data, scale);
    t.bytes = new Uint8Array(q.buffer, q.byteOffset, q.byteLength);
    t.quant = { scale, zeroPoint: 0 };
    t.dtype = 'int32';
  }

  // TOCO's RemoveTrivialQuantizedActivationFunc: the uint8 range already clamps.
  for (const op of g.ops) {
    const act = op.op.kind === 'builtin' ? (op.op.options?.['fusedActivationFunction'] as string | undefined) : undefined;
    if (!act || act === 'NONE' || op.op.kind !== 'builtin') continue;
    const q = T[op.outputs[0]!]!.quant;
    const clamp = CLAMP[act];
    if (!q || !clamp) continue;
    const lo = (0 - q.zeroPoint) * q.scale;
    const hi = (255 - q.zeroPoint) * q.scale;
    if (lo >= clamp.min && hi <= clamp.max) op.op.options = { ...op.op.options!, fusedActivationFunction: 'NONE' };
  }
  return warnings;
}
