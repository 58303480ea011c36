// `liteq inspect`: one summary shape for every format, detected by content (files: node/inspect-file.ts).
import type { TfGraph, TfShape } from '../formats/graphdef/graph.js';
import { graphSummary } from '../formats/graphdef/summary.js';
import type { TensorSummary, TfliteSummary } from './tflite-summary.js';

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
