// @liteq/web: liteq in the browser. Today: model summaries from bytes a page already holds (a dropped
// file), with the same readers as Node and no file-system access. The C++ executor compiled to WASM
// registers here as the "wasm" backend in a later step.
import {
  detectFormat,
  ModelFormatError,
  readGraphDef,
  readPbtxt,
  readTflite,
  summarizeGraph,
  summarizeTflite,
  type ModelSummary,
} from '@liteq/core';

/**
 * Summarizes a model held in memory: .tflite, binary or text GraphDef (TF.js models need their weight
 * shards too; use @liteq/core's readTfjsFromParts). `name` labels errors.
 */
export function inspectBytes(bytes: Uint8Array, name: string): ModelSummary {
  const format = detectFormat(bytes);
  switch (format) {
    case 'tflite':
      return summarizeTflite(readTflite(bytes, name), bytes.byteLength);
    case 'graphdef':
      return summarizeGraph(readGraphDef(bytes, name), bytes.byteLength);
    case 'pbtxt':
      return summarizeGraph(readPbtxt(bytes, name), bytes.byteLength);
    default:
      throw new ModelFormatError({
        file: name,
        format: format === 'tfjs' ? 'tfjs' : 'unknown',
        reason: format === 'tfjs' ? 'a TF.js model.json needs its weight shards: drop the whole folder' : 'not a TFLite, GraphDef or text GraphDef model',
      });
  }
}
