// The TF graph form: what the GraphDef (.pb), text (.pbtxt) and TF.js readers all produce, and what
// the TF → IR converter consumes. It stays close to GraphDef (names, ops, raw input strings, attrs)
// so that nothing is lost before the converter decides what it needs; values are decoded into plain,
// typed JS (bigint for int64, DataType names, packed little-endian tensor bytes).

import { UnsupportedError } from '../../errors.js';

/** A TensorFlow DataType by its enum name, e.g. 'DT_FLOAT', 'DT_INT32', 'DT_QUINT8'. */
export type TfDataType = string;

/** A TensorShapeProto: dims with -1 for an unknown size, or an unknown rank. */
export type TfShape = { dims: number[]; unknownRank?: undefined } | { unknownRank: true; dims?: undefined };

/**
 * A constant tensor. `data` is packed little-endian (the tensor_content layout) and, when the source
 * held the bytes verbatim (tensor_content, TF.js float32/int32 weights), a zero-copy view into the file
 * buffer — so do not mutate it. DT_STRING tensors carry `strings` instead (data is empty); resource and
 * variant tensors are kept `opaque` (no data).
 */
export interface TfTensor {
  dtype: TfDataType;
  shape: number[];
  data: Uint8Array;
  strings?: Uint8Array[];
  opaque?: true;
}

/** A function reference (NameAttrList): a name plus its own attrs. */
export interface TfFunc {
  name: string;
  attrs: Record<string, TfAttr>;
}

/**
 * One AttrValue. `kind` names the member of the value oneof; list kinds follow TF's attr type
 * spelling ('list(int)' in op defs is 'list(i)' here, after the proto field). A ListValue with every
 * member empty is `{ kind: 'list', value: [] }` because its element type is not recorded.
 */
export type TfAttr =
  | { kind: 's'; value: string; bytes: Uint8Array }
  | { kind: 'i'; value: bigint }
  | { kind: 'f'; value: number }
  | { kind: 'b'; value: boolean }
  | { kind: 'type'; value: TfDataType }
  | { kind: 'shape'; value: TfShape }
  | { kind: 'tensor'; value: TfTensor }
  | { kind: 'func'; value: TfFunc }
  | { kind: 'placeholder'; value: string }
  | { kind: 'list(s)'; value: string[]; bytes: Uint8Array[] }
  | { kind: 'list(i)'; value: bigint[] }
  | { kind: 'list(f)'; value: number[] }
  | { kind: 'list(b)'; value: boolean[] }
  | { kind: 'list(type)'; value: TfDataType[] }
  | { kind: 'list(shape)'; value: TfShape[] }
  | { kind: 'list(tensor)'; value: TfTensor[] }
  | { kind: 'list(func)'; value: TfFunc[] }
  | { kind: 'list'; value: [] }
  | { kind: 'none' };

export type TfAttrKind = TfAttr['kind'];

export interface TfNode {
  name: string;
  op: string;
  /** As in NodeDef: 'x' (output 0), 'x:1', '^x' (control dependency). */
  inputs: string[];
  device: string;
  attrs: Record<string, TfAttr>;
}

export interface TfGraph {
  nodes: TfNode[];
  versions?: { producer: number; minConsumer: number; badConsumers: number[] };
  /** The FunctionDefLibrary as decoded, when non-empty; frozen detection graphs have none. */
  library?: unknown;
  source: 'graphdef' | 'pbtxt' | 'tfjs';
}

/**
 * The attr `key` of `node`, narrowed to `kind`; undefined when absent. A present attr of another
 * kind throws (UnsupportedError: the graph cannot be converted), because silently ignoring e.g. an int
 * where a list was expected hides a bad graph.
 */
export function getAttr<K extends TfAttrKind>(node: TfNode, key: string, kind: K): Extract<TfAttr, { kind: K }> | undefined {
  const a = node.attrs[key];
  if (a === undefined) return undefined;
  if (a.kind !== kind) throw new UnsupportedError(`node ${node.name} (${node.op}): attr ${key} is ${a.kind}, expected ${kind}`);
  return a as Extract<TfAttr, { kind: K }>;
}

/** Splits an input string into its producer node, output index and control flag. */
export function parseInput(input: string): { node: string; output: number; control: boolean } {
  if (input.startsWith('^')) return { node: input.slice(1), output: -1, control: true };
  const colon = input.lastIndexOf(':');
  if (colon > 0 && /^\d+$/.test(input.slice(colon + 1))) {
    return { node: input.slice(0, colon), output: Number(input.slice(colon + 1)), control: false };
  }
  return { node: input, output: 0, control: false };
}

export function numElements(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
