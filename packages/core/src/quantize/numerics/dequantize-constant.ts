// A constant's float values exactly as TFLite's DEQUANTIZE computes them: float16 → float (exact), and
// int8/uint8/int32 with per-tensor or per-channel params: float32(double(scale) * (q - zero_point)).
// Shared by plan-time folding of constant DEQUANTIZE ops and by `dequantize` (a model's float twin).
import type { Tensor } from '../../ir/types.js';
import { halfToFloat } from './float16.js';

const BYTES: Partial<Record<Tensor['dtype'], number>> = { float16: 2, int8: 1, uint8: 1, int32: 4 };

/**
 * The float32 values of a float16 constant, or of an int8/uint8/int32 constant with quantization
 * params; undefined for other dtypes, missing params, or data that does not hold the shape's elements.
 */
export function dequantizeConstant(t: Tensor): Float32Array | undefined {
  const data = t.data;
  const size = BYTES[t.dtype];
  const n = t.shape.reduce((a, b) => a * b, 1);
  if (!data || size === undefined || data.byteLength !== n * size) return undefined;
  const out = new Float32Array(n);
  if (t.dtype === 'float16') {
    const table = halfTable();
    if (data.byteOffset % 2 === 0) {
      const h = new Uint16Array(data.buffer, data.byteOffset, n);
      for (let i = 0; i < n; i++) out[i] = table[h[i]!]!;
    } else {
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (let i = 0; i < n; i++) out[i] = table[view.getUint16(i * 2, true)]!;
    }
    return out;
  }
  const q = t.quantization;
  if (!q) return undefined;
  const values = elements(t.dtype, data, n);
  const channels = q.scale.length;
  // Elements between consecutive channel indices along the quantized dimension.
  const inner = channels > 1 ? t.shape.slice(q.quantizedDimension + 1).reduce((a, b) => a * b, 1) : n;
  for (let start = 0, c = 0; start < n; start += inner, c = channels > 1 ? (c + 1) % channels : 0) {
    const scale = q.scale[c]!;
    const zero = Number(q.zeroPoint[c] ?? 0n);
    const end = Math.min(n, start + inner);
    for (let i = start; i < end; i++) out[i] = scale * (values(i) - zero);
  }
  return out;
}

let halfs: Float32Array | undefined;
/** halfToFloat of every float16 bit pattern (exact in float32). */
function halfTable(): Float32Array {
  if (!halfs) {
    halfs = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) halfs[h] = halfToFloat(h);
  }
  return halfs;
}

/** Element i of int8/uint8/int32 data (little-endian), through a typed view when aligned. */
function elements(dtype: Tensor['dtype'], data: Uint8Array, n: number): (i: number) => number {
  if (dtype === 'int8') {
    const v = new Int8Array(data.buffer, data.byteOffset, n);
    return (i) => v[i]!;
  }
  if (dtype === 'uint8') return (i) => data[i]!;
  if (data.byteOffset % 4 === 0) {
    const v = new Int32Array(data.buffer, data.byteOffset, n);
    return (i) => v[i]!;
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return (i) => view.getInt32(i * 4, true);
}
