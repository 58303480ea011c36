// Weight quantization for post-training quantization: int8 symmetric per channel (the full-integer
// spec), and float32 → float16. Bulk loops go to the backend when it has them
// (`liteq_quantize_int8_per_channel`); the TS fallbacks give identical bytes.
import type { Backend } from '../../backend.js';
import { roundHalfAwayFromZero } from '../quant-math.js';

export type WeightBackend = Pick<Backend, 'quantizeUint8' | 'quantizeInt8PerChannel'>;

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
 * float32 (1 for an all-zero channel), values in the narrow range [-127, 127].
 */
export function quantizeWeightsInt8(x: Float32Array, shape: readonly number[], dim: number, backend?: WeightBackend): PerChannelInt8 {
  const channels = dim < 0 ? 1 : shape[dim]!;
  const inner = dim < 0 ? x.length : shape.slice(dim + 1).reduce((a, b) => a * b, 1);
  const maxAbs = new Float64Array(channels);
  for (let i = 0; i < x.length; i++) {
    const c = Math.floor(i / inner) % channels;
    const a = Math.abs(x[i]!);
    if (a > maxAbs[c]!) maxAbs[c] = a;
  }
  const scales = Float32Array.from(maxAbs, (m) => (m > 0 ? Math.fround(m / 127) || 1 : 1));
  const data = backend?.quantizeInt8PerChannel ? backend.quantizeInt8PerChannel(x, scales, inner, -127, 127) : quantizeInt8PerChannelTs(x, scales, inner, -127, 127);
  return { data, scales };
}

const f32buf = new Float32Array(1);
const u32buf = new Uint32Array(f32buf.buffer);

/** float32 → IEEE half bits, round to nearest even (overflow → ±inf, NaN kept). */
export function floatToHalf(v: number): number {
  f32buf[0] = v;
  const x = u32buf[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rest = mant & ((1 << shift) - 1);
    let h = mant >>> shift;
    if (rest > half || (rest === half && (h & 1))) h++;
    return sign | h;
  }
  const rest = mant & 0x1fff;
  let h = (e << 10) | (mant >>> 13);
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1))) h++;
  return sign | h;
}

export function toFloat16(x: Float32Array): Uint8Array {
  const out = new Uint16Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = floatToHalf(x[i]!);
  return new Uint8Array(out.buffer);
}
