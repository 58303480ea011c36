// Whole-graph fusion the plan makes when nobody can read the tensor in between (no preserved
// intermediates, not kept, not a graph output, one reader): a float ADD / SUB / MUL, CONV_2D,
// DEPTHWISE_CONV_2D or FULLY_CONNECTED without a fused activation, followed by RELU or RELU_N1_TO_1,
// becomes that op with the activation fused — one pass over the data instead of two. Exact for every
// input as TFLite 2.9 computes the two ops: the fused clamp min(max(r, lo), hi) keeps NaN and -0 as
// those RELUs do (`x < lo ? lo : x`), and ±inf end at the same bound either way (the NONE clamp makes
// them ±FLT_MAX first). RELU6 is left alone: TFLite's RELU6 turns NaN into 0, the fused clamp would
// keep it.
import { builtinOptions, opName } from '../ir/op-name.js';
import type { Operator, Subgraph } from '../ir/types.js';

// The ops that take a fused activation, with their options table's type name.
const FUSABLE: Record<string, string> = {
  ADD: 'AddOptions',
  SUB: 'SubOptions',
  MUL: 'MulOptions',
  CONV_2D: 'Conv2DOptions',
  DEPTHWISE_CONV_2D: 'DepthwiseConv2DOptions',
  FULLY_CONNECTED: 'FullyConnectedOptions',
};
const RELUS = new Set(['RELU', 'RELU_N1_TO_1']);

export function fuseActivations(sg: Subgraph, keep: ReadonlySet<number>): Subgraph {
  const readers = new Map<number, number>();
  for (const op of sg.operators) for (const i of op.inputs) if (i >= 0) readers.set(i, (readers.get(i) ?? 0) + 1);
  const outputs = new Set(sg.outputs);
  const producer = new Map<number, number>();
  sg.operators.forEach((op, k) => op.outputs.forEach((o) => producer.set(o, k)));
  const fused = new Map<number, Operator>(); // index of the elementwise op → its fused replacement
  const dropped = new Set<number>();
  sg.operators.forEach((relu, k) => {
    if (relu.op.kind !== 'builtin' || !RELUS.has(relu.op.opcode) || relu.inputs.length !== 1) return;
    const t = relu.inputs[0]!;
    const p = producer.get(t);
    if (p === undefined || dropped.has(p) || fused.has(p)) return;
    const add = sg.operators[p]!;
    if (add.op.kind !== 'builtin' || !(add.op.opcode in FUSABLE) || add.outputs.length !== 1) return;
    const act = builtinOptions(add)['fusedActivationFunction'] ?? 'NONE';
    if (act !== 'NONE' && act !== 0) return;
    if (sg.tensors[t]!.dtype !== 'float32' || sg.tensors[relu.outputs[0]!]!.dtype !== 'float32') return;
    if (readers.get(t) !== 1 || outputs.has(t) || keep.has(t)) return;
    const options = { ...builtinOptions(add), type: builtinOptions(add).type ?? FUSABLE[opName(add)], fusedActivationFunction: relu.op.opcode };
    fused.set(p, { ...add, op: { ...add.op, options }, outputs: [relu.outputs[0]!] });
    dropped.add(k);
  });
  if (fused.size === 0) return sg;
  return { ...sg, operators: sg.operators.flatMap((op, k) => (dropped.has(k) ? [] : [fused.get(k) ?? op])) };
}
