// DEPTHWISE_CONV_2D → depthwise_conv_2d_{f32,u8,i8} (native/src/kernels/depthwise_conv.cc).
// Requantization as conv.ts (uint8: float-product per-tensor multiplier; int8: per channel along the
// filter's last dimension, in double). The final shift rounds half away from zero: TFLite 2.9's
// depthwise kernels use common.h's MultiplyByQuantizedMultiplier (measured, SEMANTICS.md).
import { UnsupportedError } from '../../errors.js';
import { ParamsWriter, type LoweredOp, type OpLowering } from '../types.js';
import { convRequant, convTensors } from './conv.js';
import { computePadding2D, paddingMode } from './padding.js';
import { Rounding, activationClamps, channelScales, fusedActivation, intOption, options, perTensorQuant } from './quant-helpers.js';

export const depthwiseConvLowering: OpLowering = {
  ops: ['DEPTHWISE_CONV_2D'],
  lower(op, ctx): LoweredOp {
    const { inT, filterT, biasT, outT, kind } = convTensors(op, ctx);
    const inShape = ctx.shape(op.inputs[0]!);
    const fShape = ctx.shape(op.inputs[1]!);
    if (inShape.length !== 4 || fShape.length !== 4) throw new UnsupportedError(`DEPTHWISE_CONV_2D: input [${inShape}] and filter [${fShape}] must be 4-D`);
    const [n, h, w, cin] = inShape as [number, number, number, number];
    const [one, kh, kw, cout] = fShape as [number, number, number, number];
    if (one !== 1) throw new UnsupportedError(`DEPTHWISE_CONV_2D: filter [${fShape}] must have a leading 1`);
    // TFLite derives the multiplier from the shapes (old files store unreliable depth_multiplier values).
    if (cin <= 0 || cout % cin !== 0) throw new UnsupportedError(`DEPTHWISE_CONV_2D: ${cout} output channels is not a multiple of ${cin} input channels`);
    const depthMultiplier = cout / cin;
    const strideH = intOption(op, 'strideH', 1);
    const strideW = intOption(op, 'strideW', 1);
    const dilationH = intOption(op, 'dilationHFactor', 1);
    const dilationW = intOption(op, 'dilationWFactor', 1);
    if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1) {
      throw new UnsupportedError(`DEPTHWISE_CONV_2D: stride ${strideH}x${strideW}, dilation ${dilationH}x${dilationW}`);
    }
    const pad = computePadding2D(paddingMode('DEPTHWISE_CONV_2D', options(op)['padding']), h, w, kh, kw, strideH, strideW, dilationH, dilationW);
    if (pad.outH <= 0 || pad.outW <= 0) throw new UnsupportedError(`DEPTHWISE_CONV_2D: empty output (${pad.outH}x${pad.outW})`);
    const act = fusedActivation(op);

    const pw = new ParamsWriter().i32(strideH).i32(strideW).i32(dilationH).i32(dilationW).i32(pad.padTop).i32(pad.padLeft).i32(depthMultiplier);
    if (kind === 'f32') {
      const c = activationClamps(act, kind, undefined);
      pw.i32(0).i32(0).i32(0).i32(0).i32(0).f32(c.floatMin).f32(c.floatMax).i32(Rounding.TiesAwayFromZero).i32(0);
    } else {
      const inQ = perTensorQuant(op, inT, 'input');
      const outQ = perTensorQuant(op, outT, 'output');
      const fq = perTensorQuant(op, filterT, 'filter');
      const rq = convRequant(
        op,
        kind,
        inQ,
        { scales: channelScales(op, filterT, 'filter'), zeroPoint: fq.zeroPoint, quantDim: filterT.quantization!.quantizedDimension, expectedDim: 3 },
        outQ,
        biasT ? { scale: perTensorQuant(op, biasT, 'bias').scale } : undefined,
        cout,
      );
      const c = activationClamps(act, kind, outQ);
      pw.i32(rq.inputOffset).i32(rq.filterOffset).i32(rq.outputOffset).i32(c.actMin).i32(c.actMax).f32(0).f32(0);
      pw.i32(Rounding.TiesAwayFromZero).i32(rq.multipliers.length).i32s(rq.multipliers).i32s(rq.shifts);
    }
    return { kernel: `depthwise_conv_2d_${kind}`, params: pw.finish(), outputShapes: [[n, pad.outH, pad.outW, cout]] };
  },
};
