// Keeps only what the requested outputs need, cutting at the requested inputs: an input array that is
// not a Placeholder (e.g. `raw_outputs/box_encodings`) becomes one, as tflite_convert does.
import { InvalidInputError } from '../../errors.js';
import { parseInput, type TfNode } from '../../formats/graphdef/graph.js';

export function pruneGraph(nodes: TfNode[], inputArrays: readonly string[], outputArrays: readonly string[]): TfNode[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const inputs = new Set(inputArrays.map((a) => parseInput(a).node));
  const missing = [...inputs, ...outputArrays.map((a) => parseInput(a).node)].filter((n) => !byName.has(n));
  if (missing.length) {
    throw new InvalidInputError(`no node named ${missing.map((m) => `"${m}"`).join(', ')} in the graph; check \`inputArrays\` / \`outputArrays\` (\`liteq inspect\` lists placeholders and sinks)`);
  }
  const keep = new Set<string>();
  const stack = outputArrays.map((a) => parseInput(a).node);
  while (stack.length) {
    const name = stack.pop()!;
    if (keep.has(name)) continue;
    keep.add(name);
    if (inputs.has(name)) continue;
    for (const i of byName.get(name)!.inputs) {
      const p = parseInput(i).node;
      if (!byName.has(p)) throw new InvalidInputError(`node ${name} reads "${i}", which is not in the graph`);
      stack.push(p);
    }
  }
  return nodes
    .filter((n) => keep.has(n.name))
    .map((n) => {
      if (!inputs.has(n.name) || n.op === 'Placeholder') return n;
      const dtype = n.attrs['T'] ?? n.attrs['dtype'] ?? { kind: 'type' as const, value: 'DT_FLOAT' };
      return { name: n.name, op: 'Placeholder', inputs: [], device: n.device, attrs: { dtype } };
    });
}
