// `convert`: a TensorFlow GraphDef (frozen, e.g. export_tflite_ssd_graph.py's tflite_graph.pb) → a
// TFLite model, float or QUANTIZED_UINT8 from QAT FakeQuant ranges, matching what tflite_convert's
// TOCO path writes for the same flags (op order, tensor names, params, custom options).
import { InvalidInputError, UnsupportedError } from '../errors.js';
import type { TfGraph } from '../formats/graphdef/graph.js';
import type { Model } from '../ir/types.js';
import type { Backend } from '../backend.js';
import { exportModel } from '../graph/export.js';
import { foldBatchNormMul } from './passes/fold-batchnorm.js';
import { fuseActivations, fuseBiasAdd } from './passes/fuse-bias-activation.js';
import { overrideInputShapes } from './passes/input-shape.js';
import { lowerGraph } from './passes/lower.js';
import { pruneGraph } from './passes/prune.js';
import { stripControlEdges, stripIdentity } from './passes/strip-identity.js';
import { quantizeGraph } from '../quantize/schemes/toco-uint8.js';

export type InferenceType = 'FLOAT' | 'QUANTIZED_UINT8';

export interface ConvertOptions {
  /** --input_arrays: the model inputs (a non-Placeholder node here cuts the graph there). */
  inputArrays: string[];
  /** --output_arrays: e.g. TFLite_Detection_PostProcess, TFLite_Detection_PostProcess:1, … */
  outputArrays: string[];
  /** --input_shapes, one per input array. */
  inputShapes?: number[][];
  /** --inference_type (default FLOAT). */
  inferenceType?: InferenceType;
  /** --inference_input_type (default: inferenceType). */
  inferenceInputType?: InferenceType;
  /** --mean_values / --std_dev_values, one per input: real = (q - mean) / std. */
  meanValues?: number[];
  stdDevValues?: number[];
  /** --default_ranges_min / --default_ranges_max: range for activations with none. */
  defaultRangesMin?: number;
  defaultRangesMax?: number;
  /** --allow_custom_ops: unmapped ops become CUSTOM ops carrying their attrs. */
  allowCustomOps?: boolean;
  /** --change_concat_input_ranges (default false: concat inputs keep their own ranges). */
  changeConcatInputRanges?: boolean;
  /** Bulk weight quantization (e.g. `await resolveBackend()`); a TS loop with identical results otherwise. */
  backend?: Pick<Backend, 'quantizeUint8' | 'minMax'>;
  /** Receives non-fatal notes (constants quantized from their data range, …). */
  onWarning?: (message: string) => void;
  /** Model description string (default "liteq convert"). */
  description?: string;
}

function validate(o: ConvertOptions): void {
  if (!o.inputArrays?.length) throw new InvalidInputError('`inputArrays` is required (e.g. `inputArrays=normalized_input_image_tensor`)');
  if (!o.outputArrays?.length) throw new InvalidInputError('`outputArrays` is required (e.g. `outputArrays=TFLite_Detection_PostProcess,…`)');
  const type = o.inferenceType ?? 'FLOAT';
  const inType = o.inferenceInputType ?? type;
  if (type !== inType) {
    throw new UnsupportedError(`\`inferenceInputType=${inType}\` with \`inferenceType=${type}\` is not supported yet; use the same type for both`);
  }
  if (type === 'QUANTIZED_UINT8') {
    const n = o.inputArrays.length;
    if (o.meanValues?.length !== n || o.stdDevValues?.length !== n) {
      throw new InvalidInputError(`\`inferenceType=QUANTIZED_UINT8\` needs \`meanValues\` and \`stdDevValues\` with one value per input array (${n}), e.g. \`meanValues=128\` \`stdDevValues=128\``);
    }
    if (o.stdDevValues.some((s) => !(s > 0))) throw new InvalidInputError('`stdDevValues` must be > 0');
  }
  if ((o.defaultRangesMin === undefined) !== (o.defaultRangesMax === undefined)) throw new InvalidInputError('`defaultRangesMin` and `defaultRangesMax` go together');
}

/** Converts a TF graph to a TFLite model (IR); write it with writeTflite. */
export function convert(graph: TfGraph, options: ConvertOptions): Model {
  validate(options);
  const quantized = (options.inferenceType ?? 'FLOAT') === 'QUANTIZED_UINT8';
  const outputs = new Set(options.outputArrays);
  let nodes = stripControlEdges(graph.nodes);
  nodes = stripIdentity(nodes, outputs);
  nodes = pruneGraph(nodes, options.inputArrays, options.outputArrays);
  nodes = overrideInputShapes(nodes, options.inputArrays, options.inputShapes);
  const g = lowerGraph(nodes, { inputArrays: options.inputArrays, outputArrays: options.outputArrays, allowCustomOps: options.allowCustomOps ?? false, quantized });
  foldBatchNormMul(g);
  fuseBiasAdd(g);
  fuseActivations(g);
  if (quantized) {
    const quantizeUint8 = options.backend?.quantizeUint8?.bind(options.backend);
    const minMax = options.backend?.minMax?.bind(options.backend);
    const warnings = quantizeGraph(g, {
      ...(options.meanValues ? { meanValues: options.meanValues } : {}),
      ...(options.stdDevValues ? { stdDevValues: options.stdDevValues } : {}),
      ...(options.defaultRangesMin !== undefined ? { defaultRangesMin: options.defaultRangesMin, defaultRangesMax: options.defaultRangesMax! } : {}),
      changeConcatInputRanges: options.changeConcatInputRanges ?? false,
      ...(quantizeUint8 ? { quantizeUint8 } : {}),
      ...(minMax ? { minMax } : {}),
    });
    warnings.forEach((w) => options.onWarning?.(w));
  }
  return exportModel(g, options.description ?? 'liteq convert');
}
