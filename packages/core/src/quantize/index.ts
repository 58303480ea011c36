// Quantization, one module: numerics at the bottom (numerics/), one file per scheme (schemes/),
// calibration above the model (calibration/), and the way back (dequantize.ts).
export * from './numerics/index.js';
export { quantizeModel, adaptIo, quantizeGraph, type TocoQuantizeOptions, type QuantScheme, type IoType, type QuantizeModelOptions } from './schemes/index.js';
export { calibrateImages, type CalibrateOptions, type CalibrationImage } from './calibration/calibrate.js';
export { parseCalibrationMethod, needsHistogram, TensorStats, AbsHistogram, klThreshold, mseThreshold, HISTOGRAM_BINS, type CalibrationMethod } from './calibration/stats.js';
export { dequantizeModel } from './dequantize.js';
export { impliedPreprocessing, checkMeanStd, type ImpliedPreprocessing } from './preprocessing.js';
export { equalizeModel, type EqualizeOptions, type EqualizeReport } from './ptq/equalize.js';
export { correctBiases, type BiasCorrectionOptions, type BiasCorrectionReport } from './ptq/bias-correction.js';
export { postTrainingQuantize, opsMatching, decodedOnce, type PtqOptions, type PtqResult } from './ptq/pipeline.js';
export { mixPrecision, keepUnits, affineUnits, dropUnusedTensors, type Precision, type MixedSources } from './schemes/mixed.js';
export { searchAccuracyBudget, type BudgetOptions, type BudgetStep, type BudgetResult } from './ptq/budget.js';
export { adaroundDepthwise, type AdaroundOptions, type AdaroundReport } from './ptq/adaround.js';
