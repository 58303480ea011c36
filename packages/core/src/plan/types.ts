// Lowering: IR op → what the native executor runs. See native/src/runtime/op.h for the C++ side.
import type { Operator, Subgraph, Tensor } from '../ir/types.js';

/** One op as the executor runs it. */
export interface LoweredOp {
  /** Kernel name registered in native/src/kernels/registry.cc, e.g. "conv_2d_u8". */
  kernel: string;
  /** The kernel's params struct (plus trailing arrays), little-endian; build it with ParamsWriter. */
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

/** Builds a params blob field by field, in the C++ struct's order. All fields are 4 bytes. */
export class ParamsWriter {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  private n = 0;

  private ensure(bytes: number): void {
    if (this.n + bytes <= this.buf.byteLength) return;
    const grown = new Uint8Array(Math.max(this.buf.byteLength * 2, this.n + bytes));
    grown.set(this.buf.subarray(0, this.n));
    this.buf = grown;
    this.view = new DataView(grown.buffer);
  }

  i32(v: number): this {
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new RangeError(`ParamsWriter.i32: ${v} is not an int32`);
    this.ensure(4);
    this.view.setInt32(this.n, v, true);
    this.n += 4;
    return this;
  }

  f32(v: number): this {
    this.ensure(4);
    this.view.setFloat32(this.n, v, true);
    this.n += 4;
    return this;
  }

  i32s(vs: ArrayLike<number>): this {
    for (let i = 0; i < vs.length; i++) this.i32(vs[i]!);
    return this;
  }

  f32s(vs: ArrayLike<number>): this {
    for (let i = 0; i < vs.length; i++) this.f32(vs[i]!);
    return this;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

export type { Operator, Subgraph, Tensor };
