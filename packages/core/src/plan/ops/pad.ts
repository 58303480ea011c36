// PAD / PADV2 → pad_{f32,u8,i8,i32} (native/src/kernels/pad.cc). Paddings must be a constant
// [rank, 2] tensor. The pad value: PADV2's constant_values (raw, as stored), else the output's zero
// point for quantized tensors and 0 otherwise. TFLite copies the input's integers unchanged.
import { UnsupportedError } from '../../errors.js';
import { encodeParams } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { constInts, input, opName, requireInput } from './quant-helpers.js';

const KINDS: Record<string, string> = { float32: 'f32', uint8: 'u8', int8: 'i8', int32: 'i32' };

export const padLowering: OpLowering = {
  ops: ['PAD', 'PADV2'],
  lower(op, ctx): LoweredOp {
    const name = opName(op);
    const inT = requireInput(op, ctx, 0, 'input');
    const padsT = requireInput(op, ctx, 1, 'paddings');
    const valueT = name === 'PADV2' ? input(op, ctx, 2) : undefined;
    const outT = ctx.tensor(op.outputs[0]!);
    const kind = KINDS[inT.dtype];
    if (!kind) throw new UnsupportedError(`${name}: ${inT.dtype} tensors are not supported`);
    if (outT.dtype !== inT.dtype) throw new UnsupportedError(`${name}: input ${inT.dtype}, output ${outT.dtype}`);
    const shape = ctx.shape(op.inputs[0]!);
    const rank = shape.length;
    if (rank > 6) throw new UnsupportedError(`${name}: rank ${rank} input`);
    const pads = constInts(padsT);
    if (!pads) throw new UnsupportedError(`${name}: paddings must be a constant int32/int64 tensor`);
    if (pads.length !== rank * 2) throw new UnsupportedError(`${name}: ${pads.length / 2} padding pairs for a rank-${rank} input`);
    if (pads.some((p) => p < 0)) throw new UnsupportedError(`${name}: negative paddings [${pads}]`);

    let value = 0;
    const valueIsFloatBits = kind === 'f32';
    if (valueT) {
      if (valueT.dtype !== inT.dtype || !valueT.data) throw new UnsupportedError(`${name}: constant_values must be a constant ${inT.dtype} scalar`);
      const v = new DataView(valueT.data.buffer, valueT.data.byteOffset, valueT.data.byteLength);
      value = kind === 'f32' ? v.getFloat32(0, true) : kind === 'u8' ? v.getUint8(0) : kind === 'i8' ? v.getInt8(0) : v.getInt32(0, true);
    } else if (kind === 'u8' || kind === 'i8') {
      const zp = outT.quantization?.zeroPoint[0];
      value = zp === undefined ? 0 : Number(zp);
    }

    const pw = encodeParams('PadParams', {
      rank,
      before: Array.from({ length: 6 }, (_, i) => (i < rank ? pads[2 * i]! : 0)),
      after: Array.from({ length: 6 }, (_, i) => (i < rank ? pads[2 * i + 1]! : 0)),
      pad_value: valueIsFloatBits ? { f32: value } : value,
    });
    const outShape = shape.map((d, i) => d + pads[2 * i]! + pads[2 * i + 1]!);
    return { kernel: `pad_${kind}`, params: pw.finish(), outputShapes: [outShape] };
  },
};
