// Constant quantization: uint8 per tensor (toco QuantizeBuffer), int8 symmetric per channel (the
// full-integer spec) and int32 biases. Bulk loops go to the backend when it has them
// (`liteq_quantize_uint8`, `liteq_quantize_int8_per_channel`); the TS loops give identical bytes.
import type { Backend } from '../../backend.js';
import { UnsupportedError } from '../../errors.js';
import { roundHalfAwayFromZero } from './quant-math.js';

export type WeightBackend = Pick<Backend, 'quantizeUint8' | 'quantizeInt8PerChannel' | 'quantizeWeightsInt8' | 'toFloat16' | 'minMax'> & {
  /** Where bulk results go (e.g. the arena a large model's output is built in); undefined: a new array. */
  alloc?(bytes: number): Uint8Array | undefined;
  /** Told of each float constant once it has been read (progress of large models). */
  consumed?(x: Float32Array): void;
};

/** How quantization errors name a constant: `constant tensor 3 "w"`. */
export const constantName = (index: number, t: { name: string }): string => `constant tensor ${index} "${t.name}"`;

/** The error for a weight that cannot be quantized; `what` names it (constantName). */
export function nonFiniteWeight(what: string, x: Float32Array, index: number): UnsupportedError {
  return new UnsupportedError(`${what} holds ${x[index]} at element ${index}: weights must be finite to quantize`);
}

/** toco QuantizeBuffer: q = clamp(round(zp + x / scale), qmin, qmax) in double, half away from zero. */
export function quantizeUint8Ts(x: Float32Array, scale: number, zeroPoint: number, qmin: number, qmax: number): Uint8Array {
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const q = roundHalfAwayFromZero(zeroPoint + x[i]! / scale);
    out[i] = q < qmin ? qmin : q > qmax ? qmax : q;
  }
  return out;
}

/** Bias: int32 at scale input_scale × weight_scale, zero point 0, rounded half away from zero in double. */
export function quantizeBiasInt32(b: Float32Array, scale: number): Int32Array {
  const out = new Int32Array(b.length);
  for (let i = 0; i < b.length; i++) {
    const q = scale === 0 ? 0 : roundHalfAwayFromZero(b[i]! / scale);
    out[i] = Math.min(Math.max(q, -0x80000000), 0x7fffffff);
  }
  return out;
}

/** q = clamp(round(x / scale[c]), qmin, qmax) in double, half away from zero; c = (i / inner) % channels. */
export function quantizeInt8PerChannelTs(x: Float32Array, scales: Float32Array, inner: number, qmin: number, qmax: number): Int8Array {
  const out = new Int8Array(x.length);
  const channels = scales.length;
  for (let i = 0; i < x.length; i++) {
    const s = scales[Math.floor(i / inner) % channels]!;
    const q = roundHalfAwayFromZero(x[i]! / s);
    out[i] = q < qmin ? qmin : q > qmax ? qmax : q;
  }
  return out;
}

export interface PerChannelInt8 {
  data: Int8Array;
  /** float32 scales, one per channel. */
  scales: Float32Array;
}

/**
 * Symmetric int8 per channel along `dim` of `shape` (dim < 0: per tensor): scale = max|w_c| / 127 as
 * float32 (1 for an all-zero channel), values in the narrow range [-127, 127]. A non-finite weight is
 * an UnsupportedError naming `what`. The backend's fused call (one read of the weights, results in
 * `backend.alloc`'s memory) gives the same bytes as the loops here.
 */
export function quantizeWeightsInt8(x: Float32Array, shape: readonly number[], dim: number, backend?: WeightBackend, what = 'a weight tensor'): PerChannelInt8 {
  const channels = dim < 0 ? 1 : shape[dim]!;
  const inner = dim < 0 ? x.length : shape.slice(dim + 1).reduce((a, b) => a * b, 1);
  if (backend?.quantizeWeightsInt8 && x.length > 0) {
    const mem = backend.alloc?.(x.length);
    const r = backend.quantizeWeightsInt8(x, channels, inner, 127, mem ? new Int8Array(mem.buffer, mem.byteOffset, x.length) : undefined);
    if ('badIndex' in r) throw nonFiniteWeight(what, x, r.badIndex);
    backend.consumed?.(x);
    return r;
  }
  const maxAbs = new Float64Array(channels);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v - v !== 0) throw nonFiniteWeight(what, x, i);
    const c = Math.floor(i / inner) % channels;
    const a = Math.abs(v);
    if (a > maxAbs[c]!) maxAbs[c] = a;
  }
  const scales = Float32Array.from(maxAbs, (m) => (m > 0 ? Math.fround(m / 127) || 1 : 1));
  const data = backend?.quantizeInt8PerChannel ? backend.quantizeInt8PerChannel(x, scales, inner, -127, 127) : quantizeInt8PerChannelTs(x, scales, inner, -127, 127);
  backend?.consumed?.(x);
  return { data, scales };
}
