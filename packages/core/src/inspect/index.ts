// `liteq inspect`: one summary shape for every format, detected by content.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { detectFormat } from '../formats/detect.js';
import type { TfGraph, TfShape } from '../formats/graphdef/graph.js';
import { graphSummary } from '../formats/graphdef/summary.js';
import { loadGraphFile } from '../formats/load.js';
import { readTflite } from '../formats/tflite/reader.js';
import { summarizeTflite, type TensorSummary, type TfliteSummary } from './tflite-summary.js';

export interface GraphModelSummary {
  format: 'graphdef' | 'tfjs';
  /** "binary" (.pb), "text" (.pbtxt) or "json" (TF.js model.json). */
  encoding: 'binary' | 'text' | 'json';
  /** Placeholders (dtype as TFLite names where one exists). */
  inputs: TensorSummary[];
  /** Sink nodes: consumed by no other node. */
  outputs: TensorSummary[];
  operators: Record<string, number>;
  custom_options: Record<string, unknown>;
  params: number;
  bytes_by_dtype: Record<string, number>;
  /** Needs shape inference through the graph: reported after conversion (inspect the .tflite). */
  macs: null;
  file_bytes: number;
  node_count: number;
  placeholders: string[];
  sinks: string[];
  fake_quant_count: number;
}

export type ModelSummary = TfliteSummary | GraphModelSummary;

// TF DataType names → the TFLite dtype names the rest of the summary uses.
const TF_DTYPE: Record<string, string> = {
  DT_FLOAT: 'float32',
  DT_HALF: 'float16',
  DT_DOUBLE: 'float64',
  DT_INT32: 'int32',
  DT_INT64: 'int64',
  DT_UINT8: 'uint8',
  DT_INT8: 'int8',
  DT_INT16: 'int16',
  DT_UINT16: 'uint16',
  DT_BOOL: 'bool',
  DT_STRING: 'string',
};
const tfDtype = (d: string | undefined) => (d ? (TF_DTYPE[d] ?? d) : 'unknown');
const tfShape = (s: TfShape | undefined) => (s && !s.unknownRank ? s.dims : []);

export function summarizeGraph(graph: TfGraph, fileBytes: number): GraphModelSummary {
  const s = graphSummary(graph);
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const sinkInfo = (name: string): TensorSummary => {
    const n = byName.get(name);
    const t = n?.attrs['T'] ?? n?.attrs['dtype'];
    return { name, shape: [], dtype: tfDtype(t?.kind === 'type' ? t.value : undefined), quantization: null };
  };
  const bytes: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.bytesByDtype)) bytes[tfDtype(k)] = (bytes[tfDtype(k)] ?? 0) + v;
  return {
    format: graph.source === 'tfjs' ? 'tfjs' : 'graphdef',
    encoding: graph.source === 'tfjs' ? 'json' : graph.source === 'pbtxt' ? 'text' : 'binary',
    inputs: s.placeholders.map((p) => ({ name: p.name, shape: tfShape(p.shape), dtype: tfDtype(p.dtype), quantization: null })),
    outputs: s.sinks.map(sinkInfo),
    operators: s.opHistogram,
    custom_options: {},
    params: s.params,
    bytes_by_dtype: bytes,
    macs: null,
    file_bytes: fileBytes,
    node_count: s.nodeCount,
    placeholders: s.placeholders.map((p) => p.name),
    sinks: s.sinks,
    fake_quant_count: s.fakeQuantCount,
  };
}

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
  if (!(await stat(file)).isDirectory()) {
    bytes = new Uint8Array(await readFile(file));
    if (detectFormat(bytes) === 'tflite') return summarizeTflite(readTflite(bytes, file), bytes.byteLength);
  }
  const graph = await loadGraphFile(file, bytes);
  return summarizeGraph(graph, await modelFileBytes(file, graph.source === 'tfjs'));
}
