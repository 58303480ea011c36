// DEPTHWISE_CONV_2D → depthwise_conv_2d_{f32,u8,i8} (native/src/kernels/depthwise_conv.cc).
// Requantization as conv.ts (uint8: float-product per-tensor multiplier; int8: per channel along the
// filter's last dimension, in double). The final shift rounds half away from zero: TFLite 2.9's
// depthwise kernels use common.h's MultiplyByQuantizedMultiplier (measured, docs/SEMANTICS.md). Float
// input with int8 weights is the hybrid kernel (hybrid.ts).
import { encodeParams } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { convQuantFields, convTensors } from './conv.js';
import { isHybrid, lowerDepthwiseHybrid } from './hybrid.js';
import { convGeometry, convGeometryFields, convShapes } from './padding.js';
import { Rounding } from './quant-helpers.js';

export const depthwiseConvLowering: OpLowering = {
  ops: ['DEPTHWISE_CONV_2D'],
  lower(op, ctx): LoweredOp {
    if (isHybrid(op, ctx)) return lowerDepthwiseHybrid(op, ctx);
    const t = convTensors(op, ctx);
    const { n, h, w, cin, cout, kh, kw } = convShapes(op, ctx, 'DEPTHWISE_CONV_2D');
    const g = convGeometry(op, 'DEPTHWISE_CONV_2D', h, w, kh, kw);
    const q = convQuantFields(op, t, cout, 3, Rounding.TiesAwayFromZero);
    const params = encodeParams('DepthwiseConvParams', { ...convGeometryFields(g), depth_multiplier: cout / cin, ...q.values }).i32s(q.multipliers).i32s(q.shifts).finish();
    return { kernel: `depthwise_conv_2d_${t.kind}`, params, outputShapes: [[n, g.pad.outH, g.pad.outW, cout]] };
  },
};
