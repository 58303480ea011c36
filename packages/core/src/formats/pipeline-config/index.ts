// TF Object Detection API pipeline.config: lossless read, typed summary, and text-preserving edits.
export { readPipelineConfig, toText, findField, findFields, type PipelineConfig, type ConfigField, type ConfigScalar } from './syntax.js';
export {
  describePipelineConfig,
  assertSsd,
  type PipelineConfigSummary,
  type ImageResizerSummary,
  type AnchorGeneratorSummary,
  type SsdAnchorGeneratorSummary,
  type MultiscaleAnchorGeneratorSummary,
} from './describe.js';
export { setQuantization, type QuantizationOptions } from './edit.js';
