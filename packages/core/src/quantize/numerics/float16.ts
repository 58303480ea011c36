// IEEE half precision both ways: float32 → float16 for `--scheme float16` weights (round to nearest
// even, as numpy's astype and TensorFlow's converter), float16 → float for DEQUANTIZE of fp16 constants
// (exact).
import type { WeightBackend } from './weights.js';

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

/** float32 → float16 bytes; the backend's bulk call (results in `backend.alloc`'s memory) gives the same bits. */
export function toFloat16(x: Float32Array, backend?: Pick<WeightBackend, 'toFloat16' | 'alloc' | 'consumed'>): Uint8Array {
  if (backend?.toFloat16 && x.length > 0) {
    const mem = backend.alloc?.(x.length * 2);
    const h = backend.toFloat16(x, mem ? new Uint16Array(mem.buffer, mem.byteOffset, x.length) : undefined);
    backend.consumed?.(x);
    return new Uint8Array(h.buffer, h.byteOffset, h.byteLength);
  }
  const out = new Uint16Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = floatToHalf(x[i]!);
  backend?.consumed?.(x);
  return new Uint8Array(out.buffer);
}

/** IEEE half → float (exact). */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}
