// `liteq inspect` on a file or directory: any supported model, format detected by content.
import { readFile, stat } from 'node:fs/promises';
import { MAP_FROM, readFileLarge } from './read-large.js';
import path from 'node:path';
import { resolveBackend } from '../backend.js';
import { detectFormat } from '../formats/detect.js';
import { fileLength } from '../formats/file-bytes.js';
import { readTflite } from '../formats/tflite/reader.js';
import { summarizeGraph, type ModelSummary } from '../inspect/index.js';
import { summarizeTflite } from '../inspect/tflite-summary.js';
import { loadGraphFile } from './load.js';

/** Total bytes of a model on disk: the file, or for TF.js model.json plus its weight shards. */
async function modelFileBytes(file: string, tfjs: boolean): Promise<number> {
  const json = (await stat(file)).isDirectory() ? path.join(file, 'model.json') : file;
  let total = (await stat(json)).size;
  if (!tfjs) return total;
  // The reader already validated the manifest; here only the shard sizes are added up.
  const manifest = (JSON.parse(await readFile(json, 'utf8')) as { weightsManifest?: { paths?: string[] }[] }).weightsManifest ?? [];
  for (const group of manifest) for (const p of group.paths ?? []) total += (await stat(path.join(path.dirname(json), p))).size;
  return total;
}

/** Summarizes any supported model file (format detected by content). */
export async function inspectModelFile(file: string): Promise<ModelSummary> {
  let bytes: Uint8Array | undefined;
  const st = await stat(file);
  if (!st.isDirectory()) {
    // A large file is mapped where the native backend is there: the summary reads the flatbuffer, not
    // the weights, so a multi-GB model is inspected without reading it all.
    const backend = st.size >= MAP_FROM ? await resolveBackend().catch(() => undefined) : undefined;
    bytes = await readFileLarge(file, backend?.mapFile?.bind(backend));
    if (detectFormat(bytes) === 'tflite') return summarizeTflite(readTflite(bytes, file), fileLength(bytes));
  }
  const graph = await loadGraphFile(file, bytes);
  return summarizeGraph(graph, await modelFileBytes(file, graph.source === 'tfjs'));
}
