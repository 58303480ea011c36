// AVERAGE_POOL_2D / MAX_POOL_2D → {average,max}_pool_2d_{f32,u8,i8} (native/src/kernels/pooling.cc).
// Quantized pooling never rescales: TFLite works on the raw integers and clamps to the fused
// activation's range computed from the output's scale and zero point.
import { UnsupportedError } from '../../errors.js';
import { encodeParams } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { computePadding2D, paddingMode } from './padding.js';
import { activationClamps, fusedActivation, intOption, opName, options, perTensorQuant, quantizedKind, requireInput } from './quant-helpers.js';

export const poolingLowering: OpLowering = {
  ops: ['AVERAGE_POOL_2D', 'MAX_POOL_2D'],
  lower(op, ctx): LoweredOp {
    const name = opName(op);
    const inT = requireInput(op, ctx, 0, 'input');
    const outT = ctx.tensor(op.outputs[0]!);
    const kind = quantizedKind(op, inT.dtype);
    if (outT.dtype !== inT.dtype) throw new UnsupportedError(`${name}: input ${inT.dtype}, output ${outT.dtype}`);
    const shape = ctx.shape(op.inputs[0]!);
    if (shape.length !== 4) throw new UnsupportedError(`${name}: input [${shape}] must be 4-D`);
    const [n, h, w, c] = shape as [number, number, number, number];
    const strideH = intOption(op, 'strideH', 1);
    const strideW = intOption(op, 'strideW', 1);
    const filterH = intOption(op, 'filterHeight', 1);
    const filterW = intOption(op, 'filterWidth', 1);
    if (strideH < 1 || strideW < 1 || filterH < 1 || filterW < 1) throw new UnsupportedError(`${name}: stride ${strideH}x${strideW}, filter ${filterH}x${filterW}`);
    const pad = computePadding2D(paddingMode(name, options(op)['padding']), h, w, filterH, filterW, strideH, strideW);
    if (pad.outH <= 0 || pad.outW <= 0) throw new UnsupportedError(`${name}: empty output (${pad.outH}x${pad.outW})`);
    const clamps = activationClamps(fusedActivation(op), kind, kind === 'f32' ? undefined : perTensorQuant(op, outT, 'output'));
    const params = encodeParams('PoolParams', {
      stride_h: strideH,
      stride_w: strideW,
      filter_h: filterH,
      filter_w: filterW,
      pad_top: pad.padTop,
      pad_left: pad.padLeft,
      act_min: clamps.actMin,
      act_max: clamps.actMax,
      float_act_min: clamps.floatMin,
      float_act_max: clamps.floatMax,
    }).finish();
    const kernel = `${name === 'AVERAGE_POOL_2D' ? 'average' : 'max'}_pool_2d_${kind}`;
    return { kernel, params, outputShapes: [[n, pad.outH, pad.outW, c]] };
  },
};
