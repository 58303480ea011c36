// The working graph → liteq IR Model, laid out as TOCO writes it: unreferenced tensors dropped,
// tensors sorted by name (TOCO numbers arrays in std::set order), ops in graph order, has_rank unset.
import { UnsupportedError } from '../errors.js';
import type { Model, Tensor } from '../ir/types.js';
import type { FGraph, FTensor } from './fgraph.js';

function bytesOf(t: FTensor): Uint8Array | undefined {
  if (t.bytes) return t.bytes;
  if (!t.data) return undefined;
  return new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
}

export function exportModel(g: FGraph, description: string): Model {
  const used = new Set<number>([...g.inputs, ...g.outputs]);
  for (const op of g.ops) for (const i of [...op.inputs, ...op.outputs]) if (i >= 0) used.add(i);
  const order = [...used].sort((a, b) => {
    const x = g.tensors[a]!.name;
    const y = g.tensors[b]!.name;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (let i = 1; i < order.length; i++) {
    if (g.tensors[order[i]!]!.name === g.tensors[order[i - 1]!]!.name) throw new UnsupportedError(`two tensors are named ${g.tensors[order[i]!]!.name}`);
  }
  const index = new Map(order.map((t, i) => [t, i]));
  const tensors: Tensor[] = order.map((i) => {
    const t = g.tensors[i]!;
    const data = bytesOf(t);
    const out: Tensor = { name: t.name, shape: [...t.shape], dtype: t.dtype, isVariable: false, hasRank: false };
    if (data) out.data = data;
    if (t.quant) {
      out.quantization = {
        scale: [Math.fround(t.quant.scale)],
        zeroPoint: [BigInt(t.quant.zeroPoint)],
        quantizedDimension: 0,
        min: t.quant.min !== undefined ? [Math.fround(t.quant.min)] : [],
        max: t.quant.max !== undefined ? [Math.fround(t.quant.max)] : [],
      };
    }
    return out;
  });
  const map = (i: number) => (i < 0 ? -1 : index.get(i)!);
  return {
    version: 3,
    description,
    subgraphs: [
      {
        name: '',
        tensors,
        operators: g.ops.map((o) => ({ op: o.op, inputs: o.inputs.map(map), outputs: o.outputs.map(map), intermediates: [], mutatingVariableInputs: [] })),
        inputs: g.inputs.map(map),
        outputs: g.outputs.map(map),
      },
    ],
    metadata: [],
    signatureDefs: [],
  };
}
