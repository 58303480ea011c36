// A frozen graph indexed for the surgery: nodes by name, consumers, constants seen through Identity and
// FakeQuant, ancestors; and the node builders the surgery appends with.
import { getAttr, parseInput, type TfAttr, type TfNode } from '../formats/graphdef/graph.js';
import { constFromTf } from '../graph/const-value.js';

/** Ops that pass input 0 through unchanged for the surgery's purposes. */
const PASS = new Set(['Identity', 'FakeQuantWithMinMaxVars', 'FakeQuantWithMinMaxArgs', 'StopGradient', 'Snapshot']);

export const key = (input: string): string => {
  const p = parseInput(input);
  return `${p.node}:${p.output}`;
};
export const inScope = (name: string, scope: string): boolean => name === scope || name.startsWith(`${scope}/`);

export function node(name: string, op: string, inputs: string[], attrs: Record<string, TfAttr>): TfNode {
  return { name, op, inputs, device: '', attrs };
}
export const tType = (value: string): TfAttr => ({ kind: 'type', value });
export const fAttr = (value: number): TfAttr => ({ kind: 'f', value });
export const iAttr = (value: number): TfAttr => ({ kind: 'i', value: BigInt(value) });
export const bAttr = (value: boolean): TfAttr => ({ kind: 'b', value });

export function floatConst(name: string, shape: number[], values: Float32Array): TfNode {
  const data = new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  return node(name, 'Const', [], { dtype: tType('DT_FLOAT'), value: { kind: 'tensor', value: { dtype: 'DT_FLOAT', shape, data } } });
}

export class GraphIndex {
  readonly byName: Map<string, TfNode>;
  constructor(readonly nodes: TfNode[]) {
    this.byName = new Map(nodes.map((n) => [n.name, n]));
  }
  get(name: string): TfNode | undefined {
    return this.byName.get(parseInput(name).node);
  }
  consumers(name: string): TfNode[] {
    return this.nodes.filter((n) => n.inputs.some((i) => !i.startsWith('^') && parseInput(i).node === name));
  }
  /** Follows input 0 through Identity / FakeQuant. */
  through(name: string): TfNode | undefined {
    let n = this.get(name);
    for (let guard = 0; n && PASS.has(n.op) && guard < 16; guard++) n = this.get(n.inputs[0] ?? '');
    return n;
  }
  /** Integer values of a constant, or of a Pack of scalar constants (unknown entries -1). */
  intValues(name: string): number[] | undefined {
    const n = this.through(name);
    if (!n) return undefined;
    if (n.op === 'Const') {
      const v = getAttr(n, 'value', 'tensor')?.value;
      if (!v || v.dtype === 'DT_FLOAT' || v.dtype === 'DT_STRING') return undefined;
      try {
        return Array.from(constFromTf(n.name, v).data);
      } catch {
        return undefined;
      }
    }
    if (n.op === 'Pack') return n.inputs.filter((i) => !i.startsWith('^')).map((i) => this.intValues(i)?.[0] ?? -1);
    return undefined;
  }
  ancestors(outputs: string[], stopAt?: (n: TfNode) => boolean): Set<string> {
    const seen = new Set<string>();
    const stack = outputs.map((o) => parseInput(o).node);
    while (stack.length) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      const n = this.byName.get(name);
      if (!n) continue;
      seen.add(name);
      if (stopAt?.(n)) continue;
      for (const i of n.inputs) if (!i.startsWith('^')) stack.push(parseInput(i).node);
    }
    return seen;
  }
}
