// The converter's working graph: TFLite-shaped ops over float tensors that carry their float range
// (min/max from FakeQuant, flags, calibration) until the quantize step picks dtypes and params.
// Tensor names are the TF names TOCO would give them; export sorts and serializes.
import type { BuiltinOp, CustomOp, DType } from '../ir/types.js';
import type { MinMax } from '../quantize/numerics/ranges.js';

export type { MinMax };

export interface FTensor {
  name: string;
  shape: number[];
  /** False for outputs of custom ops whose shape is only known at run time. */
  hasRank: boolean;
  dtype: DType;
  /** Constant data (float32 weights/biases, int32 shapes/axes). Undefined = activation. */
  data?: Float32Array | Int32Array;
  minmax?: MinMax;
  /** Weights from a narrow-range FakeQuant: quantized to [1, 255]. */
  narrowRange?: boolean;
  /** Set by the quantize step. */
  quant?: { scale: number; zeroPoint: number; min?: number; max?: number };
  /** Final bytes of a quantized constant. */
  bytes?: Uint8Array;
}

export interface FOp {
  /** The TF node the op stands for (the first of a fused group); for messages. */
  node: string;
  op: BuiltinOp | CustomOp;
  inputs: number[];
  outputs: number[];
}

export interface FGraph {
  tensors: FTensor[];
  ops: FOp[];
  inputs: number[];
  outputs: number[];
}

/** Ops consuming tensor `t`, and whether it is a graph output. */
export function consumersOf(g: FGraph, t: number): FOp[] {
  return g.ops.filter((o) => o.inputs.includes(t));
}

export function addTensor(g: FGraph, t: FTensor): number {
  g.tensors.push(t);
  return g.tensors.length - 1;
}

export function builtin(opcode: string, options?: BuiltinOp['options']): BuiltinOp {
  return options ? { kind: 'builtin', opcode, version: 1, options } : { kind: 'builtin', opcode, version: 1 };
}
