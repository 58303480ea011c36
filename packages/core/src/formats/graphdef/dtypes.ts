// TensorFlow DataType names and element sizes (types.proto, TF 2.9).
// The enum numbers come from the generated descriptor so they cannot drift from the schema.
import descriptor from './generated/descriptor.js';

interface EnumJson {
  values: Record<string, number>;
}

function dataTypeEnum(): EnumJson {
  const tf = (descriptor.nested as Record<string, { nested?: Record<string, unknown> }>)['tensorflow'];
  const e = tf?.nested?.['DataType'] as EnumJson | undefined;
  if (!e) throw new Error('generated descriptor lacks tensorflow.DataType');
  return e;
}

const BY_NUMBER = new Map<number, string>();
for (const [name, num] of Object.entries(dataTypeEnum().values)) {
  // Aliases do not exist in DataType today; keep the first name for a number if one ever appears.
  if (!BY_NUMBER.has(num)) BY_NUMBER.set(num, name);
}
const BY_NAME = new Map<string, number>(Object.entries(dataTypeEnum().values));

/** 'DT_FLOAT' for 1; undefined for numbers the schema does not know. */
export function dataTypeName(n: number): string | undefined {
  return BY_NUMBER.get(n);
}

export function dataTypeNumber(name: string): number | undefined {
  return BY_NAME.get(name);
}

/**
 * Bytes per element in a packed little-endian buffer (tensor_content layout), or undefined for
 * types with no fixed-size packing (strings, resources, variants, reference types).
 * Complex types count one element as the (real, imag) pair.
 */
export function dataTypeSize(name: string): number | undefined {
  return SIZES[name];
}

const SIZES: Record<string, number> = {
  DT_FLOAT: 4,
  DT_DOUBLE: 8,
  DT_INT32: 4,
  DT_UINT8: 1,
  DT_INT16: 2,
  DT_INT8: 1,
  DT_COMPLEX64: 8,
  DT_INT64: 8,
  DT_BOOL: 1,
  DT_QINT8: 1,
  DT_QUINT8: 1,
  DT_QINT32: 4,
  DT_BFLOAT16: 2,
  DT_QINT16: 2,
  DT_QUINT16: 2,
  DT_UINT16: 2,
  DT_COMPLEX128: 16,
  DT_HALF: 2,
  DT_UINT32: 4,
  DT_UINT64: 8,
};
