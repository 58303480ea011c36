// Quantization numerics: TFLite's fixed-point arithmetic, parameter choice, constant quantizers,
// float16 both ways and the op facts every scheme shares. Nothing here knows about models.
export { frexp, roundHalfAwayFromZero, quantizeMultiplier, f32, dtypeRange, activationRangeQuantized, activationRangeFloat, type FusedActivation } from './quant-math.js';
export { chooseQuantizationParams, nudge, fakeQuantFloat, type QuantParams } from './choose-params.js';
export { quantizeUint8Ts, quantizeBiasInt32, quantizeWeightsInt8, quantizeInt8PerChannelTs, type PerChannelInt8, type WeightBackend } from './weights.js';
export { floatToHalf, toFloat16, halfToFloat } from './float16.js';
export { dequantizeConstant } from './dequantize-constant.js';
export { AFFINE_OPS, FIXED_OUTPUT_RANGES, RANGE_PRESERVING_OPS, ACTIVATION_RANGES, dataRange, type MinMax } from './ranges.js';
