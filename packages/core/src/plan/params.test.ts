import { describe, expect, it } from 'vitest';
import { TensorType } from '../formats/tflite/generated/tflite/tensor-type.js';
import { TENSOR_TYPE_CODE, dtypeOfCode, type DType } from '../ir/types.js';
import { encodeParams, PARAMS, paramsLayout } from './params.js';

const ints = (b: Uint8Array) => Array.from(new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4));

describe('params declarations', () => {
  it('encodes fields in declaration order, 4 bytes each, absent fields as 0', () => {
    const b = encodeParams('PoolParams', { stride_w: 2, filter_h: 3, act_max: 255 }).finish();
    expect(b.byteLength).toBe(PARAMS.PoolParams.fields.length * 4);
    expect(ints(b)).toEqual([0, 2, 3, 0, 0, 0, 0, 255, 0, 0]);
  });

  it('writes f32 fields as float bits and bits32 fields either way', () => {
    const f = new Float32Array(encodeParams('DequantizeParams', { zero_point: -3, scale: 0.5 }).finish().buffer);
    expect(f[1]).toBe(0.5);
    const asFloat = encodeParams('PadParams', { rank: 1, pad_value: { f32: -0.5 } }).finish();
    expect(new Float32Array(asFloat.buffer)[13]).toBe(-0.5);
    expect(ints(encodeParams('PadParams', { rank: 1, pad_value: 128 }).finish())[13]).toBe(128);
  });

  it('writes fixed-size arrays in place and refuses a wrong length or a non-int32', () => {
    const b = encodeParams('PadParams', { rank: 2, before: [1, 2, 0, 0, 0, 0], after: [3, 4, 0, 0, 0, 0] }).finish();
    expect(ints(b).slice(0, 13)).toEqual([2, 1, 2, 0, 0, 0, 0, 3, 4, 0, 0, 0, 0]);
    expect(() => encodeParams('PadParams', { before: [1, 2] })).toThrow(/PadParams\.before: 2 values for i32\[6\]/);
    expect(() => encodeParams('ConvParams', { stride_h: 1.5 })).toThrow(RangeError);
    expect(() => encodeParams('ConvParams', { act_max: 2 ** 31 })).toThrow(RangeError);
  });

  it('refuses ranged fields outside their range (the C++ core refuses them too, DeclaredRanges)', () => {
    expect(ints(encodeParams('ElementwiseParams', { left_shift: 20, output_shift: -31, input1_shift: 31 }).finish()).slice(3, 10)).toEqual([20, 0, 31, 0, 0, 0, -31]);
    expect(() => encodeParams('ElementwiseParams', { left_shift: 31 })).toThrow(/ElementwiseParams\.left_shift: 31 outside \[0, 30\]/);
    expect(() => encodeParams('ElementwiseParams', { left_shift: -1 })).toThrow(RangeError);
    expect(() => encodeParams('FullyConnectedParams', { shift: -32 })).toThrow(/FullyConnectedParams\.shift: -32 outside \[-31, 31\]/);
    expect(() => encodeParams('QuantizeParams', { output_shift: 32 })).toThrow(RangeError);
  });

  it('lays every block out as its C++ struct must be (offsets, sizes)', () => {
    const l = paramsLayout();
    expect(l['ConvParams']!.size).toBe(60);
    expect(l['DepthwiseConvParams']!.size).toBe(64);
    expect(l['PadParams']!.fields.map((f) => [f.name, f.offset, f.size])).toEqual([
      ['rank', 0, 4],
      ['before', 4, 24],
      ['after', 28, 24],
      ['pad_value', 52, 4],
    ]);
    for (const b of Object.values(l)) expect(b.size).toBe(b.fields.reduce((s, f) => s + f.size, 0));
  });
});

describe('TENSOR_TYPE_CODE', () => {
  it('is the schema enum TensorType for every IR dtype, both ways', () => {
    for (const [dtype, code] of Object.entries(TENSOR_TYPE_CODE)) {
      expect(TensorType[dtype.toUpperCase() as keyof typeof TensorType]).toBe(code);
      expect(dtypeOfCode(code)).toBe(dtype as DType);
    }
    expect(dtypeOfCode(TensorType.BFLOAT16)).toBeUndefined();
  });
});
