// SLICE, STRIDED_SLICE (unit strides) → slice; SPLIT, SPLIT_V → split; REVERSE_V2 (one axis) → reverse
// (native/src/kernels/slice.cc): data movement with constant bounds, as TFLite 2.9 computes them —
// SLICE's size -1 runs to the end; STRIDED_SLICE's begin/end masks, negative indices counted from the
// end and clamped into [0, dim], shrink_axis dropping a dimension; SPLIT's equal parts, SPLIT_V's sizes
// with one -1 taking the rest. Ellipsis and new-axis masks, strides other than 1, and bounds that are
// not constants are refused by name.
import { UnsupportedError } from '../../errors.js';
import type { Tensor } from '../../ir/types.js';
import { EXECUTABLE_DTYPES } from '../encode.js';
import { encodeParams } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { constInts, intOption, opName, requireInput } from './quant-helpers.js';

function checkMove(name: string, x: Tensor, outs: Tensor[]): void {
  if (!EXECUTABLE_DTYPES.has(x.dtype)) throw new UnsupportedError(`${name}: ${x.dtype} tensors are not supported`);
  for (const o of outs) if (o.dtype !== x.dtype) throw new UnsupportedError(`${name}: input ${x.dtype}, output ${o.dtype}`);
}

function constant(name: string, t: Tensor, what: string): number[] {
  const v = constInts(t);
  if (!v) throw new UnsupportedError(`${name}: ${what} must be a constant int32/int64 tensor`);
  return v;
}

function sliceOp(shape: number[], begin: number[], size: number[], outShape: number[]): LoweredOp {
  const pad = (v: number[]) => Array.from({ length: 6 }, (_, i) => v[i] ?? 0);
  return { kernel: 'slice', params: encodeParams('SliceParams', { rank: shape.length, begin: pad(begin), size: pad(size) }).finish(), outputShapes: [outShape] };
}

export const sliceLowering: OpLowering = {
  ops: ['SLICE', 'STRIDED_SLICE'],
  lower(op, ctx): LoweredOp {
    const name = opName(op);
    const x = requireInput(op, ctx, 0, 'input');
    checkMove(name, x, [ctx.tensor(op.outputs[0]!)]);
    const shape = ctx.shape(op.inputs[0]!);
    const rank = shape.length;
    if (rank > 6) throw new UnsupportedError(`${name}: rank ${rank} input`);
    const begin = constant(name, requireInput(op, ctx, 1, 'begin'), 'begin');
    if (begin.length !== rank) throw new UnsupportedError(`${name}: ${begin.length} begin values for a rank-${rank} input`);
    if (name === 'SLICE') {
      const size = constant(name, requireInput(op, ctx, 2, 'size'), 'size');
      if (size.length !== rank) throw new UnsupportedError(`${name}: ${size.length} sizes for a rank-${rank} input`);
      const sz = size.map((s, d) => (s === -1 ? shape[d]! - begin[d]! : s));
      shape.forEach((dim, d) => {
        if (begin[d]! < 0 || sz[d]! < 0 || begin[d]! + sz[d]! > dim) throw new UnsupportedError(`${name}: begin [${begin}] size [${size}] leave the input [${shape}]`);
      });
      return sliceOp(shape, begin, sz, sz);
    }
    const end = constant(name, requireInput(op, ctx, 2, 'end'), 'end');
    const strides = constant(name, requireInput(op, ctx, 3, 'strides'), 'strides');
    if (end.length !== rank || strides.length !== rank) throw new UnsupportedError(`${name}: bounds for another rank than the input's ${rank}`);
    if (strides.some((s) => s !== 1)) throw new UnsupportedError(`${name}: strides [${strides}] (only 1 is supported)`);
    if (intOption(op, 'ellipsisMask', 0) !== 0 || intOption(op, 'newAxisMask', 0) !== 0) throw new UnsupportedError(`${name}: ellipsis or new-axis masks are not supported`);
    const beginMask = intOption(op, 'beginMask', 0);
    const endMask = intOption(op, 'endMask', 0);
    const shrink = intOption(op, 'shrinkAxisMask', 0);
    const clamp = (v: number, dim: number) => Math.min(dim, Math.max(0, v < 0 ? v + dim : v));
    const b: number[] = [];
    const size: number[] = [];
    const outShape: number[] = [];
    shape.forEach((dim, d) => {
      const start = beginMask & (1 << d) ? 0 : clamp(begin[d]!, dim);
      let stop = endMask & (1 << d) ? dim : clamp(end[d]!, dim);
      if (shrink & (1 << d)) {
        if (start >= dim) throw new UnsupportedError(`${name}: shrinking axis ${d} at ${begin[d]}, outside [0, ${dim})`);
        stop = start + 1;
      }
      b.push(start);
      size.push(Math.max(0, stop - start));
      if (!(shrink & (1 << d))) outShape.push(Math.max(0, stop - start));
    });
    return sliceOp(shape, b, size, outShape);
  },
};

export const splitLowering: OpLowering = {
  ops: ['SPLIT', 'SPLIT_V'],
  lower(op, ctx): LoweredOp {
    const name = opName(op);
    const v = name === 'SPLIT_V';
    const x = requireInput(op, ctx, v ? 0 : 1, 'input');
    checkMove(name, x, op.outputs.map((o) => ctx.tensor(o)));
    const shape = ctx.shape(op.inputs[v ? 0 : 1]!);
    if (shape.length > 6) throw new UnsupportedError(`${name}: rank ${shape.length} input`);
    const axisV = constant(name, requireInput(op, ctx, v ? 2 : 0, 'axis'), 'axis');
    let axis = axisV[0] ?? 0;
    if (axis < 0) axis += shape.length;
    if (axis < 0 || axis >= shape.length) throw new UnsupportedError(`${name}: axis ${axisV[0]} of a rank-${shape.length} input`);
    const dim = shape[axis]!;
    const n = op.outputs.length;
    let sizes: number[];
    if (v) {
      sizes = constant(name, requireInput(op, ctx, 1, 'size_splits'), 'size_splits');
      const unknown = sizes.filter((s) => s === -1).length;
      if (unknown > 1 || sizes.some((s) => s < -1)) throw new UnsupportedError(`${name}: size_splits [${sizes}]`);
      const known = sizes.reduce((a, s) => a + (s === -1 ? 0 : s), 0);
      sizes = sizes.map((s) => (s === -1 ? dim - known : s));
    } else {
      if (dim % n !== 0) throw new UnsupportedError(`${name}: axis ${axis} of size ${dim} does not split into ${n}`);
      sizes = new Array<number>(n).fill(dim / n);
    }
    if (sizes.length !== n || sizes.reduce((a, s) => a + s, 0) !== dim || sizes.some((s) => s < 0)) {
      throw new UnsupportedError(`${name}: sizes [${sizes}] for ${n} outputs do not add up to ${dim}`);
    }
    const outputShapes = sizes.map((s) => shape.map((d, i) => (i === axis ? s : d)));
    return { kernel: 'split', params: encodeParams('SplitParams', { axis, input: v ? 0 : 1 }).finish(), outputShapes };
  },
};

export const reverseLowering: OpLowering = {
  ops: ['REVERSE_V2'],
  lower(op, ctx): LoweredOp {
    const name = opName(op);
    const x = requireInput(op, ctx, 0, 'input');
    checkMove(name, x, [ctx.tensor(op.outputs[0]!)]);
    const shape = ctx.shape(op.inputs[0]!);
    const axes = constant(name, requireInput(op, ctx, 1, 'axis'), 'axis');
    if (axes.length !== 1) throw new UnsupportedError(`${name}: ${axes.length} axes (TFLite 2.9 reverses one)`);
    const axis = axes[0]! < 0 ? axes[0]! + shape.length : axes[0]!;
    if (axis < 0 || axis >= shape.length) throw new UnsupportedError(`${name}: axis ${axes[0]} of a rank-${shape.length} input`);
    return { kernel: 'reverse', params: encodeParams('ReverseParams', { axis }).finish(), outputShapes: [[...shape]] };
  },
};
