// @liteq/web: liteq's C++ core compiled to WebAssembly, registered as @liteq/core's "wasm" backend
// on import (Node or browser; @liteq/core tries native first, then this), and model summaries from
// bytes a page already holds (a dropped file), with no file-system access.
import {
  detectFormat,
  ModelFormatError,
  registerBackend,
  readGraphDef,
  readPbtxt,
  readTflite,
  summarizeGraph,
  summarizeTflite,
  type ModelSummary,
} from '@liteq/core';
import { WasmBackend } from './wasm-backend.js';

export { WasmBackend, loadWasmBytes, type WasmBackendOptions } from './wasm-backend.js';

const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
const passedEnv = Object.fromEntries(['LITEQ_PROFILE'].flatMap((k) => (env?.[k] !== undefined ? [[k, env[k]!]] : [])));

registerBackend('wasm', () => WasmBackend.create({ env: passedEnv }), 10);

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
