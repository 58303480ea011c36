// @liteq/core public API.
export * from './ir/types.js';
export * from './errors.js';
export * from './backend.js';
export * from './formats/tflite/index.js';
export * from './quantize/quant-math.js';
export { buildPlan, unsupportedOps, DTYPE_CODE, type BuiltPlan, type BuildPlanOptions, type PlanTensorInfo } from './plan/build.js';
export { loadModel, createModel, typedArrayFor, LiteqModel, type LoadModelOptions, type TensorInfo, type OutputTensor, type TensorData } from './model.js';
export { summarizeTflite, type TfliteSummary, type TensorSummary } from './inspect/tflite-summary.js';
export { inspectModelFile, summarizeGraph, type ModelSummary, type GraphModelSummary } from './inspect/index.js';
export { detectFormat, type DetectedFormat } from './formats/detect.js';
export { loadGraphFile } from './formats/load.js';
export {
  readGraphDef,
  readPbtxt,
  graphSummary,
  getAttr,
  parseInput,
  type GraphSummary,
  type TfAttr,
  type TfGraph,
  type TfNode,
  type TfTensor,
  type TfShape,
} from './formats/graphdef/index.js';
export { readTfjsModel, readTfjsFromParts, type TfjsModel, type TfjsParts } from './formats/tfjs/index.js';
export { detect, decodeDetections, annotateImage, imageToInput, readLabels, type Detection, type DetectOptions } from './detect.js';
export { decodeImage, resizeBilinear, type RgbImage } from './image.js';
export { writeFileAtomic, assertNotInput } from './files.js';
export { convert, type ConvertOptions, type InferenceType } from './convert/index.js';
export { chooseQuantizationParams, nudge, fakeQuantFloat, quantizeUint8Ts, quantizeBiasInt32, type QuantParams } from './quantize/choose-params.js';
export {
  readPipelineConfig,
  toText,
  findField,
  findFields,
  describePipelineConfig,
  assertSsd,
  setQuantization,
  type PipelineConfig,
  type ConfigField,
  type ConfigScalar,
  type PipelineConfigSummary,
  type ImageResizerSummary,
  type AnchorGeneratorSummary,
  type SsdAnchorGeneratorSummary,
  type MultiscaleAnchorGeneratorSummary,
  type QuantizationOptions,
} from './formats/pipeline-config/index.js';
export { ssdSurgery, anchorsCornersToCenterSize, SSD_INPUT_NAME, SSD_POSTPROCESS_NAME, SSD_OUTPUT_ARRAYS, type SsdSurgeryOptions, type SsdSurgeryResult, type SsdPostProcessParams } from './ssd/surgery.js';
export { generateSsdAnchors, defaultFeatureMapShapes, type SsdAnchors, type SsdAnchorLayer, type SsdAnchorParams, type GenerateSsdAnchorsOptions } from './ssd/anchors.js';
export * from './eval/index.js';
export * from './quantize/ptq/index.js';
