// Tensor values as typed arrays: what a model run takes and returns, whichever backend ran it.
import type { DType } from './types.js';

export type TensorData = Float32Array | Uint8Array | Int8Array | Int16Array | Int32Array | BigInt64Array | Uint16Array | Float64Array;

export interface TensorInfo {
  name: string;
  shape: number[];
  dtype: DType;
  /** Per-tensor quantization (scale 0 = none). */
  scale: number;
  zeroPoint: number;
}

export interface OutputTensor extends TensorInfo {
  data: TensorData;
}

/** The typed array class that holds a dtype's elements. */
export function typedArrayFor(dtype: DType, bytes: Uint8Array): TensorData {
  const copy = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const { buffer, byteOffset, byteLength } = copy;
  switch (dtype) {
    case 'float32':
      return new Float32Array(buffer, byteOffset, byteLength / 4);
    case 'float64':
      return new Float64Array(buffer, byteOffset, byteLength / 8);
    case 'int32':
      return new Int32Array(buffer, byteOffset, byteLength / 4);
    case 'int16':
      return new Int16Array(buffer, byteOffset, byteLength / 2);
    case 'float16':
    case 'uint16':
      return new Uint16Array(buffer, byteOffset, byteLength / 2);
    case 'int8':
      return new Int8Array(buffer, byteOffset, byteLength);
    case 'int64':
      return new BigInt64Array(buffer, byteOffset, byteLength / 8);
    default:
      return new Uint8Array(buffer, byteOffset, byteLength);
  }
}

export type ArrayClass = { new (n: number): TensorData; readonly name: string };
export const EXPECTED_ARRAY: Partial<Record<DType, ArrayClass>> = {
  float32: Float32Array,
  float64: Float64Array,
  int32: Int32Array,
  int16: Int16Array,
  float16: Uint16Array,
  uint16: Uint16Array,
  int8: Int8Array,
  int64: BigInt64Array,
  uint8: Uint8Array,
  bool: Uint8Array,
};
