// MEAN → mean_{f32,u8,i8} (native/src/kernels/mean.cc). TFLite 2.9's reduce.cc picks the arithmetic
// by shape and quantization; this picks the same one (see native/src/kernels/reference/mean.h):
//   4-D input, keep_dims, axis tensor exactly [1,2] or [2,1]:
//     uint8 → optimized_ops::Mean: multiplier from s_in / (n * s_out) in float,
//       bias = Z_out - round(Z_in * s_in / s_out) in float;
//     int8 → reference_integer_ops::Mean (measured: 2.9 does not run the optimized int8 mean):
//       MultiplyByQuantizedMultiplier(sum(q - Z_in), QuantizeMultiplier(s_in / s_out in double)),
//       then / n rounding half away from zero, + Z_out;
//   same scale and zero point in and out → integer sum / n (truncating);
//   otherwise → QuantizedMeanOrSum's float arithmetic.
import { UnsupportedError } from '../../errors.js';
import { f32, quantizeMultiplier } from '../../quantize/numerics/quant-math.js';
import { encodeParams, type ParamsValues } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { constInts, opName, options, perTensorQuant, quantizedKind, requireInput } from './quant-helpers.js';

const enum MeanMode {
  Float = 0,
  QuantHW = 1,
  QuantSame = 2,
  QuantFloat = 3,
  QuantHWInt8 = 4,
}

/** float → int32 as C's static_cast (truncation toward zero). */
const truncate = (x: number): number => (x < 0 ? Math.ceil(x) : Math.floor(x));

export const meanLowering: OpLowering = {
  ops: ['MEAN'],
  lower(op, ctx): LoweredOp {
    const name = opName(op);
    const inT = requireInput(op, ctx, 0, 'input');
    const axisT = requireInput(op, ctx, 1, 'axis');
    const outT = ctx.tensor(op.outputs[0]!);
    const kind = quantizedKind(op, inT.dtype);
    if (outT.dtype !== inT.dtype) throw new UnsupportedError(`${name}: input ${inT.dtype}, output ${outT.dtype}`);
    const axes = constInts(axisT);
    if (!axes || axisT.dtype !== 'int32') throw new UnsupportedError(`${name}: the axis input must be a constant int32 tensor`);
    const shape = ctx.shape(op.inputs[0]!);
    const rank = shape.length;
    if (rank > 6) throw new UnsupportedError(`${name}: rank ${rank} input`);
    let mask = 0;
    for (const a of axes) {
      const r = a < 0 ? a + rank : a;
      if (r < 0 || r >= rank) throw new UnsupportedError(`${name}: axis ${a} out of range for rank ${rank}`);
      mask |= 1 << r;
    }
    const keepDims = options(op)['keepDims'] === true;
    const outShape = keepDims ? shape.map((d, i) => (mask >> i & 1 ? 1 : d)) : shape.filter((_, i) => !(mask >> i & 1));
    const n = shape.reduce((acc, d, i) => (mask >> i & 1 ? acc * d : acc), 1);
    if (shape.some((d) => d === 0) || n === 0) throw new UnsupportedError(`${name}: empty input [${shape}]`);

    let values: ParamsValues<'MeanParams'>;
    if (kind === 'f32') {
      values = { mode: MeanMode.Float, reduce_mask: mask };
    } else {
      const inQ = perTensorQuant(op, inT, 'input');
      const outQ = perTensorQuant(op, outT, 'output');
      // TFLite tests the raw axis values (not normalized): [-3,-2] does not take this path.
      const hw = keepDims && rank === 4 && axes.length === 2 && ((axes[0] === 1 && axes[1] === 2) || (axes[0] === 2 && axes[1] === 1));
      if (hw && kind === 'i8') {
        const { multiplier, shift } = quantizeMultiplier(inQ.scale / outQ.scale);
        values = { mode: MeanMode.QuantHWInt8, reduce_mask: mask, multiplier, shift, input_zero_point: inQ.zeroPoint, output_zero_point: outQ.zeroPoint };
      } else if (hw) {
        const count = f32(shape[1]! * shape[2]!);
        const realScale = f32(inQ.scale / f32(count * outQ.scale));
        const { multiplier, shift } = quantizeMultiplier(realScale);
        let temp = f32(f32(inQ.zeroPoint * inQ.scale) / outQ.scale);
        temp = temp > 0 ? f32(temp + 0.5) : f32(temp - 0.5);
        const bias = outQ.zeroPoint - truncate(temp);
        values = { mode: MeanMode.QuantHW, reduce_mask: mask, multiplier, shift, bias };
      } else if (inQ.scale === outQ.scale && inQ.zeroPoint === outQ.zeroPoint) {
        values = { mode: MeanMode.QuantSame, reduce_mask: mask };
      } else {
        const scale = f32(inQ.scale / outQ.scale);
        const bias = f32(-inQ.zeroPoint * scale);
        values = { mode: MeanMode.QuantFloat, reduce_mask: mask, scale, float_bias: bias, output_zero_point: outQ.zeroPoint };
      }
    }
    return { kernel: `mean_${kind}`, params: encodeParams('MeanParams', values).finish(), outputShapes: [outShape] };
  },
};
