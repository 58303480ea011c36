// What `liteq inspect` prints about a TF graph before any conversion.
import type { TfGraph, TfShape } from './graph.js';
import { parseInput } from './graph.js';

export interface GraphSummary {
  source: TfGraph['source'];
  nodeCount: number;
  /** op → count, most frequent first. */
  opHistogram: Record<string, number>;
  placeholders: { name: string; dtype: string | undefined; shape: TfShape | undefined }[];
  /** Nodes no other node consumes (by data or control edge): the graph's outputs, plus dead ends. */
  sinks: string[];
  /** FakeQuantWithMinMaxVars / ...Args / ...VarsPerChannel nodes: present means a QAT graph. */
  fakeQuantCount: number;
  /** Elements in Const tensors. */
  params: number;
  /** Const tensor bytes by DataType. */
  bytesByDtype: Record<string, number>;
}

const FAKE_QUANT_OPS = new Set(['FakeQuantWithMinMaxVars', 'FakeQuantWithMinMaxArgs', 'FakeQuantWithMinMaxVarsPerChannel']);

export function graphSummary(graph: TfGraph): GraphSummary {
  const hist = new Map<string, number>();
  const consumed = new Set<string>();
  const placeholders: GraphSummary['placeholders'] = [];
  const bytesByDtype: Record<string, number> = {};
  let fakeQuantCount = 0;
  let params = 0;
  for (const n of graph.nodes) {
    hist.set(n.op, (hist.get(n.op) ?? 0) + 1);
    for (const x of n.inputs) consumed.add(parseInput(x).node);
    if (FAKE_QUANT_OPS.has(n.op)) fakeQuantCount++;
    if (n.op === 'Placeholder' || n.op === 'PlaceholderWithDefault') {
      const dt = n.attrs['dtype'];
      const sh = n.attrs['shape'];
      placeholders.push({
        name: n.name,
        dtype: dt?.kind === 'type' ? dt.value : undefined,
        shape: sh?.kind === 'shape' ? sh.value : undefined,
      });
    }
    const v = n.attrs['value'];
    if (n.op === 'Const' && v?.kind === 'tensor') {
      const t = v.value;
      params += t.shape.reduce((a, d) => a * d, 1);
      const size = t.strings ? t.strings.reduce((a, s) => a + s.length, 0) : t.data.byteLength;
      bytesByDtype[t.dtype] = (bytesByDtype[t.dtype] ?? 0) + size;
    }
  }
  const opHistogram = Object.fromEntries([...hist].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  const sinks = graph.nodes.filter((n) => !consumed.has(n.name)).map((n) => n.name);
  return { source: graph.source, nodeCount: graph.nodes.length, opHistogram, placeholders, sinks, fakeQuantCount, params, bytesByDtype };
}
