// QUANTIZE → quantize_f32_{u8,i8} (float input) or quantize_{u8,i8}_{u8,i8} (requantization), and
// DEQUANTIZE → dequantize_{u8,i8,f16} (native/src/kernels/quantize.cc). As TFLite 2.9's quantize.cc:
// a requantization multiplies by double(s_in) / double(s_out) through QuantizeMultiplier; a float
// input is divided by the output scale in float32 and rounded half away from zero. DEQUANTIZE may
// receive constant inputs (fp16 weights); the kernel still runs at run time.
import { UnsupportedError } from '../../errors.js';
import { quantizeMultiplier } from '../../quantize/numerics/quant-math.js';
import { encodeParams } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { opName, perTensorQuant, requireInput } from './quant-helpers.js';
import type { Operator, Tensor } from '../../ir/types.js';

const Q_KINDS: Record<string, 'u8' | 'i8'> = { uint8: 'u8', int8: 'i8' };

function perTensorOnly(op: Operator, t: Tensor, what: string) {
  if ((t.quantization?.scale.length ?? 0) > 1) throw new UnsupportedError(`${opName(op)}: per-channel ${what} ${t.name} is not supported`);
  return perTensorQuant(op, t, what);
}

export const quantizeLowering: OpLowering = {
  ops: ['QUANTIZE', 'DEQUANTIZE'],
  lower(op, ctx): LoweredOp {
    const name = opName(op);
    const inT = requireInput(op, ctx, 0, 'input');
    const outT = ctx.tensor(op.outputs[0]!);
    const shape = ctx.shape(op.inputs[0]!);
    if (name === 'DEQUANTIZE') {
      if (outT.dtype !== 'float32') throw new UnsupportedError(`DEQUANTIZE: output ${outT.dtype} (float32 is supported)`);
      if (inT.dtype === 'float16') return { kernel: 'dequantize_f16', params: encodeParams('DequantizeParams', {}).finish(), outputShapes: [shape] };
      const k = Q_KINDS[inT.dtype];
      if (!k) throw new UnsupportedError(`DEQUANTIZE: ${inT.dtype} input (uint8, int8, float16 are supported)`);
      const q = perTensorOnly(op, inT, 'input');
      return { kernel: `dequantize_${k}`, params: encodeParams('DequantizeParams', { zero_point: q.zeroPoint, scale: q.scale }).finish(), outputShapes: [shape] };
    }
    const outKind = Q_KINDS[outT.dtype];
    if (!outKind) throw new UnsupportedError(`QUANTIZE: ${outT.dtype} output (uint8, int8 are supported)`);
    const qOut = perTensorOnly(op, outT, 'output');
    if (inT.dtype === 'float32') {
      const params = encodeParams('QuantizeParams', { output_zero_point: qOut.zeroPoint, output_scale: qOut.scale }).finish();
      return { kernel: `quantize_f32_${outKind}`, params, outputShapes: [shape] };
    }
    const inKind = Q_KINDS[inT.dtype];
    if (!inKind) throw new UnsupportedError(`QUANTIZE: ${inT.dtype} input (float32, uint8, int8 are supported)`);
    const qIn = perTensorOnly(op, inT, 'input');
    const m = quantizeMultiplier(qIn.scale / qOut.scale);
    const params = encodeParams('QuantizeParams', {
      input_zero_point: qIn.zeroPoint,
      output_zero_point: qOut.zeroPoint,
      output_multiplier: m.multiplier,
      output_shift: m.shift,
      output_scale: qOut.scale,
    }).finish();
    return { kernel: `quantize_${inKind}_${outKind}`, params, outputShapes: [shape] };
  },
};
