// DEPTHWISE_CONV_2D → depthwise_conv_2d_{f32,u8,i8} (native/src/kernels/depthwise_conv.cc).
// Requantization as conv.ts (uint8: float-product per-tensor multiplier; int8: per channel along the
// filter's last dimension, in double). The final shift rounds half away from zero: TFLite 2.9's
// depthwise kernels use common.h's MultiplyByQuantizedMultiplier (measured, docs/SEMANTICS.md). Float
// input with int8 weights is the hybrid kernel (hybrid.ts).
import { UnsupportedError } from '../../errors.js';
import { encodeParams } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { convQuantFields, convTensors } from './conv.js';
import { isHybrid, lowerDepthwiseHybrid } from './hybrid.js';
import { convGeometry, convGeometryFields } from './padding.js';
import { Rounding } from './quant-helpers.js';

export const depthwiseConvLowering: OpLowering = {
  ops: ['DEPTHWISE_CONV_2D'],
  lower(op, ctx): LoweredOp {
    if (isHybrid(op, ctx)) return lowerDepthwiseHybrid(op, ctx);
    const t = convTensors(op, ctx);
    const inShape = ctx.shape(op.inputs[0]!);
    const fShape = ctx.shape(op.inputs[1]!);
    if (inShape.length !== 4 || fShape.length !== 4) throw new UnsupportedError(`DEPTHWISE_CONV_2D: input [${inShape}] and filter [${fShape}] must be 4-D`);
    const [n, h, w, cin] = inShape as [number, number, number, number];
    const [one, kh, kw, cout] = fShape as [number, number, number, number];
    if (one !== 1) throw new UnsupportedError(`DEPTHWISE_CONV_2D: filter [${fShape}] must have a leading 1`);
    // TFLite derives the multiplier from the shapes (old files store unreliable depth_multiplier values).
    if (cin <= 0 || cout % cin !== 0) throw new UnsupportedError(`DEPTHWISE_CONV_2D: ${cout} output channels is not a multiple of ${cin} input channels`);
    const g = convGeometry(op, 'DEPTHWISE_CONV_2D', h, w, kh, kw);
    const q = convQuantFields(op, t, cout, 3, Rounding.TiesAwayFromZero);
    const params = encodeParams('DepthwiseConvParams', { ...convGeometryFields(g), depth_multiplier: cout / cin, ...q.values }).i32s(q.multipliers).i32s(q.shifts).finish();
    return { kernel: `depthwise_conv_2d_${t.kind}`, params, outputShapes: [[n, g.pad.outH, g.pad.outW, cout]] };
  },
};
