// @liteq/core public API.
export * from './ir/types.js';
export * from './errors.js';
export * from './backend.js';
export * from './formats/tflite/index.js';
export * from './quantize/quant-math.js';
export { buildPlan, unsupportedOps, DTYPE_CODE, type BuiltPlan, type BuildPlanOptions, type PlanTensorInfo } from './plan/build.js';
export { loadModel, createModel, typedArrayFor, LiteqModel, type LoadModelOptions, type TensorInfo, type OutputTensor, type TensorData } from './model.js';
export { summarizeTflite, type TfliteSummary, type TensorSummary } from './inspect/tflite-summary.js';
