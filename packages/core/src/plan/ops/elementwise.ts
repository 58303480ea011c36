// ADD / SUB / MUL → {add,sub,mul}_{f32,u8,i8,i32} (native/src/kernels/elementwise.cc), with numpy
// broadcasting. The quantized parameters are what TFLite 2.9's add.cc / sub.cc / mul.cc Prepare
// computes, including its float-vs-double arithmetic:
// - ADD/SUB (8-bit): left_shift 20; twice_max = 2 * max(s1, s2) (float, exact); input multipliers
//   s_i / twice_max and output multiplier twice_max / (2^20 * s_out) in double, each through
//   QuantizeMultiplierSmallerThanOneExp (= QuantizeMultiplier, shift <= 0).
// - MUL (8-bit): s1 * s2 / s_out evaluated in float32 (all operands are float), then QuantizeMultiplier.
// MINIMUM / MAXIMUM → {minimum,maximum}_{f32,u8,i8,i32}: TFLite 2.9 compares the stored values (no
// requantization: its converter gives both inputs and the output one quantization), broadcasting up to 5D.
import { UnsupportedError } from '../../errors.js';
import { f32, quantizeMultiplier, type FusedActivation } from '../../quantize/numerics/quant-math.js';
import { encodeParams } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { activationClamps, fusedActivation, opName, options, perTensorQuant, requireInput } from './quant-helpers.js';

/**
 * Option the plan gives a float ADD that took over a PAD of its input's channels (plan/fuse.ts
 * `fuseChannelPadding`): the index (0 or 1) of the operand that now has fewer channels than the
 * output; the channels past its own read as the PAD's +0.0. Plan-only: never written to a file.
 */
export const CHANNEL_PADDED = 'liteqChannelPadded';

const KINDS: Record<string, 'f32' | 'u8' | 'i8' | 'i32'> = { float32: 'f32', uint8: 'u8', int8: 'i8', int32: 'i32' };
const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

/** Numpy broadcast of two static shapes (right-aligned; 1 repeats); undefined if incompatible. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | undefined {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return undefined;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** Two same-dtype operands and their numpy broadcast (at most `maxRank` dimensions). */
function binaryOperands(op: Parameters<OpLowering['lower']>[0], ctx: Parameters<OpLowering['lower']>[1], maxRank: number) {
  const name = opName(op);
  const aT = requireInput(op, ctx, 0, 'input1');
  const bT = requireInput(op, ctx, 1, 'input2');
  const outT = ctx.tensor(op.outputs[0]!);
  const kind = KINDS[aT.dtype];
  if (!kind) throw new UnsupportedError(`${name}: ${aT.dtype} tensors are not supported (float32, uint8, int8, int32 are)`);
  if (bT.dtype !== aT.dtype || outT.dtype !== aT.dtype) throw new UnsupportedError(`${name}: mixed dtypes ${aT.dtype}, ${bT.dtype} -> ${outT.dtype}`);
  const aShape = ctx.shape(op.inputs[0]!);
  const bShape = ctx.shape(op.inputs[1]!);
  const outShape = broadcastShapes(aShape, bShape);
  if (!outShape) throw new UnsupportedError(`${name}: shapes [${aShape}] and [${bShape}] do not broadcast`);
  if (outShape.length > maxRank) throw new UnsupportedError(`${name}: rank ${outShape.length} output (at most ${maxRank})`);
  return { name, aT, bT, outT, kind, aShape, bShape, outShape };
}

/** TFLite's CalculateActivationRange<int32_t>. */
function int32Clamp(act: FusedActivation): { min: number; max: number } {
  switch (act) {
    case 'RELU':
      return { min: 0, max: INT32_MAX };
    case 'RELU6':
      return { min: 0, max: 6 };
    case 'RELU_N1_TO_1':
      return { min: -1, max: 1 };
    default:
      return { min: INT32_MIN, max: INT32_MAX };
  }
}

/** add_f32_channel_padded: a float ADD whose operand `CHANNEL_PADDED` lacks the last channels (zeros). */
function lowerChannelPadded(op: Parameters<OpLowering['lower']>[0], ctx: Parameters<OpLowering['lower']>[1]): LoweredOp {
  const padded = Number(options(op)[CHANNEL_PADDED]);
  const shapes = [ctx.shape(op.inputs[0]!), ctx.shape(op.inputs[1]!)];
  const small = shapes[padded]!, full = shapes[1 - padded]!;
  const types = [requireInput(op, ctx, 0, 'input1'), requireInput(op, ctx, 1, 'input2'), ctx.tensor(op.outputs[0]!)];
  const r = full.length;
  if (opName(op) !== 'ADD' || types.some((t) => t.dtype !== 'float32') || small.length !== r || r === 0 || small.some((d, i) => (i < r - 1 ? d !== full[i] : d > full[i]!))) {
    throw new UnsupportedError(`ADD with a channel-padded operand: [${small}] does not pad into [${full}] (float32 only)`);
  }
  const { floatMin, floatMax } = activationClamps(fusedActivation(op), 'f32', undefined);
  const params = encodeParams('ElementwiseParams', { ...ZERO_PARAMS, float_activation_min: floatMin, float_activation_max: floatMax }).finish();
  return { kernel: 'add_f32_channel_padded', params, outputShapes: [[...full]] };
}

export const elementwiseLowering: OpLowering = {
  ops: ['ADD', 'SUB', 'MUL'],
  lower(op, ctx): LoweredOp {
    if (options(op)[CHANNEL_PADDED] !== undefined) return lowerChannelPadded(op, ctx);
    const { name, aT, bT, outT, kind, aShape, bShape, outShape } = binaryOperands(op, ctx, 6);
    const act = fusedActivation(op);
    // TFLite 2.9 runs a broadcast whose collapsed shapes are not a "fivefold" pattern through
    // Broadcast{Add,Sub,Mul}4DSlow, which aborts the process on 5D shapes (measured, e.g. ADD uint8
    // [2,17,8,1,8] x [2,1,1,2,1]); liteq refuses every broadcast above 4D rather than guess which
    // 5D ones the runtime would accept.
    const broadcasts = aShape.join(',') !== bShape.join(',');
    if (broadcasts && outShape.length > 4) {
      throw new UnsupportedError(`${name}: broadcasting [${aShape}] with [${bShape}] (rank ${outShape.length}; TFLite 2.9 broadcasts up to 4D)`);
    }
    let in1Offset = 0, in2Offset = 0, outOffset = 0, leftShift = 0;
    let m1 = { multiplier: 0, shift: 0 }, m2 = { multiplier: 0, shift: 0 }, mOut = { multiplier: 0, shift: 0 };
    let actMin = 0, actMax = 0, floatMin = 0, floatMax = 0;
    if (kind === 'f32') {
      ({ floatMin, floatMax } = activationClamps(act, 'f32', undefined));
    } else if (kind === 'i32') {
      ({ min: actMin, max: actMax } = int32Clamp(act));
    } else {
      const q1 = perTensorQuant(op, aT, 'input1');
      const q2 = perTensorQuant(op, bT, 'input2');
      const qo = perTensorQuant(op, outT, 'output');
      in1Offset = -q1.zeroPoint;
      in2Offset = -q2.zeroPoint;
      outOffset = qo.zeroPoint;
      ({ actMin, actMax } = activationClamps(act, kind, qo));
      if (name === 'MUL') {
        mOut = quantizeMultiplier(f32(f32(q1.scale * q2.scale) / qo.scale));
      } else {
        leftShift = 20;
        const twiceMax = f32(2 * Math.max(q1.scale, q2.scale));
        m1 = quantizeMultiplier(q1.scale / twiceMax);
        m2 = quantizeMultiplier(q2.scale / twiceMax);
        mOut = quantizeMultiplier(twiceMax / f32(2 ** leftShift * qo.scale));
        for (const [what, m] of [['input1', m1], ['input2', m2], ['output', mOut]] as const) {
          if (m.shift > 0) throw new UnsupportedError(`${name}: ${what} rescale ${m.multiplier}*2^${m.shift - 31} is not smaller than one`);
        }
      }
    }
    const params = encodeParams('ElementwiseParams', {
      input1_offset: in1Offset,
      input2_offset: in2Offset,
      output_offset: outOffset,
      left_shift: leftShift,
      input1_multiplier: m1.multiplier,
      input1_shift: m1.shift,
      input2_multiplier: m2.multiplier,
      input2_shift: m2.shift,
      output_multiplier: mOut.multiplier,
      output_shift: mOut.shift,
      activation_min: actMin,
      activation_max: actMax,
      float_activation_min: floatMin,
      float_activation_max: floatMax,
    }).finish();
    return { kernel: `${name.toLowerCase()}_${kind}`, params, outputShapes: [outShape] };
  },
};

const ZERO_PARAMS = {
  input1_offset: 0, input2_offset: 0, output_offset: 0, left_shift: 0,
  input1_multiplier: 0, input1_shift: 0, input2_multiplier: 0, input2_shift: 0,
  output_multiplier: 0, output_shift: 0, activation_min: 0, activation_max: 0,
  float_activation_min: 0, float_activation_max: 0,
};

export const minMaxLowering: OpLowering = {
  ops: ['MINIMUM', 'MAXIMUM'],
  lower(op, ctx): LoweredOp {
    const { name, kind, outShape } = binaryOperands(op, ctx, 5);
    return { kernel: `${name.toLowerCase()}_${kind}`, params: encodeParams('ElementwiseParams', ZERO_PARAMS).finish(), outputShapes: [outShape] };
  },
};
