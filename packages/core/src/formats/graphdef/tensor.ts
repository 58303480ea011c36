// Typed views over TfTensor bytes. Views are zero-copy when the bytes are aligned for the element
// type; tensor_content slices of a protobuf are not (they sit at arbitrary file offsets), so those
// are copied once. Hosts are assumed little-endian, as TF writes tensor_content on every platform
// liteq runs on.
import { UnsupportedError } from '../../errors.js';
import type { TfTensor } from './graph.js';

type Ctor<T> = { new (b: ArrayBufferLike, off: number, len: number): T; new (len: number): T; BYTES_PER_ELEMENT: number };

function view<T extends ArrayBufferView>(t: TfTensor, C: Ctor<T>, accepted: readonly string[]): T {
  if (!accepted.includes(t.dtype)) throw new UnsupportedError(`tensor is ${t.dtype}, not ${accepted.join('/')}`);
  const size = C.BYTES_PER_ELEMENT;
  const d = t.data;
  if (d.byteLength % size !== 0) throw new UnsupportedError(`${t.dtype} tensor of ${d.byteLength} bytes: not a multiple of ${size}`);
  if (d.byteOffset % size === 0) return new C(d.buffer, d.byteOffset, d.byteLength / size);
  const copy = new C(d.byteLength / size);
  new Uint8Array(copy.buffer).set(d);
  return copy;
}

export function tensorFloat32(t: TfTensor): Float32Array {
  return view(t, Float32Array, ['DT_FLOAT']);
}
export function tensorFloat64(t: TfTensor): Float64Array {
  return view(t, Float64Array, ['DT_DOUBLE']);
}
export function tensorInt32(t: TfTensor): Int32Array {
  return view(t, Int32Array, ['DT_INT32', 'DT_QINT32']);
}
export function tensorInt64(t: TfTensor): BigInt64Array {
  return view(t, BigInt64Array, ['DT_INT64']);
}
/** Raw bits of DT_HALF / DT_BFLOAT16 tensors. */
export function tensorUint16(t: TfTensor): Uint16Array {
  return view(t, Uint16Array, ['DT_UINT16', 'DT_QUINT16', 'DT_HALF', 'DT_BFLOAT16']);
}

/** Any numeric tensor as numbers (int64 converted, so exact only up to 2^53). For summaries and tests. */
export function tensorNumbers(t: TfTensor): number[] {
  const b = t.data;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const read: Record<string, [number, (o: number) => number]> = {
    DT_FLOAT: [4, (o) => dv.getFloat32(o, true)],
    DT_DOUBLE: [8, (o) => dv.getFloat64(o, true)],
    DT_INT32: [4, (o) => dv.getInt32(o, true)],
    DT_QINT32: [4, (o) => dv.getInt32(o, true)],
    DT_UINT32: [4, (o) => dv.getUint32(o, true)],
    DT_INT16: [2, (o) => dv.getInt16(o, true)],
    DT_QINT16: [2, (o) => dv.getInt16(o, true)],
    DT_UINT16: [2, (o) => dv.getUint16(o, true)],
    DT_QUINT16: [2, (o) => dv.getUint16(o, true)],
    DT_INT8: [1, (o) => dv.getInt8(o)],
    DT_QINT8: [1, (o) => dv.getInt8(o)],
    DT_UINT8: [1, (o) => dv.getUint8(o)],
    DT_QUINT8: [1, (o) => dv.getUint8(o)],
    DT_BOOL: [1, (o) => dv.getUint8(o)],
    DT_INT64: [8, (o) => Number(dv.getBigInt64(o, true))],
    DT_UINT64: [8, (o) => Number(dv.getBigUint64(o, true))],
  };
  const r = read[t.dtype];
  if (!r) throw new TypeError(`tensorNumbers: ${t.dtype} is not a plain numeric type`);
  const [size, get] = r;
  const out = new Array<number>(b.byteLength / size);
  for (let i = 0; i < out.length; i++) out[i] = get(i * size);
  return out;
}
