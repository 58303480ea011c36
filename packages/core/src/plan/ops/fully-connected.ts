// FULLY_CONNECTED → fully_connected_{f32,u8,i8} (native/src/kernels/fully_connected.cc).
// TFLite 2.9's fully_connected.cc Prepare: one multiplier from GetQuantizedConvolutionMultipler
// (s_in * s_w in float, / s_out in double) for uint8 and int8 alike; int8 weights must be symmetric.
// keep_num_dims keeps the input's leading dimensions, else the output is [numel / depth, units].
// The GEMM's output stage rounds the final shift half up, like CONV_2D (measured). Float input with
// int8 weights is the hybrid kernel (hybrid.ts).
import { UnsupportedError } from '../../errors.js';
import { f32, quantizeMultiplier } from '../../quantize/numerics/quant-math.js';
import { encodeParams, type ParamsValues } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { isHybrid, lowerFullyConnectedHybrid } from './hybrid.js';
import { Rounding, activationClamps, channelScales, fusedActivation, input, options, perTensorQuant, quantizedKind, requireInput } from './quant-helpers.js';

export const fullyConnectedLowering: OpLowering = {
  ops: ['FULLY_CONNECTED'],
  lower(op, ctx): LoweredOp {
    const inT = requireInput(op, ctx, 0, 'input');
    const wT = requireInput(op, ctx, 1, 'weights');
    const biasT = input(op, ctx, 2);
    const outT = ctx.tensor(op.outputs[0]!);
    const hybrid = isHybrid(op, ctx);
    const kind = quantizedKind(op, inT.dtype);
    if (!hybrid && wT.dtype !== inT.dtype || outT.dtype !== inT.dtype) {
      throw new UnsupportedError(`FULLY_CONNECTED: input ${inT.dtype}, weights ${wT.dtype}, output ${outT.dtype} (hybrid and mixed types are not supported)`);
    }
    if (!hybrid && biasT && biasT.dtype !== (kind === 'f32' ? 'float32' : 'int32')) throw new UnsupportedError(`FULLY_CONNECTED: ${biasT.dtype} bias with ${inT.dtype} input`);
    const opts = options(op);
    const format = opts['weightsFormat'] ?? 'DEFAULT';
    if (format !== 'DEFAULT' && format !== 0) throw new UnsupportedError(`FULLY_CONNECTED: weights format ${String(format)}`);
    if (op.outputs.length !== 1) throw new UnsupportedError('FULLY_CONNECTED: more than one output (shuffled workspace)');

    const inShape = ctx.shape(op.inputs[0]!);
    const wShape = ctx.shape(op.inputs[1]!);
    if (wShape.length !== 2) throw new UnsupportedError(`FULLY_CONNECTED: weights [${wShape}] must be 2-D`);
    const [units, depth] = wShape as [number, number];
    const numel = inShape.reduce((a, b) => a * b, 1);
    if (depth <= 0 || numel % depth !== 0) throw new UnsupportedError(`FULLY_CONNECTED: input [${inShape}] is not a multiple of depth ${depth}`);
    const keepNumDims = opts['keepNumDims'] === true;
    let outShape: number[];
    if (keepNumDims) {
      if (inShape[inShape.length - 1] !== depth) throw new UnsupportedError(`FULLY_CONNECTED: keep_num_dims with input [${inShape}] and depth ${depth}`);
      outShape = [...inShape.slice(0, -1), units];
    } else {
      outShape = [numel / depth, units];
    }
    if (hybrid) return lowerFullyConnectedHybrid(op, ctx, outShape);
    const act = fusedActivation(op);

    let values: ParamsValues<'FullyConnectedParams'>;
    if (kind === 'f32') {
      const c = activationClamps(act, kind, undefined);
      values = { float_act_min: c.floatMin, float_act_max: c.floatMax, rounding: Rounding.TiesAwayFromZero };
    } else {
      const inQ = perTensorQuant(op, inT, 'input');
      const outQ = perTensorQuant(op, outT, 'output');
      const wQ = perTensorQuant(op, wT, 'weights');
      if (channelScales(op, wT, 'weights').length !== 1) throw new UnsupportedError('FULLY_CONNECTED: per-channel weights (TFLite 2.9 has per-tensor only)');
      if (kind === 'i8' && wQ.zeroPoint !== 0) throw new UnsupportedError(`FULLY_CONNECTED: int8 weights with zero point ${wQ.zeroPoint} (TFLite requires 0)`);
      const inputProductScale = f32(inQ.scale * wQ.scale);
      if (biasT) {
        const biasScale = perTensorQuant(op, biasT, 'bias').scale;
        if (!(Math.abs(inputProductScale - biasScale) <= 1e-6 * Math.min(inputProductScale, biasScale))) {
          throw new UnsupportedError(`FULLY_CONNECTED: bias scale ${biasScale} is not input scale * weight scale (${inputProductScale}); TFLite rejects this model`);
        }
      }
      const { multiplier, shift } = quantizeMultiplier(inputProductScale / outQ.scale);
      const c = activationClamps(act, kind, outQ);
      values = {
        input_offset: -inQ.zeroPoint,
        filter_offset: -wQ.zeroPoint,
        output_offset: outQ.zeroPoint,
        multiplier,
        shift,
        act_min: c.actMin,
        act_max: c.actMax,
        rounding: Rounding.TiesUp,
      };
    }
    return { kernel: `fully_connected_${kind}`, params: encodeParams('FullyConnectedParams', values).finish(), outputShapes: [outShape] };
  },
};
