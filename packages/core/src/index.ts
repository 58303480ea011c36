// @liteq/core, browser-safe entry: no Node built-ins, no sharp. Formats, IR, conversion, quantization,
// planning, running on a registered backend, evaluation. Paths and URLs are read through the host
// (default: fetch + createImageBitmap); the Node entry (node.ts) installs fs + sharp and adds file
// helpers and calibration from image files.
export * from './ir/types.js';
export { opName, builtinOptions } from './ir/op-name.js';
export { typedArrayFor, type TensorInfo, type OutputTensor, type TensorData } from './ir/tensor-data.js';
export * from './errors.js';
export * from './backend.js';
export { setHost, host, decodeImageInBrowser, type Host } from './host/host.js';
export * from './formats/tflite/index.js';
export { buildPlan, unsupportedOps, type BuiltPlan, type BuildPlanOptions, type PlanTensorInfo } from './plan/build.js';
export { PARAMS, encodeParams, paramsLayout, paramsDeclarationJson, type ParamsBlock, type ParamsName, type ParamsValues, type FieldLayout } from './plan/params.js';
export { loadModel, createModel, defaultMaxMemory, LiteqModel, type LoadModelOptions } from './runtime/model.js';
export { summarizeTflite, type TfliteSummary, type TensorSummary } from './inspect/tflite-summary.js';
export { summarizeGraph, type ModelSummary, type GraphModelSummary } from './inspect/index.js';
export { detectFormat, type DetectedFormat } from './formats/detect.js';
export { LargeFile, fileBytes, fileLength, filePart, HEAD_BYTES, MAX_VIEW_BYTES } from './formats/file-bytes.js';
export { readGraphBytes, ACCEPTED_GRAPH_FORMATS } from './formats/read-graph.js';
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
export { readTfjsFromParts, readTfjsWithShards, type ShardReader, type TfjsModel, type TfjsParts } from './formats/tfjs/index.js';
export { detect, decodeDetections, imageToInput, readLabels, parseLabels, type Detection, type DetectOptions, type DetectableModel } from './ssd/detect.js';
export { resizeBilinear, type RgbImage } from './image/rgb.js';
export { convert, type ConvertOptions, type InferenceType } from './convert/index.js';
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
export * from './quantize/index.js';
