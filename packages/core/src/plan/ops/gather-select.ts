// GATHER → gather; LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, EQUAL, NOT_EQUAL → {less,...}_{f32,i32};
// SELECT / SELECT_V2 → select / select_v2 (native/src/kernels/gather_select.cc): what an embedding
// lookup needs (Keras' Embedding: LESS / ADD / SELECT wrap negative ids, GATHER picks the rows — the
// rows int8 in a dynamic-range model, then DEQUANTIZE). GATHER with batch_dims other than 0 and
// comparisons of quantized operands (TFLite rescales them) are refused by name.
import { UnsupportedError } from '../../errors.js';
import { EXECUTABLE_DTYPES } from '../encode.js';
import { encodeParams } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { broadcastShapes } from './elementwise.js';
import { opName, options, requireInput } from './quant-helpers.js';

const COMPARE_KINDS: Record<string, string> = { float32: 'f32', int32: 'i32' };
const COMPARISONS: Record<string, string> = {
  LESS: 'less',
  LESS_EQUAL: 'less_equal',
  GREATER: 'greater',
  GREATER_EQUAL: 'greater_equal',
  EQUAL: 'equal',
  NOT_EQUAL: 'not_equal',
};

export const gatherLowering: OpLowering = {
  ops: ['GATHER'],
  lower(op, ctx): LoweredOp {
    const paramsT = requireInput(op, ctx, 0, 'params');
    const idxT = requireInput(op, ctx, 1, 'indices');
    const outT = ctx.tensor(op.outputs[0]!);
    if (!EXECUTABLE_DTYPES.has(paramsT.dtype)) throw new UnsupportedError(`GATHER: ${paramsT.dtype} params are not supported`);
    if (outT.dtype !== paramsT.dtype) throw new UnsupportedError(`GATHER: params ${paramsT.dtype}, output ${outT.dtype}`);
    if (idxT.dtype !== 'int32' && idxT.dtype !== 'int64') throw new UnsupportedError(`GATHER: ${idxT.dtype} indices (int32 and int64 are supported)`);
    const shape = ctx.shape(op.inputs[0]!);
    const idxShape = ctx.shape(op.inputs[1]!);
    const batchDims = Number(options(op)['batchDims'] ?? 0);
    if (batchDims !== 0) throw new UnsupportedError(`GATHER: batch_dims ${batchDims} (only 0 is supported)`);
    let axis = Number(options(op)['axis'] ?? 0);
    if (axis < 0) axis += shape.length;
    if (axis < 0 || axis >= shape.length) throw new UnsupportedError(`GATHER: axis ${axis} of a rank-${shape.length} input`);
    const outShape = [...shape.slice(0, axis), ...idxShape, ...shape.slice(axis + 1)];
    if (outShape.length > 6) throw new UnsupportedError(`GATHER: rank ${outShape.length} output (at most 6)`);
    return { kernel: 'gather', params: encodeParams('GatherParams', { axis }).finish(), outputShapes: [outShape] };
  },
};

export const comparisonLowering: OpLowering = {
  ops: Object.keys(COMPARISONS),
  lower(op, ctx): LoweredOp {
    const name = opName(op);
    const aT = requireInput(op, ctx, 0, 'input1');
    const bT = requireInput(op, ctx, 1, 'input2');
    const kind = COMPARE_KINDS[aT.dtype];
    if (!kind) throw new UnsupportedError(`${name}: ${aT.dtype} operands are not supported (float32 and int32 are)`);
    if (bT.dtype !== aT.dtype) throw new UnsupportedError(`${name}: mixed dtypes ${aT.dtype}, ${bT.dtype}`);
    if (ctx.tensor(op.outputs[0]!).dtype !== 'bool') throw new UnsupportedError(`${name}: the output must be bool`);
    const aShape = ctx.shape(op.inputs[0]!);
    const bShape = ctx.shape(op.inputs[1]!);
    const outShape = broadcastShapes(aShape, bShape);
    if (!outShape) throw new UnsupportedError(`${name}: shapes [${aShape}] and [${bShape}] do not broadcast`);
    if (outShape.length > 6) throw new UnsupportedError(`${name}: rank ${outShape.length} output (at most 6)`);
    return { kernel: `${COMPARISONS[name]}_${kind}`, params: new Uint8Array(0), outputShapes: [outShape] };
  },
};

export const selectLowering: OpLowering = {
  ops: ['SELECT', 'SELECT_V2'],
  lower(op, ctx): LoweredOp {
    const name = opName(op);
    const condT = requireInput(op, ctx, 0, 'condition');
    const xT = requireInput(op, ctx, 1, 'x');
    const yT = requireInput(op, ctx, 2, 'y');
    if (condT.dtype !== 'bool') throw new UnsupportedError(`${name}: a ${condT.dtype} condition (bool is required)`);
    if (!EXECUTABLE_DTYPES.has(xT.dtype) || yT.dtype !== xT.dtype || ctx.tensor(op.outputs[0]!).dtype !== xT.dtype) {
      throw new UnsupportedError(`${name}: operands ${xT.dtype}, ${yT.dtype} -> ${ctx.tensor(op.outputs[0]!).dtype}`);
    }
    const c = ctx.shape(op.inputs[0]!);
    const x = ctx.shape(op.inputs[1]!);
    const y = ctx.shape(op.inputs[2]!);
    let outShape: number[] | undefined;
    if (name === 'SELECT') {
      // TFLite 2.9's SELECT: x and y alike; the condition alike, a scalar, or rank 1 picking rows.
      const same = (p: number[], q: number[]) => p.length === q.length && p.every((d, i) => d === q[i]);
      const rows = c.length === 1 && x.length > 1 && c[0] === x[0];
      if (same(x, y) && (same(c, x) || c.length === 0 || rows)) outShape = x;
    } else {
      const xy = broadcastShapes(x, y);
      outShape = xy && broadcastShapes(c, xy);
    }
    if (!outShape) throw new UnsupportedError(`${name}: shapes [${c}], [${x}], [${y}] do not broadcast`);
    if (outShape.length > 6) throw new UnsupportedError(`${name}: rank ${outShape.length} output (at most 6)`);
    return { kernel: name === 'SELECT' ? 'select' : 'select_v2', params: new Uint8Array(0), outputShapes: [outShape] };
  },
};
