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
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (t.dtype === 'float16') {
    for (let i = 0; i < n; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
    return out;
  }
  const q = t.quantization;
  if (!q) return undefined;
  const channels = q.scale.length;
  // Elements between consecutive channel indices along the quantized dimension.
  const inner = channels > 1 ? t.shape.slice(q.quantizedDimension + 1).reduce((a, b) => a * b, 1) : 1;
  for (let i = 0; i < n; i++) {
    const c = channels > 1 ? Math.floor(i / inner) % channels : 0;
    const v = t.dtype === 'int8' ? view.getInt8(i) : t.dtype === 'uint8' ? view.getUint8(i) : view.getInt32(i * 4, true);
    out[i] = q.scale[c]! * (v - Number(q.zeroPoint[c] ?? 0n));
  }
  return out;
}
