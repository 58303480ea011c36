// CONV_2D → conv_2d_{f32,u8,i8} (native/src/kernels/conv.cc). Computes what TFLite 2.9's conv.cc
// Prepare computes: SAME/VALID padding, the fused-activation clamp, and the requantization:
//   uint8 (legacy per-tensor): GetQuantizedConvolutionMultipler multiplies s_in * s_w in FLOAT,
//     then divides by s_out in double; one multiplier for every channel.
//   int8: PopulateConvolutionQuantizationParams, per channel in DOUBLE: s_in * s_w[c] / s_out
//     (a single weight scale is used for every channel).
// The final shift rounds half up (gemmlowp/ruy output stage), measured against the runtime. Float input
// with int8 weights is the hybrid kernel (hybrid.ts).
import { UnsupportedError } from '../../errors.js';
import { f32, quantizeMultiplier } from '../../quantize/numerics/quant-math.js';
import { encodeParams, type ParamsValues } from '../params.js';
import type { LowerContext, LoweredOp, OpLowering, Operator } from '../types.js';
import { elementwiseLowering } from './elementwise.js';
import { isHybrid, lowerConvHybrid } from './hybrid.js';
import { convGeometry, convGeometryFields, convShapes } from './padding.js';
import {
  Rounding,
  activationClamps,
  channelScales,
  fusedActivation,
  input,
  intOption,
  opName,
  options,
  perTensorQuant,
  quantizedKind,
  requireInput,
  type TensorQuant,
} from './quant-helpers.js';

/** Multipliers and shifts (TFLite's convention: shift > 0 is a left shift) for a conv-like op. */
export interface ConvRequant {
  multipliers: number[];
  shifts: number[];
  inputOffset: number;
  filterOffset: number;
  outputOffset: number;
}

/**
 * The requantization of a conv-like op (CONV_2D, DEPTHWISE_CONV_2D): uint8 per tensor through the
 * legacy float-product multiplier, int8 per channel in double. `channels` is the output depth and
 * `quantDim` the filter dimension its scales run along.
 */
export function convRequant(
  op: Operator,
  kind: 'u8' | 'i8',
  inQ: TensorQuant,
  filter: { scales: number[]; zeroPoint: number; quantDim: number; expectedDim: number },
  outQ: TensorQuant,
  bias: { scale: number } | undefined,
  channels: number,
): ConvRequant {
  const name = opName(op);
  if (kind === 'u8') {
    if (filter.scales.length !== 1) throw new UnsupportedError(`${name}: uint8 with per-channel weights (TFLite allows per-channel for int8 only)`);
    // GetQuantizedConvolutionMultipler: `input->params.scale * filter->params.scale` is a float product.
    const inputProductScale = f32(inQ.scale * filter.scales[0]!);
    if (bias) {
      const biasScale = f32(bias.scale);
      if (!(Math.abs(inputProductScale - biasScale) <= 1e-6 * Math.min(inputProductScale, biasScale))) {
        throw new UnsupportedError(`${name}: bias scale ${biasScale} is not input scale * weight scale (${inputProductScale}); TFLite rejects this model`);
      }
    }
    const { multiplier, shift } = quantizeMultiplier(inputProductScale / outQ.scale);
    return { multipliers: [multiplier], shifts: [shift], inputOffset: -inQ.zeroPoint, filterOffset: -filter.zeroPoint, outputOffset: outQ.zeroPoint };
  }
  if (filter.scales.length !== 1 && filter.scales.length !== channels) {
    throw new UnsupportedError(`${name}: ${filter.scales.length} weight scales for ${channels} output channels`);
  }
  if (filter.scales.length > 1 && filter.quantDim !== filter.expectedDim) {
    throw new UnsupportedError(`${name}: weights quantized along dimension ${filter.quantDim}, TFLite expects ${filter.expectedDim}`);
  }
  const multipliers: number[] = [];
  const shifts: number[] = [];
  for (const s of filter.scales) {
    const { multiplier, shift } = quantizeMultiplier((inQ.scale * s) / outQ.scale);
    multipliers.push(multiplier);
    shifts.push(shift);
  }
  // The int8 kernels have no weight offset: TFLite's int8 weights are symmetric (a nonzero zero point
  // in the file is ignored by the runtime, and so here).
  return { multipliers, shifts, inputOffset: -inQ.zeroPoint, filterOffset: 0, outputOffset: outQ.zeroPoint };
}

/** Reads input/filter/bias/output of a conv-like op and checks the dtypes agree. */
export function convTensors(op: Operator, ctx: LowerContext) {
  const inT = requireInput(op, ctx, 0, 'input');
  const filterT = requireInput(op, ctx, 1, 'filter');
  const biasT = input(op, ctx, 2);
  const outT = ctx.tensor(op.outputs[0]!);
  const name = opName(op);
  const kind = quantizedKind(op, inT.dtype);
  if (filterT.dtype !== inT.dtype || outT.dtype !== inT.dtype) {
    throw new UnsupportedError(`${name}: input ${inT.dtype}, filter ${filterT.dtype}, output ${outT.dtype} (hybrid and mixed types are not supported)`);
  }
  if (biasT && biasT.dtype !== (kind === 'f32' ? 'float32' : 'int32')) throw new UnsupportedError(`${name}: ${biasT.dtype} bias with ${inT.dtype} input`);
  return { inT, filterT, biasT, outT, kind };
}

/** The quantization fields every conv-like params block shares, and the per-channel arrays of its tail. */
export interface ConvQuantFields {
  values: ParamsValues<'ConvParams'> & ParamsValues<'DepthwiseConvParams'>;
  multipliers: number[];
  shifts: number[];
}

/**
 * What every conv-like kernel's params share after its geometry: offsets, clamps, float clamps,
 * rounding, the channel count, then the per-channel multipliers and shifts. `quantDim` is the filter
 * dimension int8 scales run along; `rounding` is the final shift's (see the file comments).
 */
export function convQuantFields(op: Operator, t: ReturnType<typeof convTensors>, cout: number, quantDim: number, rounding: Rounding): ConvQuantFields {
  const act = fusedActivation(op);
  if (t.kind === 'f32') {
    const c = activationClamps(act, t.kind, undefined);
    return { values: { float_act_min: c.floatMin, float_act_max: c.floatMax, rounding: Rounding.TiesAwayFromZero }, multipliers: [], shifts: [] };
  }
  const inQ = perTensorQuant(op, t.inT, 'input');
  const outQ = perTensorQuant(op, t.outT, 'output');
  const fq = perTensorQuant(op, t.filterT, 'filter');
  const rq = convRequant(
    op,
    t.kind,
    inQ,
    { scales: channelScales(op, t.filterT, 'filter'), zeroPoint: fq.zeroPoint, quantDim: t.filterT.quantization!.quantizedDimension, expectedDim: quantDim },
    outQ,
    t.biasT ? { scale: perTensorQuant(op, t.biasT, 'bias').scale } : undefined,
    cout,
  );
  const c = activationClamps(act, t.kind, outQ);
  return {
    values: {
      input_offset: rq.inputOffset,
      filter_offset: rq.filterOffset,
      output_offset: rq.outputOffset,
      act_min: c.actMin,
      act_max: c.actMax,
      rounding,
      num_channels: rq.multipliers.length,
    },
    multipliers: rq.multipliers,
    shifts: rq.shifts,
  };
}

/**
 * Option the plan gives a quantized CONV_2D that took over the same-shape ADD reading its result
 * (plan/fuse.ts `fuseConvAdd`): the conv's own output tensor (`intermediate`, whose quantization its
 * output stage uses), the ADD op, and `side`, the conv result's operand index in it. The conv's inputs
 * are then [input, filter, bias or -1, the ADD's other operand] and its output is the ADD's.
 * Plan-only: never written to a file.
 */
/** `short` is the 4-D shape `full` with at most as many channels (a channel-padded ADD's other operand). */
export const shortInChannels = (short: readonly number[], full: readonly number[]): boolean =>
  full.length === 4 && short.length === 4 && short.every((d, i) => (i < 3 ? d === full[i] : d > 0 && d <= full[i]!));

export const FUSED_ADD = 'liteqFusedAdd';
export interface FusedAdd {
  intermediate: number;
  add: Operator;
  side: 0 | 1;
}

function lowerConv(op: Operator, ctx: LowerContext): LoweredOp {
  const t = convTensors(op, ctx);
  const { n, h, w, cout, kh, kw } = convShapes(op, ctx, 'CONV_2D');
  const g = convGeometry(op, 'CONV_2D', h, w, kh, kw);
  const q = convQuantFields(op, t, cout, 0, Rounding.TiesUp);
  const params = encodeParams('ConvParams', { ...convGeometryFields(g), ...q.values }).i32s(q.multipliers).i32s(q.shifts).finish();
  return { kernel: `conv_2d_${t.kind}`, params, outputShapes: [[n, g.pad.outH, g.pad.outW, cout]] };
}

/**
 * conv_2d_{u8,i8,f32}_add: the conv's params, then the ADD's (as add_{u8,i8,f32} or, float,
 * add_f32_channel_padded lowers them) and `side`.
 */
function lowerConvAdd(op: Operator, ctx: LowerContext, fused: FusedAdd): LoweredOp {
  const conv = lowerConv({ ...op, inputs: op.inputs.slice(0, 3), outputs: [fused.intermediate] }, ctx);
  const shape = conv.outputShapes[0]!;
  const add = elementwiseLowering.lower(fused.add, { ...ctx, shape: (i) => (i === fused.intermediate ? shape : ctx.shape(i)) });
  const kind = conv.kernel.slice('conv_2d_'.length);
  const other = ctx.shape(op.inputs[3]!);
  const padded = kind === 'f32' && add.kernel === 'add_f32_channel_padded' && shortInChannels(other, shape);
  if ((add.kernel !== `add_${kind}` && !padded) || add.outputShapes[0]!.join(',') !== shape.join(',') || (!padded && other.join(',') !== shape.join(','))) {
    throw new UnsupportedError(`CONV_2D with a fused ADD: ${add.kernel} of [${other}] onto a ${kind} conv of [${shape}] (a same-shape ADD, or a float channel-padded one)`);
  }
  const params = new Uint8Array(conv.params.byteLength + add.params.byteLength + 4);
  params.set(conv.params, 0);
  params.set(add.params, conv.params.byteLength);
  new DataView(params.buffer).setInt32(conv.params.byteLength + add.params.byteLength, fused.side, true);
  return { kernel: `${conv.kernel}_add`, params, outputShapes: [shape] };
}

export const convLowering: OpLowering = {
  ops: ['CONV_2D'],
  lower(op, ctx): LoweredOp {
    const fused = options(op)[FUSED_ADD] as FusedAdd | undefined;
    if (isHybrid(op, ctx)) {
      if (fused) throw new UnsupportedError('CONV_2D: a hybrid conv cannot take an ADD over (the plan fuses same-type convs only)');
      return lowerConvHybrid(op, ctx);
    }
    return fused ? lowerConvAdd(op, ctx, fused) : lowerConv(op, ctx);
  },
};
