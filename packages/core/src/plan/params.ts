// One declaration per kernel params block: field names (the C++ members'), types and order. The
// lowerings encode params through it (encodeParams), and the C++ side is checked against it at
// compile time: native/src/kernels/params_layout.generated.h (written from paramsDeclarationJson() by
// packages/native/scripts/gen-params-header.mjs) static_asserts every field's offset, size and type
// on the structs in native/src/kernels/params.h. All fields are 4 bytes, little-endian.
//
// Field types: i32 (int32_t), f32 (float), bits32 (int32_t holding a float32's bits or an integer,
// as the kernel variant reads it), i32[N] (int32_t[N]), and two ranged int32_t types the C++ core
// checks when a plan is created (the generated DeclaredRangeViolation) and encodeParams checks here:
// shift (a requantization exponent, [-31, 31]: right shift when < 0, left when > 0), lshift (a
// left shift, [0, 30]), zp (a zero point or its negation, [-65535, 65535]) and offset8 (an 8-bit
// operand's negated zero point, [-255, 255]: products and sums of offset operands stay in int32),
// rshift (an exponent that only shifts right, [-31, 0]) and shift16 (an exponent applied to int16
// values, [-31, 15]). `tail` documents what follows the struct in
// the same blob (variable-length arrays), appended by the lowering.
import { ParamsWriter } from './writer.js';

export type FieldType = 'i32' | 'f32' | 'bits32' | 'shift' | 'lshift' | 'zp' | 'offset8' | 'rshift' | 'shift16' | `i32[${number}]`;

/** The inclusive range of each ranged field type. */
export const FIELD_RANGE: Readonly<Partial<Record<FieldType, readonly [number, number]>>> = { shift: [-31, 31], lshift: [0, 30], zp: [-65535, 65535], offset8: [-255, 255], rshift: [-31, 0], shift16: [-31, 15] };

export interface ParamsDecl {
  readonly fields: readonly (readonly [name: string, type: FieldType])[];
  readonly tail?: string;
}

const decl = <F extends readonly (readonly [string, FieldType])[]>(fields: F, tail?: string) => ({ fields, ...(tail ? { tail } : {}) }) as { readonly fields: F; readonly tail?: string };

const CONV_QUANT_TAIL = [
  ['input_offset', 'offset8'],
  ['filter_offset', 'offset8'],
  ['output_offset', 'zp'],
  ['act_min', 'i32'],
  ['act_max', 'i32'],
  ['float_act_min', 'f32'],
  ['float_act_max', 'f32'],
  ['rounding', 'i32'],
  ['num_channels', 'i32'],
] as const;

const CONV_GEOMETRY = [
  ['stride_h', 'i32'],
  ['stride_w', 'i32'],
  ['dilation_h', 'i32'],
  ['dilation_w', 'i32'],
  ['pad_top', 'i32'],
  ['pad_left', 'i32'],
] as const;

const PER_CHANNEL = 'int32 multipliers[num_channels], int32 shifts[num_channels]';

export const PARAMS = {
  ConvParams: decl([...CONV_GEOMETRY, ...CONV_QUANT_TAIL] as const, `${PER_CHANNEL}; conv_2d_{u8,i8}_add: then ElementwiseParams add, int32 side`),
  DepthwiseConvParams: decl([...CONV_GEOMETRY, ['depth_multiplier', 'i32'], ...CONV_QUANT_TAIL] as const, PER_CHANNEL),
  HybridParams: decl([...CONV_GEOMETRY, ['depth_multiplier', 'i32'], ['asymmetric', 'i32'], ['float_act_min', 'f32'], ['float_act_max', 'f32'], ['num_channels', 'i32']] as const, 'float weight_scales[num_channels]'),
  BatchMatMulParams: decl([['adj_x', 'i32'], ['adj_y', 'i32']] as const),
  GatherParams: decl([['axis', 'i32']] as const),
  SliceParams: decl([
    ['rank', 'i32'],
    ['begin', 'i32[6]'],
    ['size', 'i32[6]'],
  ] as const),
  SplitParams: decl([['axis', 'i32'], ['input', 'i32']] as const),
  ReverseParams: decl([['axis', 'i32']] as const),
  FullyConnectedParams: decl([
    ['input_offset', 'offset8'],
    ['filter_offset', 'offset8'],
    ['output_offset', 'zp'],
    ['multiplier', 'i32'],
    ['shift', 'shift'],
    ['act_min', 'i32'],
    ['act_max', 'i32'],
    ['float_act_min', 'f32'],
    ['float_act_max', 'f32'],
    ['rounding', 'i32'],
  ] as const),
  PoolParams: decl([
    ['stride_h', 'i32'],
    ['stride_w', 'i32'],
    ['filter_h', 'i32'],
    ['filter_w', 'i32'],
    ['pad_top', 'i32'],
    ['pad_left', 'i32'],
    ['act_min', 'i32'],
    ['act_max', 'i32'],
    ['float_act_min', 'f32'],
    ['float_act_max', 'f32'],
  ] as const),
  MeanParams: decl([
    ['mode', 'i32'],
    ['reduce_mask', 'i32'],
    ['multiplier', 'i32'],
    ['shift', 'shift'],
    ['bias', 'i32'],
    ['scale', 'f32'],
    ['float_bias', 'f32'],
    ['input_zero_point', 'zp'],
    ['output_zero_point', 'zp'],
  ] as const),
  PadParams: decl([
    ['rank', 'i32'],
    ['before', 'i32[6]'],
    ['after', 'i32[6]'],
    ['pad_value', 'bits32'],
  ] as const),
  ElementwiseParams: decl([
    ['input1_offset', 'offset8'],
    ['input2_offset', 'offset8'],
    ['output_offset', 'zp'],
    ['left_shift', 'lshift'],
    ['input1_multiplier', 'i32'],
    ['input1_shift', 'shift'],
    ['input2_multiplier', 'i32'],
    ['input2_shift', 'shift'],
    ['output_multiplier', 'i32'],
    ['output_shift', 'shift'],
    ['activation_min', 'i32'],
    ['activation_max', 'i32'],
    ['float_activation_min', 'f32'],
    ['float_activation_max', 'f32'],
  ] as const),
  ConcatParams: decl(
    [
      ['axis', 'i32'],
      ['num_inputs', 'i32'],
      ['output_zero_point', 'zp'],
      ['output_scale', 'f32'],
    ] as const,
    'ConcatInputParams inputs[num_inputs]',
  ),
  ConcatInputParams: decl([
    ['zero_point', 'zp'],
    ['scale', 'f32'],
  ] as const),
  LutParams: decl([
    ['input_scale', 'f32'],
    ['input_zero_point', 'zp'],
    ['output_scale', 'f32'],
    ['output_zero_point', 'zp'],
  ] as const),
  SoftmaxParams: decl([
    ['beta', 'f32'],
    ['input_scale', 'f32'],
    ['output_scale', 'f32'],
    ['output_zero_point', 'zp'],
  ] as const),
  ReluParams: decl([
    ['input_zero_point', 'zp'],
    ['output_zero_point', 'zp'],
    ['output_multiplier', 'i32'],
    ['output_shift', 'shift'],
    ['activation_min', 'i32'],
    ['activation_max', 'i32'],
    ['float_activation_min', 'f32'],
    ['float_activation_max', 'f32'],
  ] as const),
  LeakyReluParams: decl([
    ['input_zero_point', 'zp'],
    ['output_zero_point', 'zp'],
    ['identity_multiplier', 'i32'],
    ['identity_shift', 'shift'],
    ['alpha_multiplier', 'i32'],
    ['alpha_shift', 'shift'],
    ['alpha', 'f32'],
  ] as const),
  HardSwishParams: decl([
    ['input_zero_point', 'zp'],
    ['output_zero_point', 'zp'],
    ['reluish_multiplier_fixedpoint_int16', 'i32'],
    ['reluish_multiplier_exponent', 'shift16'],
    ['output_multiplier_fixedpoint_int16', 'i32'],
    ['output_multiplier_exponent', 'rshift'],
  ] as const),
  QuantizeParams: decl([
    ['input_zero_point', 'zp'],
    ['output_zero_point', 'zp'],
    ['output_multiplier', 'i32'],
    ['output_shift', 'shift'],
    ['output_scale', 'f32'],
  ] as const),
  DequantizeParams: decl([
    ['zero_point', 'zp'],
    ['scale', 'f32'],
  ] as const),
  DetectionPostProcessParams: decl([
    ['max_detections', 'i32'],
    ['max_classes_per_detection', 'i32'],
    ['detections_per_class', 'i32'],
    ['use_regular_nms', 'i32'],
    ['nms_score_threshold', 'f32'],
    ['nms_iou_threshold', 'f32'],
    ['num_classes', 'i32'],
    ['y_scale', 'f32'],
    ['x_scale', 'f32'],
    ['h_scale', 'f32'],
    ['w_scale', 'f32'],
  ] as const),
} as const satisfies Record<string, ParamsDecl>;

export type ParamsName = keyof typeof PARAMS;
export type ParamsBlock = ParamsDecl;

type FieldsOf<N extends ParamsName> = (typeof PARAMS)[N]['fields'][number];
type ValueOf<T extends FieldType> = T extends 'bits32' ? number | { f32: number } : T extends `i32[${number}]` ? readonly number[] : number;

/** A params block's values by field name; a field left out is 0 (unused by that kernel variant). */
export type ParamsValues<N extends ParamsName> = { readonly [F in FieldsOf<N> as F[0]]?: ValueOf<F[1]> };

const arrayLength = (t: FieldType) => (t.startsWith('i32[') ? Number(t.slice(4, -1)) : 0);

/**
 * Writes `values` in the declaration's order into a ParamsWriter (append the block's tail to it).
 * A value that is not a 4-byte integer where one is declared throws RangeError, as does an array of
 * the wrong length.
 */
export function encodeParams<N extends ParamsName>(name: N, values: ParamsValues<N>, pw = new ParamsWriter()): ParamsWriter {
  const v = values as Record<string, number | readonly number[] | { f32: number } | undefined>;
  for (const [field, type] of PARAMS[name].fields as readonly (readonly [string, FieldType])[]) {
    const x = v[field];
    const n = arrayLength(type);
    if (n > 0) {
      const arr = (x as readonly number[] | undefined) ?? new Array<number>(n).fill(0);
      if (arr.length !== n) throw new RangeError(`${name}.${field}: ${arr.length} values for ${type}`);
      pw.i32s(arr);
    } else if (type === 'f32') pw.f32((x as number | undefined) ?? 0);
    else if (typeof x === 'object' && x !== null && 'f32' in x) pw.f32(x.f32);
    else {
      const value = (x as number | undefined) ?? 0;
      const range = FIELD_RANGE[type];
      if (range && !(value >= range[0] && value <= range[1])) throw new RangeError(`${name}.${field}: ${value} outside [${range[0]}, ${range[1]}]`);
      pw.i32(value);
    }
  }
  return pw;
}

export interface FieldLayout {
  name: string;
  type: FieldType;
  offset: number;
  size: number;
}

/** Every block's fields with byte offsets and sizes: what the C++ structs must be. */
export function paramsLayout(params: Readonly<Record<string, ParamsDecl>> = PARAMS): Record<string, { size: number; fields: FieldLayout[]; tail?: string }> {
  const out: Record<string, { size: number; fields: FieldLayout[]; tail?: string }> = {};
  for (const [block, d] of Object.entries(params)) {
    let offset = 0;
    const fields = d.fields.map(([name, type]) => {
      const size = 4 * Math.max(1, arrayLength(type));
      const f = { name, type, offset, size };
      offset += size;
      return f;
    });
    out[block] = { size: offset, fields, ...(d.tail ? { tail: d.tail } : {}) };
  }
  return out;
}

/** The declaration as JSON (for the C++ header generator and tools). */
export function paramsDeclarationJson(params: Readonly<Record<string, ParamsDecl>> = PARAMS): string {
  return JSON.stringify(paramsLayout(params), null, 2);
}
