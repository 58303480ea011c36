// Drops what TFLite has no use for: control edges (`^x`), NoOp, and pass-through ops (Identity and
// friends) whose consumers are rewired to the original producer. An output array that is itself an
// Identity stays, so the model output keeps its requested name.
import { parseInput, type TfNode } from '../../formats/graphdef/graph.js';

const PASS_THROUGH = new Set(['Identity', 'StopGradient', 'Snapshot', 'PreventGradient', 'CheckNumerics', 'PlaceholderWithDefault']);

export function stripControlEdges(nodes: TfNode[]): TfNode[] {
  return nodes.filter((n) => n.op !== 'NoOp').map((n) => (n.inputs.some((i) => i.startsWith('^')) ? { ...n, inputs: n.inputs.filter((i) => !i.startsWith('^')) } : n));
}

export function stripIdentity(nodes: TfNode[], keep: ReadonlySet<string>): TfNode[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const resolve = (input: string): string => {
    let cur = input;
    for (let guard = 0; guard < nodes.length; guard++) {
      const { node, output } = parseInput(cur);
      const n = byName.get(node);
      if (!n || output !== 0 || !PASS_THROUGH.has(n.op) || keep.has(n.name) || n.inputs.length === 0) return cur;
      if (n.op === 'PlaceholderWithDefault') return cur;
      cur = n.inputs[0]!;
    }
    return cur;
  };
  return nodes
    .filter((n) => !PASS_THROUGH.has(n.op) || keep.has(n.name) || n.op === 'PlaceholderWithDefault')
    .map((n) => ({ ...n, inputs: n.inputs.map(resolve) }));
}
