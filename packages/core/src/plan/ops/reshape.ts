// RESHAPE / SQUEEZE / EXPAND_DIMS: same bytes, new shape. The output shape comes from the op's
// options, its shape input, or the output tensor's static shape, in TFLite's order of preference.
import { UnsupportedError } from '../../errors.js';
import { numElements } from '../../ir/types.js';
import type { LowerContext, OpLowering, Operator } from '../types.js';
import { builtinOptions, opName } from '../../ir/op-name.js';

function reshapeTarget(op: Operator, ctx: LowerContext): number[] {
  const inElems = numElements(ctx.shape(op.inputs[0]!));
  let target: number[] | undefined;
  const shapeInput = op.inputs[1];
  if (shapeInput !== undefined && shapeInput >= 0) {
    const t = ctx.tensor(shapeInput);
    if (t.data && t.dtype === 'int32') {
      const v = new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);
      target = Array.from({ length: t.data.byteLength / 4 }, (_, i) => v.getInt32(i * 4, true));
    }
  }
  const opts = builtinOptions(op);
  if (!target && Array.isArray(opts['newShape']) && (opts['newShape'] as number[]).length > 0) target = (opts['newShape'] as number[]).map(Number);
  if (!target) target = [...ctx.tensor(op.outputs[0]!).shape];
  const unknown = target.filter((d) => d === -1).length;
  if (unknown > 1) throw new UnsupportedError(`RESHAPE to [${target.join(',')}]: more than one -1 dimension`);
  if (unknown === 1) {
    const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
    target = target.map((d) => (d === -1 ? inElems / known : d));
  }
  if (numElements(target) !== inElems) {
    throw new UnsupportedError(`RESHAPE of ${inElems} elements to [${target.join(',')}] (${numElements(target)} elements)`);
  }
  return target;
}

function squeezeTarget(op: Operator, ctx: LowerContext): number[] {
  const shape = ctx.shape(op.inputs[0]!);
  const dims = ((builtinOptions(op)['squeezeDims'] as number[] | undefined) ?? []).map((d) => (d < 0 ? d + shape.length : d));
  return shape.filter((d, i) => (dims.length ? !(dims.includes(i) && d === 1) : d !== 1));
}

function expandDimsTarget(op: Operator, ctx: LowerContext): number[] {
  const shape = ctx.shape(op.inputs[0]!);
  const axisT = ctx.tensor(op.inputs[1]!);
  if (!axisT.data || axisT.data.byteLength < 4) throw new UnsupportedError('EXPAND_DIMS with a non-constant axis');
  let axis = new DataView(axisT.data.buffer, axisT.data.byteOffset, 4).getInt32(0, true);
  if (axis < 0) axis += shape.length + 1;
  return [...shape.slice(0, axis), 1, ...shape.slice(axis)];
}

export const reshapeLowering: OpLowering = {
  ops: ['RESHAPE', 'SQUEEZE', 'EXPAND_DIMS'],
  lower(op, ctx) {
    const name = opName(op);
    const out = name === 'SQUEEZE' ? squeezeTarget(op, ctx) : name === 'EXPAND_DIMS' ? expandDimsTarget(op, ctx) : reshapeTarget(op, ctx);
    return { kernel: 'reshape', params: new Uint8Array(0), outputShapes: [out] };
  },
};
