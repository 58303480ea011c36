// Whole-graph fusion the plan makes when nobody can read the tensor in between (no preserved
// intermediates, not kept, not a graph output, one reader): a float ADD / SUB / MUL, CONV_2D,
// DEPTHWISE_CONV_2D or FULLY_CONNECTED without a fused activation, followed by RELU or RELU_N1_TO_1,
// becomes that op with the activation fused — one pass over the data instead of two. Exact for every
// input as TFLite 2.9 computes the two ops: the fused clamp min(max(r, lo), hi) keeps NaN and -0 as
// those RELUs do (`x < lo ? lo : x`), and ±inf end at the same bound either way (the NONE clamp makes
// them ±FLT_MAX first). RELU6 is left alone: TFLite's RELU6 turns NaN into 0, the fused clamp would
// keep it. And a quantized PAD read only by a VALID conv becomes that conv's padding (`fusePadding`);
// a float PAD of channels read only by an ADD becomes that ADD's short operand (`fuseChannelPadding`);
// a CONV_2D read only by a same-shape (or, float, channel-padded) ADD takes the ADD over (`fuseConvAdd`).
import { builtinOptions, opName } from '../ir/op-name.js';
import type { Operator, Subgraph, Tensor } from '../ir/types.js';
import { constInts } from './ops/quant-helpers.js';
import { FUSED_ADD, shortInChannels, type FusedAdd } from './ops/conv.js';
import { CHANNEL_PADDED } from './ops/elementwise.js';
import { EXPLICIT_PADDING, paddingMode } from './ops/padding.js';

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

/** A PAD / PADV2 the plan may fold into the one op that reads its result. */
interface PadSite {
  x: number; // the PAD's input
  y: number; // its output
  pads: number[]; // constant paddings, [before, after] per dimension
  value?: Tensor; // PADV2's constant
  reader: Operator; // the only op reading y
}

/**
 * The PAD / PADV2 ops with constant paddings whose result only one op reads and nobody else can see
 * (not a graph output, not kept): `fold` gives that reader's replacement, or undefined to leave both
 * alone. The PADs folded are dropped. Each reader is replaced at most once.
 */
function foldPads(sg: Subgraph, keep: ReadonlySet<number>, fold: (site: PadSite) => Operator | undefined): Subgraph {
  const readers = new Map<number, number[]>();
  sg.operators.forEach((op, k) => op.inputs.forEach((i) => i >= 0 && readers.set(i, [...(readers.get(i) ?? []), k])));
  const visible = new Set([...sg.outputs, ...keep]);
  const replaced = new Map<number, Operator>();
  const dropped = new Set<number>();
  sg.operators.forEach((pad, k) => {
    if (pad.op.kind !== 'builtin' || (pad.op.opcode !== 'PAD' && pad.op.opcode !== 'PADV2') || pad.outputs.length !== 1) return;
    const [x, padsIndex, valueIndex] = pad.inputs;
    const y = pad.outputs[0]!;
    if (x === undefined || x < 0 || padsIndex === undefined || padsIndex < 0) return;
    const pads = constInts(sg.tensors[padsIndex]!);
    const r = readers.get(y) ?? [];
    if (!pads || r.length !== 1 || visible.has(y) || replaced.has(r[0]!)) return;
    const value = valueIndex !== undefined && valueIndex >= 0 ? sg.tensors[valueIndex]! : undefined;
    const replacement = fold({ x, y, pads, value, reader: sg.operators[r[0]!]! });
    if (!replacement) return;
    replaced.set(r[0]!, replacement);
    dropped.add(k);
  });
  if (dropped.size === 0) return sg;
  return { ...sg, operators: sg.operators.flatMap((op, k) => (dropped.has(k) ? [] : [replaced.get(k) ?? op])) };
}

const PADDED_CONVS = new Set(['CONV_2D', 'DEPTHWISE_CONV_2D']);

const sameQuantization = (a: Tensor, b: Tensor) =>
  a.quantization?.scale.length === 1 &&
  b.quantization?.scale.length === 1 &&
  a.quantization.scale[0] === b.quantization.scale[0] &&
  a.quantization.zeroPoint[0] === b.quantization.zeroPoint[0];

/**
 * "Padding into conv": a quantized PAD / PADV2 of H and W only, whose result only a VALID CONV_2D or
 * DEPTHWISE_CONV_2D reads (as its input), goes into the conv as explicit padding — the padded copy
 * of the activation is never made. Exact: the PAD writes the zero point (its output's, equal to its
 * input's here; PADV2's constant must be that zero point), and the conv's im2col and depthwise
 * kernels read every tap outside the input as the input zero point, a product of 0 — the same
 * integer sums. Float PADs are left alone: with a padded copy TFLite adds 0 * w for every padding
 * tap, which an infinite weight or a -0 start would tell apart from a skipped tap.
 */
export function fusePadding(sg: Subgraph, keep: ReadonlySet<number>): Subgraph {
  return foldPads(sg, keep, ({ x, y, pads, value, reader: conv }) => {
    const inT = sg.tensors[x]!, outT = sg.tensors[y]!;
    if ((inT.dtype !== 'uint8' && inT.dtype !== 'int8') || outT.dtype !== inT.dtype || !sameQuantization(inT, outT)) return undefined;
    if (inT.shape.length !== 4 || pads.length !== 8 || pads.some((p) => p < 0) || pads[0] !== 0 || pads[1] !== 0 || pads[6] !== 0 || pads[7] !== 0) return undefined;
    if (value) {
      if (!value.data || value.dtype !== inT.dtype || value.data.byteLength < 1) return undefined;
      const v = inT.dtype === 'uint8' ? value.data[0]! : (value.data[0]! << 24) >> 24;
      if (v !== Number(outT.quantization!.zeroPoint[0])) return undefined;
    }
    if (conv.op.kind !== 'builtin' || !PADDED_CONVS.has(conv.op.opcode) || conv.inputs[0] !== y || conv.inputs.indexOf(y) !== conv.inputs.lastIndexOf(y)) return undefined;
    if (paddingMode(conv.op.opcode, builtinOptions(conv)['padding']) !== 'VALID') return undefined;
    const options = { ...builtinOptions(conv), [EXPLICIT_PADDING]: [pads[2]!, pads[3]!, pads[4]!, pads[5]!] };
    return { ...conv, op: { ...conv.op, options: options as typeof conv.op.options }, inputs: [x, ...conv.inputs.slice(1)] };
  });
}

/**
 * A float PAD / PADV2 that only appends channels (every other padding 0, the value +0.0), read only by
 * an ADD whose other operand has the padded shape, goes into the ADD: its short operand's missing
 * channels are added as +0.0 (add_f32_channel_padded), so the padded copy is never made (BlazeFace's
 * residual blocks). Exact: the padded ADD computes x + 0.0 (or 0.0 + x, in the ADD's operand order)
 * for those channels, as TFLite's ADD does on the PAD's zeros, -0, NaN and infinities included.
 */
export function fuseChannelPadding(sg: Subgraph, keep: ReadonlySet<number>): Subgraph {
  return foldPads(sg, keep, ({ x, y, pads, value, reader: add }) => {
    const inT = sg.tensors[x]!;
    if (inT.dtype !== 'float32' || sg.tensors[y]!.dtype !== 'float32') return undefined;
    const rank = inT.shape.length;
    if (rank === 0 || pads.length !== 2 * rank || pads[2 * rank - 1]! <= 0 || pads.some((p, i) => i !== 2 * rank - 1 && p !== 0)) return undefined;
    if (value && (!value.data || value.dtype !== 'float32' || value.data.byteLength < 4 || value.data.subarray(0, 4).some((b) => b !== 0))) return undefined; // +0.0 only
    if (add.op.kind !== 'builtin' || add.op.opcode !== 'ADD' || add.inputs.length !== 2 || add.inputs[0] === add.inputs[1]) return undefined;
    const side = add.inputs.indexOf(y);
    const other = sg.tensors[add.inputs[1 - side]!]!;
    const padded = inT.shape.map((d, i) => d + pads[2 * i]! + pads[2 * i + 1]!);
    if (other.dtype !== 'float32' || other.shape.join(',') !== padded.join(',')) return undefined;
    const options = { ...builtinOptions(add), type: builtinOptions(add).type ?? 'AddOptions', [CHANNEL_PADDED]: side };
    const inputs = [...add.inputs];
    inputs[side] = x;
    return { ...add, op: { ...add.op, options: options as typeof add.op.options }, inputs };
  });
}

/**
 * "Requantize into add": a CONV_2D (uint8 / int8, or float) whose result only a same-shape ADD reads
 * (the projection conv of an inverted-residual block) takes the ADD over: conv_2d_*_add computes the
 * conv's output and adds the ADD's other operand to each range of rows as soon as it is final, in the
 * task that computed it — no pass over memory and no hand-off between the two ops. Exact: the conv's
 * output is TFLite's CONV_2D output, and the ADD is computed from it with the ADD's own parameters,
 * operand order and fused activation. A float ADD whose other operand is channel-padded
 * (`fuseChannelPadding`, BlazeFace's blocks) fuses too: the missing channels add +0.0 as before. The
 * other operand must exist before the conv runs (a graph input, a constant, or the output of an
 * earlier op); the conv's result must be invisible (not an output, not kept).
 */
export function fuseConvAdd(sg: Subgraph, keep: ReadonlySet<number>): Subgraph {
  const readers = new Map<number, number>();
  for (const op of sg.operators) for (const i of op.inputs) if (i >= 0) readers.set(i, (readers.get(i) ?? 0) + 1);
  const producer = new Map<number, number>();
  sg.operators.forEach((op, k) => op.outputs.forEach((o) => producer.set(o, k)));
  const visible = new Set([...sg.outputs, ...keep]);
  const sameShape = (a: Tensor, b: Tensor) => a.shape.length > 0 && a.shape.join(',') === b.shape.join(',') && a.shape.every((d) => d > 0);
  const replaced = new Map<number, Operator>();
  const dropped = new Set<number>();
  sg.operators.forEach((add, k) => {
    if (add.op.kind !== 'builtin' || add.op.opcode !== 'ADD' || add.inputs.length !== 2 || add.outputs.length !== 1) return;
    if (add.inputs[0] === add.inputs[1]) return;
    const padded = builtinOptions(add)[CHANNEL_PADDED] as number | undefined;
    for (const side of [0, 1] as const) {
      const t = add.inputs[side]!, r = add.inputs[1 - side]!;
      const c = producer.get(t);
      if (c === undefined || replaced.has(c) || dropped.has(c)) continue;
      const conv = sg.operators[c]!;
      if (conv.op.kind !== 'builtin' || conv.op.opcode !== 'CONV_2D' || conv.outputs.length !== 1 || conv.inputs.length < 2 || conv.inputs.length > 3) continue;
      const [x, y, z] = [sg.tensors[conv.inputs[0]!]!, sg.tensors[t]!, sg.tensors[add.outputs[0]!]!];
      const [other, weights] = [sg.tensors[r]!, sg.tensors[conv.inputs[1]!]!];
      if ((y.dtype !== 'uint8' && y.dtype !== 'int8' && y.dtype !== 'float32') || x.dtype !== y.dtype || other.dtype !== y.dtype || z.dtype !== y.dtype) continue;
      if (weights.dtype !== y.dtype) continue; // a hybrid conv (float activations, int8 weights) has its own kernel
      // A channel-padded ADD (float) fuses when the short operand is the other one, not the conv's result.
      if (padded !== undefined && (y.dtype !== 'float32' || Number(padded) !== 1 - side || !shortInChannels(other.shape, y.shape))) continue;
      if ((padded === undefined && !sameShape(y, other)) || !sameShape(y, z) || readers.get(t) !== 1 || visible.has(t)) continue;
      const rp = producer.get(r);
      if (rp !== undefined && rp >= c) continue; // the other operand must exist when the conv runs
      const fused: FusedAdd = { intermediate: t, add, side };
      const options = { ...builtinOptions(conv), type: builtinOptions(conv).type ?? 'Conv2DOptions', [FUSED_ADD]: fused };
      const inputs = [conv.inputs[0]!, conv.inputs[1]!, conv.inputs[2] ?? -1, r];
      replaced.set(c, { ...conv, op: { ...conv.op, options: options as typeof conv.op.options }, inputs, outputs: [add.outputs[0]!] });
      dropped.add(k);
      return;
    }
  });
  if (dropped.size === 0) return sg;
  return { ...sg, operators: sg.operators.flatMap((op, k) => (dropped.has(k) ? [] : [replaced.get(k) ?? op])) };
}
