// Shared reading of IR ops for the conv-like, pooling, mean and pad lowerings: options, fused
// activations, per-tensor quantization (as the float32 values TFLite's kernels see) and the
// rounding each op's x86 kernel in TFLite 2.9 really uses.
import { UnsupportedError } from '../../errors.js';
import type { DType, Tensor } from '../../ir/types.js';
import { activationRangeFloat, activationRangeQuantized, f32, type FusedActivation } from '../../quantize/numerics/quant-math.js';
import type { LowerContext, Operator } from '../types.js';
import { builtinOptions, opName } from '../../ir/op-name.js';

/** Mirrors reference::Rounding in native/src/kernels/reference/output_stage.h. */
export const enum Rounding {
  TiesAwayFromZero = 0,
  TiesUp = 1,
}

export { opName };
export const options = builtinOptions;

export function intOption(op: Operator, key: string, fallback: number): number {
  const v = options(op)[key];
  if (v === undefined) return fallback;
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new UnsupportedError(`${opName(op)}: option ${key} = ${String(v)} is not an integer`);
  return n;
}

const ACTIVATIONS = ['NONE', 'RELU', 'RELU_N1_TO_1', 'RELU6', 'TANH', 'SIGN_BIT'] as const;

export function fusedActivation(op: Operator): FusedActivation {
  const v = options(op)['fusedActivationFunction'] ?? 'NONE';
  const a = typeof v === 'number' ? ACTIVATIONS[v] : v;
  if (a === 'NONE' || a === 'RELU' || a === 'RELU6' || a === 'RELU_N1_TO_1') return a;
  throw new UnsupportedError(`${opName(op)}: fused activation ${String(v)} is not supported`);
}

/** One scale and zero point (TFLite's tensor->params), the scale rounded to float32 as stored. */
export interface TensorQuant {
  scale: number;
  zeroPoint: number;
}

export function perTensorQuant(op: Operator, t: Tensor, what: string): TensorQuant {
  const q = t.quantization;
  if (!q || q.scale.length === 0 || q.zeroPoint.length === 0) throw new UnsupportedError(`${opName(op)}: ${what} ${t.name} is ${t.dtype} without quantization parameters`);
  return { scale: f32(q.scale[0]!), zeroPoint: Number(q.zeroPoint[0]!) };
}

/** Every channel's float32 scale of a (possibly per-channel) quantized weight tensor. */
export function channelScales(op: Operator, t: Tensor, what: string): number[] {
  const q = t.quantization;
  if (!q || q.scale.length === 0) throw new UnsupportedError(`${opName(op)}: ${what} ${t.name} has no quantization parameters`);
  return q.scale.map((s) => f32(s));
}

export function quantizedKind(op: Operator, dtype: DType): 'f32' | 'u8' | 'i8' {
  if (dtype === 'float32') return 'f32';
  if (dtype === 'uint8') return 'u8';
  if (dtype === 'int8') return 'i8';
  throw new UnsupportedError(`${opName(op)}: ${dtype} tensors are not supported (float32, uint8, int8 are)`);
}

/** Quantized clamp and float clamp of a fused activation for an output tensor. */
export function activationClamps(
  act: FusedActivation,
  kind: 'f32' | 'u8' | 'i8',
  out: TensorQuant | undefined,
): { actMin: number; actMax: number; floatMin: number; floatMax: number } {
  const fr = activationRangeFloat(act);
  if (kind === 'f32' || !out) return { actMin: 0, actMax: 0, floatMin: fr.min, floatMax: Math.min(fr.max, 3.4028234663852886e38) };
  const qr = activationRangeQuantized(act, kind === 'u8' ? 'uint8' : 'int8', out.scale, out.zeroPoint);
  return { actMin: qr.min, actMax: qr.max, floatMin: 0, floatMax: 0 };
}

/** The constant int32 (or int64) contents of an input tensor, or undefined if it is not constant. */
export function constInts(t: Tensor): number[] | undefined {
  if (!t.data) return undefined;
  const v = new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  if (t.dtype === 'int32') return Array.from({ length: t.data.byteLength / 4 }, (_, i) => v.getInt32(i * 4, true));
  if (t.dtype === 'int64') return Array.from({ length: t.data.byteLength / 8 }, (_, i) => Number(v.getBigInt64(i * 8, true)));
  return undefined;
}

export function input(op: Operator, ctx: LowerContext, i: number): Tensor | undefined {
  const idx = op.inputs[i];
  return idx === undefined || idx < 0 ? undefined : ctx.tensor(idx);
}

export function requireInput(op: Operator, ctx: LowerContext, i: number, what: string): Tensor {
  const t = input(op, ctx, i);
  if (!t) throw new UnsupportedError(`${opName(op)}: missing ${what} (input ${i})`);
  return t;
}
