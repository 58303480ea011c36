// The one model IR of liteq. Readers (TFLite, GraphDef → converter, TF.js → converter) produce it,
// passes transform it, the TFLite writer serializes it and the planner lowers it for execution.
// Nothing downstream of the IR knows which file format a model came from.

/** Every TFLite tensor type, by its schema name (schema.fbs `enum TensorType`). */
export type DType =
  | 'float32'
  | 'float16'
  | 'int32'
  | 'uint8'
  | 'int64'
  | 'string'
  | 'bool'
  | 'int16'
  | 'complex64'
  | 'int8'
  | 'float64'
  | 'complex128'
  | 'uint64'
  | 'resource'
  | 'variant'
  | 'uint32'
  | 'uint16'
  | 'int4';

/**
 * Affine quantization, real = scale * (q - zero_point).
 * Per tensor: scale and zeroPoint have length 1. Per channel: one entry per slice of `quantizedDimension`.
 * min/max are the float range the parameters were chosen from, when the producer recorded it.
 */
export interface Quantization {
  scale: number[];
  zeroPoint: bigint[];
  quantizedDimension: number;
  min: number[];
  max: number[];
  /** Non-affine quantization details (schema `QuantizationDetails` union), kept opaque. */
  details?: { type: string; value: unknown };
}

export interface Tensor {
  name: string;
  /** Static shape; -1 marks an unknown dimension (see shapeSignature). */
  shape: number[];
  /** shape_signature: -1 where the dimension is dynamic. Undefined when the file did not store one. */
  shapeSignature?: number[];
  dtype: DType;
  /** Constant data: a zero-copy view into the file (or a buffer a pass made). Undefined = activation. */
  data?: Uint8Array;
  quantization?: Quantization;
  isVariable: boolean;
  /** schema `SparsityParameters`, kept as decoded. */
  sparsity?: unknown;
  /** schema `has_rank` (false means unranked when shape is empty). */
  hasRank: boolean;
}

/** A builtin op's typed options: the schema table name and its fields (snake_case as in schema.fbs → camelCase). */
export interface BuiltinOptions {
  /** The schema union member, e.g. "Conv2DOptions". */
  type: string;
  [field: string]: unknown;
}

/** A flexbuffer value as decoded. */
export type FlexValue = null | boolean | number | bigint | string | Uint8Array | FlexValue[] | { [key: string]: FlexValue };

export interface BuiltinOp {
  kind: 'builtin';
  /** Schema `BuiltinOperator` name, e.g. "CONV_2D". */
  opcode: string;
  /** Operator code version (the file's `OperatorCode.version`). */
  version: number;
  options?: BuiltinOptions;
  /** schema `builtin_options_2` (newer ops), when present. */
  options2?: BuiltinOptions;
}

export interface CustomOp {
  kind: 'custom';
  /** Custom code, e.g. "TFLite_Detection_PostProcess". */
  customCode: string;
  version: number;
  /** The raw custom options bytes as stored. */
  customOptions?: Uint8Array;
  /** The same options decoded from flexbuffers, when they are a flexbuffer map (undefined otherwise). */
  customOptionsMap?: { [key: string]: FlexValue };
}

export interface Operator {
  op: BuiltinOp | CustomOp;
  /** Tensor indices into the subgraph; -1 = optional input omitted. */
  inputs: number[];
  outputs: number[];
  intermediates: number[];
  mutatingVariableInputs: boolean[];
}

export interface Subgraph {
  name: string;
  tensors: Tensor[];
  operators: Operator[];
  inputs: number[];
  outputs: number[];
}

export interface SignatureDef {
  signatureKey: string;
  subgraphIndex: number;
  inputs: { name: string; tensorIndex: number }[];
  outputs: { name: string; tensorIndex: number }[];
}

export interface Metadata {
  name: string;
  data: Uint8Array;
}

export interface Model {
  /** TFLite schema version (3). */
  version: number;
  description: string;
  subgraphs: Subgraph[];
  metadata: Metadata[];
  signatureDefs: SignatureDef[];
}

/** Bytes per element; int4 packs two per byte and reports 0.5; string/resource/variant are variable (0). */
export const DTYPE_BYTES: Readonly<Record<DType, number>> = {
  float32: 4,
  float16: 2,
  int32: 4,
  uint8: 1,
  int64: 8,
  string: 0,
  bool: 1,
  int16: 2,
  complex64: 8,
  int8: 1,
  float64: 8,
  complex128: 16,
  uint64: 8,
  resource: 0,
  variant: 0,
  uint32: 4,
  uint16: 2,
  int4: 0.5,
};

/**
 * Bytes a constant of this shape and dtype holds (int4: two per byte, rounded up); undefined when that
 * is not fixed (a dynamic dimension, or a variable-size dtype such as string).
 */
export function constantBytes(shape: readonly number[], dtype: DType): number | undefined {
  const n = numElements(shape);
  const per = DTYPE_BYTES[dtype];
  return per > 0 && Number.isFinite(n) ? Math.ceil(n * per) : undefined;
}

/** Number of elements of a static shape (1 for a scalar); NaN if any dimension is unknown. */
export function numElements(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d < 0 ? Number.NaN : d;
  return n;
}

/**
 * The schema's `enum TensorType` code of every IR dtype: the one table the TFLite reader/writer and
 * the executor's plan description share (a test checks it against the schema).
 */
export const TENSOR_TYPE_CODE: Readonly<Record<DType, number>> = {
  float32: 0,
  float16: 1,
  int32: 2,
  uint8: 3,
  int64: 4,
  string: 5,
  bool: 6,
  int16: 7,
  complex64: 8,
  int8: 9,
  float64: 10,
  complex128: 11,
  uint64: 12,
  resource: 13,
  variant: 14,
  uint32: 15,
  uint16: 16,
  int4: 17,
};

const DTYPE_BY_CODE = new Map(Object.entries(TENSOR_TYPE_CODE).map(([d, c]) => [c, d as DType]));

/** The IR dtype of a schema TensorType code; undefined for types the IR does not have (bfloat16, int2, …). */
export function dtypeOfCode(code: number): DType | undefined {
  return DTYPE_BY_CODE.get(code);
}
