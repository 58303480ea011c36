// LOGISTIC, TANH, SOFTMAX, RELU, RELU6, RELU_N1_TO_1, LEAKY_RELU, HARD_SWISH →
// native/src/kernels/activations.cc. Parameters as TFLite 2.9's activations.cc Prepare computes them:
// - LOGISTIC/TANH (8-bit): the kernel builds TFLite's float lookup table from the tensors' params;
//   LOGISTIC requires output scale 1/256 as TFLite does.
// - SOFTMAX (8-bit): beta, input scale and output params for TFLite's float lookup-table softmax.
// - RELU family: multiplier for s_in / s_out (a float32 division, then QuantizeMultiplier) and the
//   activation's quantized clamp (CalculateActivationRangeQuantized-style, roundf(f / s) + Z).
// - LEAKY_RELU: s_in * alpha / s_out and s_in / s_out, both in float32.
// - HARD_SWISH: the 16-bit fixed-point multipliers of HardSwishPrepare.
import { UnsupportedError } from '../../errors.js';
import { activationRangeQuantized, f32, quantizeMultiplier, type FusedActivation } from '../../quantize/numerics/quant-math.js';
import { encodeParams, type ParamsValues } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import type { ParamsWriter } from '../writer.js';
import { opName, options, perTensorQuant, quantizedKind, requireInput } from './quant-helpers.js';

const INT32_MAX = 0x7fffffff;

/** TFLite's DownScaleInt32ToInt16Multiplier: a Q31 multiplier rounded to Q15. */
export function downScaleInt32ToInt16Multiplier(m: number): number {
  const kRoundingOffset = 1 << 15;
  if (m >= INT32_MAX - kRoundingOffset) return 32767;
  return (m + kRoundingOffset) >> 16;
}

/** HardSwishPrepare's parameters, in the HardSwishSpec field order. */
export function hardSwishParams(inScale: number, inZero: number, outScale: number, outZero: number): ParamsValues<'HardSwishParams'> {
  const hiresInputScale = f32(f32(1 / 128) * f32(inScale));
  const reluishScale = f32(3 / 32768);
  const outMul = quantizeMultiplier(f32(hiresInputScale / f32(outScale)));
  const reluMul = quantizeMultiplier(f32(hiresInputScale / reluishScale));
  if (outMul.shift > 0) throw new UnsupportedError(`HARD_SWISH: output scale ${outScale} is too small for input scale ${inScale} (TFLite requires a non-positive output exponent)`);
  return {
    input_zero_point: inZero,
    output_zero_point: outZero,
    reluish_multiplier_fixedpoint_int16: downScaleInt32ToInt16Multiplier(reluMul.multiplier),
    reluish_multiplier_exponent: reluMul.shift,
    output_multiplier_fixedpoint_int16: downScaleInt32ToInt16Multiplier(outMul.multiplier),
    output_multiplier_exponent: outMul.shift,
  };
}

const RELU_ACT: Record<string, FusedActivation> = { RELU: 'RELU', RELU6: 'RELU6', RELU_N1_TO_1: 'RELU_N1_TO_1' };
const RELU_FLOAT: Record<string, [number, number]> = { RELU: [0, Infinity], RELU6: [0, 6], RELU_N1_TO_1: [-1, 1] };

export const activationsLowering: OpLowering = {
  ops: ['LOGISTIC', 'TANH', 'SOFTMAX', 'RELU', 'RELU6', 'RELU_N1_TO_1', 'LEAKY_RELU', 'HARD_SWISH'],
  lower(op, ctx): LoweredOp {
    const name = opName(op);
    const inT = requireInput(op, ctx, 0, 'input');
    const outT = ctx.tensor(op.outputs[0]!);
    const kind = quantizedKind(op, inT.dtype);
    if (outT.dtype !== inT.dtype) throw new UnsupportedError(`${name}: input ${inT.dtype}, output ${outT.dtype} (only equal types are supported)`);
    const shape = ctx.shape(op.inputs[0]!);
    const qIn = kind === 'f32' ? { scale: 0, zeroPoint: 0 } : perTensorQuant(op, inT, 'input');
    const qOut = kind === 'f32' ? { scale: 0, zeroPoint: 0 } : perTensorQuant(op, outT, 'output');
    let pw: ParamsWriter;
    let kernel: string;
    switch (name) {
      case 'LOGISTIC':
      case 'TANH':
        if (name === 'LOGISTIC' && kind !== 'f32' && qOut.scale !== f32(1 / 256)) {
          throw new UnsupportedError(`LOGISTIC: ${inT.dtype} output scale must be 1/256, got ${qOut.scale}`);
        }
        pw = encodeParams('LutParams', { input_scale: qIn.scale, input_zero_point: qIn.zeroPoint, output_scale: qOut.scale, output_zero_point: qOut.zeroPoint });
        kernel = `${name.toLowerCase()}_${kind}`;
        break;
      case 'SOFTMAX': {
        if (shape.length < 1) throw new UnsupportedError('SOFTMAX: a scalar input');
        const beta = options(op)['beta'];
        pw = encodeParams('SoftmaxParams', { beta: typeof beta === 'number' ? beta : 1, input_scale: qIn.scale, output_scale: qOut.scale, output_zero_point: qOut.zeroPoint });
        kernel = `softmax_${kind}`;
        break;
      }
      case 'RELU':
      case 'RELU6':
      case 'RELU_N1_TO_1': {
        const [fmin, fmax] = RELU_FLOAT[name]!;
        if (kind === 'f32') {
          pw = encodeParams('ReluParams', { float_activation_min: fmin, float_activation_max: fmax });
        } else {
          const m = quantizeMultiplier(f32(qIn.scale / qOut.scale));
          const r = activationRangeQuantized(RELU_ACT[name]!, kind === 'u8' ? 'uint8' : 'int8', qOut.scale, qOut.zeroPoint);
          pw = encodeParams('ReluParams', {
            input_zero_point: qIn.zeroPoint,
            output_zero_point: qOut.zeroPoint,
            output_multiplier: m.multiplier,
            output_shift: m.shift,
            activation_min: r.min,
            activation_max: r.max,
          });
        }
        kernel = `relu_${kind}`;
        break;
      }
      case 'LEAKY_RELU': {
        const a = options(op)['alpha'];
        const alpha = f32(typeof a === 'number' ? a : 0.2);
        if (kind === 'f32') {
          pw = encodeParams('LeakyReluParams', { alpha });
        } else {
          const id = quantizeMultiplier(f32(qIn.scale / qOut.scale));
          const al = quantizeMultiplier(f32(f32(qIn.scale * alpha) / qOut.scale));
          pw = encodeParams('LeakyReluParams', {
            input_zero_point: qIn.zeroPoint,
            output_zero_point: qOut.zeroPoint,
            identity_multiplier: id.multiplier,
            identity_shift: id.shift,
            alpha_multiplier: al.multiplier,
            alpha_shift: al.shift,
            alpha,
          });
        }
        kernel = `leaky_relu_${kind}`;
        break;
      }
      case 'HARD_SWISH':
        pw = encodeParams('HardSwishParams', kind === 'f32' ? {} : hardSwishParams(qIn.scale, qIn.zeroPoint, qOut.scale, qOut.zeroPoint));
        kernel = `hard_swish_${kind}`;
        break;
      default:
        throw new UnsupportedError(`${name}: not an activation`);
    }
    return { kernel, params: pw.finish(), outputShapes: [shape] };
  },
};
