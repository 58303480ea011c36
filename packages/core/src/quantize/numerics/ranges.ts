// Where float ranges come from, for every scheme: the ops whose weights are quantized (affine), the ops
// whose output range is fixed by the op (TFLite requires these quantizations), the ops that pass their
// input's range through unchanged, and a constant's range from its data (always containing 0).
export interface MinMax {
  min: number;
  max: number;
}

/** Ops with weights (input 1) and an int32 bias (input 2) at input_scale × weight_scale. */
export const AFFINE_OPS: ReadonlySet<string> = new Set(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED']);

/**
 * Output ranges TFLite's kernels require: LOGISTIC and SOFTMAX at scale 1/256 (uint8 zero point 0,
 * int8 -128), TANH at 1/128 (uint8 128, int8 0). chooseQuantizationParams gives exactly those.
 */
export const FIXED_OUTPUT_RANGES: Readonly<Record<string, MinMax>> = {
  LOGISTIC: { min: 0, max: 255 / 256 },
  SOFTMAX: { min: 0, max: 255 / 256 },
  TANH: { min: -1, max: 127 / 128 },
};

/** Ops whose output keeps the input's range (TOCO propagates it; the int8 spec shares params). */
export const RANGE_PRESERVING_OPS: ReadonlySet<string> = new Set(['RESHAPE', 'SQUEEZE', 'MAX_POOL_2D', 'AVERAGE_POOL_2D', 'PAD']);

/**
 * Ops that compare stored values (TFLite's MINIMUM/MAXIMUM do not requantize): every input, constants
 * included, takes the output's quantization.
 */
export const SHARED_PARAMS_OPS: ReadonlySet<string> = new Set(['MINIMUM', 'MAXIMUM']);

/** The float range a fused activation clamps to. */
export const ACTIVATION_RANGES: Readonly<Record<string, MinMax>> = {
  RELU: { min: 0, max: Infinity },
  RELU6: { min: 0, max: 6 },
  RELU_N1_TO_1: { min: -1, max: 1 },
};

/** min/max of the data, widened to contain 0 (a quantized range always represents 0 exactly). */
export function dataRange(d: ArrayLike<number>): MinMax {
  let min = 0;
  let max = 0;
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
