// Post-training quantization: calibration statistics, schemes, dequantization, preprocessing checks.
export { calibrate, listCalibrationImages, type CalibrateOptions } from './calibrate.js';
export { parseCalibrationMethod, needsHistogram, TensorStats, AbsHistogram, klThreshold, mseThreshold, HISTOGRAM_BINS, type CalibrationMethod } from './stats.js';
export { quantizeModel, adaptIo, type QuantScheme, type IoType, type QuantizeModelOptions } from './quantize-model.js';
export { dequantizeModel } from './dequantize.js';
export { quantizeWeightsInt8, quantizeInt8PerChannelTs, floatToHalf, toFloat16, type PerChannelInt8, type WeightBackend } from './weights.js';
export { impliedPreprocessing, checkMeanStd, type ImpliedPreprocessing } from './preprocessing.js';
