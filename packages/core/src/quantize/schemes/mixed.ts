// Selective quantization: chosen ops of a quantized model run in higher precision — float (the float
// model's op, weights and options) or, in a uint8 model, int8 per channel (the int8 scheme's op from the
// same ranges). Each island is fed through DEQUANTIZE (to float) or QUANTIZE (uint8 → int8 requantizes)
// and hands its output back through QUANTIZE where an op outside the island or a graph output reads it;
// neighbouring ops of one precision share their tensors without conversions. TFLite 2.9 runs every
// piece (QUANTIZE requantizes between uint8 and int8), and liteq's executor runs it bit-exactly.
// Ops are matched across the models by their first output's name; the island's tensor keeps that
// name (the base model's twin becomes `<name>/quantized`), so a per-layer comparison with the float
// model lines the island up with its float original.
import { UnsupportedError } from '../../errors.js';
import { opName } from '../../ir/op-name.js';
import type { Model, Operator, Subgraph, Tensor } from '../../ir/types.js';
import { addTensor, cloneOp, cloneSubgraph, unaryOp } from './model-edit.js';

export type Precision = 'float' | 'int8';

export interface MixedSources {
  /** The float model the base was quantized from (for float islands). */
  float: Model;
  /** The same float model through the int8 scheme with the same ranges (for int8 islands). */
  int8?: Model;
}

const outName = (sg: Subgraph, op: Operator) => sg.tensors[op.outputs[0]!]?.name ?? '';

/**
 * `base` with the ops named in `precision` (by first output name) in float or int8. Unknown names are
 * an error; custom ops cannot move.
 */
export function mixPrecision(base: Model, sources: MixedSources, precision: ReadonlyMap<string, Precision>): Model {
  if (precision.size === 0) return base;
  const sg = cloneSubgraph(base.subgraphs[0]!);
  const T = sg.tensors;
  const srcSg: Record<Precision, Subgraph | undefined> = { float: sources.float.subgraphs[0], int8: sources.int8?.subgraphs[0] };
  const baseDtype = T[sg.inputs[0]!]?.dtype;
  const byName = (s: Subgraph) => {
    const ops = new Map<string, Operator>();
    for (const op of s.operators) ops.set(outName(s, op), op);
    return ops;
  };
  const srcOps = { float: byName(srcSg.float!), int8: srcSg.int8 ? byName(srcSg.int8) : new Map<string, Operator>() };
  const baseOps = byName(sg);
  for (const [name, p] of precision) {
    const op = baseOps.get(name);
    if (!op) throw new UnsupportedError(`keep ${p}: no op writes a tensor named "${name}"`);
    if (op.op.kind === 'custom') throw new UnsupportedError(`keep ${p}: "${name}" is the output of custom op ${op.op.customCode}, which runs as it is`);
    if (p === 'int8' && !srcSg.int8) throw new UnsupportedError('int8 islands need the int8 twin of the model');
    if (p === 'int8' && baseDtype !== 'uint8') throw new UnsupportedError('int8 islands are for uint8 models');
    if (!srcOps[p].has(name)) throw new UnsupportedError(`keep ${p}: the ${p} model has no op writing "${name}"`);
  }
  // Consumers in the base model, to know where an island's output must go back to the base type.
  const readers = new Map<number, Operator[]>();
  for (const op of sg.operators) for (const i of op.inputs) if (i >= 0) readers.set(i, [...(readers.get(i) ?? []), op]);
  const precisionOf = (op: Operator) => precision.get(outName(sg, op));

  /** The island-precision twin of base tensor `b` (by name), converted once and reused. */
  const twins = new Map<string, number>();
  const ops: Operator[] = [];
  const twinOf = (b: number, p: Precision, s: Subgraph, si: number): number => {
    const key = `${p}:${T[b]!.name}`;
    const have = twins.get(key);
    if (have !== undefined) return have;
    const st = s.tensors[si]!;
    const bt = T[b]!;
    const same = st.dtype === bt.dtype && String(st.quantization?.scale) === String(bt.quantization?.scale) && String(st.quantization?.zeroPoint) === String(bt.quantization?.zeroPoint);
    let t = b;
    if (!same) {
      t = addTensor(sg, { ...st, name: `${bt.name}/${p}`, shape: [...bt.shape], data: undefined });
      ops.push(unaryOp(p === 'float' ? 'DEQUANTIZE' : 'QUANTIZE', bt.dtype === 'int8' || st.dtype === 'int8' ? 2 : 1, b, t));
    }
    twins.set(key, t);
    return t;
  };

  for (const op of sg.operators) {
    const p = precisionOf(op);
    if (!p) {
      ops.push(op);
      continue;
    }
    const s = srcSg[p]!;
    const src = srcOps[p].get(outName(sg, op))!;
    if (src.inputs.length !== op.inputs.length || src.outputs.length !== op.outputs.length) {
      throw new UnsupportedError(`keep ${p}: "${outName(sg, op)}" has a different signature in the ${p} model`);
    }
    const island = cloneOp(src);
    island.inputs = src.inputs.map((si, k) => {
      if (si < 0) return -1;
      const st = s.tensors[si]!;
      if (st.data) return addTensor(sg, { ...st, shape: [...st.shape] });
      return twinOf(op.inputs[k]!, p, s, si);
    });
    island.outputs = src.outputs.map((si, k) => {
      const b = op.outputs[k]!;
      const bt = T[b]!;
      const t = addTensor(sg, { ...s.tensors[si]!, shape: [...bt.shape], data: undefined, name: bt.name });
      T[b] = { ...bt, name: `${bt.name}/quantized` };
      twins.set(`${p}:${T[b]!.name}`, t);
      twins.set(`${p}:${bt.name}`, t);
      return t;
    });
    ops.push(island);
    // Back to the base type where someone outside this island's precision reads it.
    src.outputs.forEach((_, k) => {
      const b = op.outputs[k]!;
      const outside = sg.outputs.includes(b) || (readers.get(b) ?? []).some((r) => precisionOf(r) !== p);
      if (outside) ops.push(unaryOp('QUANTIZE', T[b]!.dtype === 'int8' || T[island.outputs[k]!]!.dtype === 'int8' ? 2 : 1, island.outputs[k]!, b));
    });
  }
  sg.operators = ops;
  return { ...base, subgraphs: [dropUnusedTensors(sg), ...base.subgraphs.slice(1)] };
}

/** The subgraph without tensors no op or graph input/output refers to (indices renumbered). */
export function dropUnusedTensors(sg: Subgraph): Subgraph {
  const used = new Set<number>([...sg.inputs, ...sg.outputs]);
  for (const op of sg.operators) for (const i of [...op.inputs, ...op.outputs, ...op.intermediates]) if (i >= 0) used.add(i);
  const map = new Map<number, number>();
  const tensors: Tensor[] = [];
  sg.tensors.forEach((t, i) => {
    if (!used.has(i)) return;
    map.set(i, tensors.length);
    tensors.push(t);
  });
  const m = (i: number) => (i < 0 ? i : map.get(i)!);
  return {
    ...sg,
    tensors,
    operators: sg.operators.map((op) => ({ ...op, inputs: op.inputs.map(m), outputs: op.outputs.map(m), intermediates: op.intermediates.map(m) })),
    inputs: sg.inputs.map(m),
    outputs: sg.outputs.map(m),
  };
}

/**
 * The units an op can be kept in higher precision as, by first output name, in model order: each
 * builtin op alone, except that a layer whose only reader is a MINIMUM with a constant bound (the
 * rescaled RELU6 of cross-layer equalization) moves together with it.
 */
export function keepUnits(model: Model): string[][] {
  const sg = model.subgraphs[0]!;
  const readers = new Map<number, Operator[]>();
  for (const op of sg.operators) for (const i of op.inputs) if (i >= 0) readers.set(i, [...(readers.get(i) ?? []), op]);
  const isBound = (op: Operator) => opName(op) === 'MINIMUM' && sg.tensors[op.inputs[1]!]?.data !== undefined;
  const units: string[][] = [];
  for (const op of sg.operators) {
    if (op.op.kind !== 'builtin') continue;
    if (isBound(op) && readers.get(op.inputs[0]!)?.length === 1 && sg.operators.some((p) => p.outputs[0] === op.inputs[0])) continue;
    const r = readers.get(op.outputs[0]!) ?? [];
    const unit = [outName(sg, op)];
    if (r.length === 1 && isBound(r[0]!) && r[0]!.inputs[0] === op.outputs[0]) unit.push(outName(sg, r[0]!));
    units.push(unit);
  }
  return units;
}

/** The affine layers (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED) as keep units. */
export function affineUnits(model: Model): string[][] {
  const sg = model.subgraphs[0]!;
  const affine = new Set(sg.operators.filter((op) => ['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED'].includes(opName(op))).map((op) => outName(sg, op)));
  return keepUnits(model).filter((u) => affine.has(u[0]!));
}
