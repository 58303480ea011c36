// Lowering: IR op → what the native executor runs. See native/src/runtime/op.h for the C++ side.
import type { Operator, Subgraph, Tensor } from '../ir/types.js';

/** One op as the executor runs it. */
export interface LoweredOp {
  /** Kernel name registered in native/src/kernels/registry.cc, e.g. "conv_2d_u8". */
  kernel: string;
  /** The kernel's params struct (plus trailing arrays), little-endian; built with encodeParams (params.ts). */
  params: Uint8Array;
  /** Shapes of the op's outputs, inferred statically (the file's shapes may be empty, e.g. post-process). */
  outputShapes: number[][];
}

export interface LowerContext {
  readonly subgraph: Subgraph;
  /** The IR tensor at index i (throws on -1 / out of range). */
  tensor(i: number): Tensor;
  /** The tensor's static shape as inferred so far (inputs of this op are always known). */
  shape(i: number): number[];
}

export interface OpLowering {
  /** IR op names this lowering handles: builtin schema names ("CONV_2D") or custom codes. */
  readonly ops: readonly string[];
  /** Lowers one op; throws UnsupportedError (naming the op and why) for a variant it cannot run. */
  lower(op: Operator, ctx: LowerContext): LoweredOp;
}

export { ParamsWriter } from './writer.js';

export type { Operator, Subgraph, Tensor };
