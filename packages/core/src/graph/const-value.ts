// Constant values during conversion: TF Const tensors and whatever constant folding computes from them.
import { UnsupportedError } from '../errors.js';
import type { TfTensor } from '../formats/graphdef/graph.js';
import { tensorFloat32, tensorFloat64, tensorInt32, tensorInt64 } from '../formats/graphdef/tensor.js';
import type { MinMax } from './fgraph.js';

export interface ConstValue {
  /** TF name of the array (node name, or node:k); used if it becomes a tensor of the model. */
  name: string;
  dtype: 'float32' | 'int32';
  shape: number[];
  data: Float32Array | Int32Array;
  /** Set when the constant came out of a FakeQuant (weights). */
  minmax?: MinMax;
  narrowRange?: boolean;
}

export function constFromTf(name: string, t: TfTensor): ConstValue {
  const n = t.shape.reduce((a, b) => a * b, 1);
  const broadcast = <T extends Float32Array | Int32Array>(v: T, make: (k: number) => T): T => {
    // TF stores a splat (one value for many elements) compactly; expand it.
    if (v.length === n) return v;
    if (v.length === 1 || v.length === 0) {
      const out = make(n);
      out.fill(v.length ? v[0]! : 0);
      return out;
    }
    throw new UnsupportedError(`constant ${name}: ${v.length} values for shape [${t.shape.join(',')}]`);
  };
  switch (t.dtype) {
    case 'DT_FLOAT':
      return { name, dtype: 'float32', shape: t.shape, data: broadcast(tensorFloat32(t), (k) => new Float32Array(k)) };
    case 'DT_DOUBLE':
      return { name, dtype: 'float32', shape: t.shape, data: broadcast(Float32Array.from(tensorFloat64(t)), (k) => new Float32Array(k)) };
    case 'DT_INT32':
      return { name, dtype: 'int32', shape: t.shape, data: broadcast(tensorInt32(t), (k) => new Int32Array(k)) };
    case 'DT_INT64':
      return { name, dtype: 'int32', shape: t.shape, data: broadcast(Int32Array.from(tensorInt64(t), (v) => Number(v)), (k) => new Int32Array(k)) };
    case 'DT_BOOL':
      return { name, dtype: 'int32', shape: t.shape, data: broadcast(Int32Array.from(t.data), (k) => new Int32Array(k)) };
    default:
      throw new UnsupportedError(`constant ${name} has dtype ${t.dtype}; liteq convert handles float, double, int32, int64 and bool constants`);
  }
}

export function constNumbers(c: ConstValue): number[] {
  return Array.from(c.data);
}
