// CONCATENATION → concatenation_{f32,u8,i8,i32} (native/src/kernels/concatenation.cc). Any axis,
// negative counted from the end. uint8 inputs keep their own (scale, zero point): the kernel copies
// those equal to the output's and requantizes the others as TFLite's ConcatenationWithScaling does.
// int8 inputs must share the output's params (TFLite's Prepare rejects anything else). TFLite 2.9 does
// not support a fused activation here.
import { UnsupportedError } from '../../errors.js';
import { encodeParams } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { fusedActivation, intOption, opName, perTensorQuant, requireInput } from './quant-helpers.js';

const KINDS: Record<string, 'f32' | 'u8' | 'i8' | 'i32'> = { float32: 'f32', uint8: 'u8', int8: 'i8', int32: 'i32' };

export const concatenationLowering: OpLowering = {
  ops: ['CONCATENATION'],
  lower(op, ctx): LoweredOp {
    const name = opName(op);
    const n = op.inputs.length;
    if (n < 1) throw new UnsupportedError(`${name}: no inputs`);
    const outT = ctx.tensor(op.outputs[0]!);
    const kind = KINDS[outT.dtype];
    if (!kind) throw new UnsupportedError(`${name}: ${outT.dtype} tensors are not supported (float32, uint8, int8, int32 are)`);
    if (fusedActivation(op) !== 'NONE') throw new UnsupportedError(`${name}: a fused activation is not supported (TFLite rejects it too)`);
    const shapes = op.inputs.map((_, i) => {
      const t = requireInput(op, ctx, i, `input ${i}`);
      if (t.dtype !== outT.dtype) throw new UnsupportedError(`${name}: input ${i} is ${t.dtype}, output ${outT.dtype}`);
      return ctx.shape(op.inputs[i]!);
    });
    const rank = shapes[0]!.length;
    let axis = intOption(op, 'axis', 0);
    if (axis < 0) axis += rank;
    if (axis < 0 || axis >= rank) throw new UnsupportedError(`${name}: axis ${intOption(op, 'axis', 0)} for rank-${rank} inputs`);
    const outShape = [...shapes[0]!];
    outShape[axis] = 0;
    for (const [i, s] of shapes.entries()) {
      if (s.length !== rank || s.some((d, k) => k !== axis && d !== shapes[0]![k])) {
        throw new UnsupportedError(`${name}: input ${i} shape [${s}] does not match [${shapes[0]}] off axis ${axis}`);
      }
      outShape[axis] += s[axis]!;
    }

    const qOut = kind === 'u8' || kind === 'i8' ? perTensorQuant(op, outT, 'output') : { scale: 0, zeroPoint: 0 };
    const pw = encodeParams('ConcatParams', { axis, num_inputs: n, output_zero_point: qOut.zeroPoint, output_scale: qOut.scale });
    for (let i = 0; i < n; i++) {
      const q = kind === 'u8' || kind === 'i8' ? perTensorQuant(op, ctx.tensor(op.inputs[i]!), `input ${i}`) : { scale: 0, zeroPoint: 0 };
      if (kind === 'i8' && (q.scale !== qOut.scale || q.zeroPoint !== qOut.zeroPoint)) {
        throw new UnsupportedError(`${name}: int8 input ${i} quantization differs from the output's (TFLite requires equal params)`);
      }
      encodeParams('ConcatInputParams', { zero_point: q.zeroPoint, scale: q.scale }, pw);
    }
    return { kernel: `concatenation_${kind}`, params: pw.finish(), outputShapes: [outShape] };
  },
};
