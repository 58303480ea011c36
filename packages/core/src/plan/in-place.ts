// Tensors the plan stores inside another, so that an op has nothing to move: a RESHAPE / SQUEEZE /
// EXPAND_DIMS input takes its output's bytes, and a CONCATENATION input (nothing before the axis)
// takes the bytes of the output it would be copied to — SSD's box predictors then write the
// concatenated boxes and scores directly. The kernels accept exactly these overlaps
// (native/include/liteq/liteq.h, `in_place` in native/src/runtime/op.h): the copy is skipped, and a
// uint8 input with other quantization than the output's is requantized byte for byte where it lies.
//
// Only tensors nobody else can see are placed so: written by a single-output op, read by this op
// alone, not a graph input or output, not kept for reading after the run.
import { builtinOptions, opName } from '../ir/op-name.js';
import type { Subgraph } from '../ir/types.js';

/** Tensor stored `at` bytes into tensor `of`. */
export interface Inside {
  of: number;
  at: number;
}

const RESHAPES = new Set(['RESHAPE', 'SQUEEZE', 'EXPAND_DIMS']);

export function tensorsInPlace(sg: Subgraph, shapes: readonly (number[] | undefined)[], sizes: readonly number[], keep: ReadonlySet<number>): Map<number, Inside> {
  const readers = new Map<number, number>();
  for (const op of sg.operators) for (const i of op.inputs) if (i >= 0) readers.set(i, (readers.get(i) ?? 0) + 1);
  const singleOutputProducer = new Set<number>();
  for (const op of sg.operators) if (op.outputs.length === 1) singleOutputProducer.add(op.outputs[0]!);
  const visible = new Set([...sg.inputs, ...sg.outputs, ...keep]);
  const hidden = (t: number) => t >= 0 && !sg.tensors[t]!.data && singleOutputProducer.has(t) && readers.get(t) === 1 && !visible.has(t);

  const inside = new Map<number, Inside>();
  for (const op of sg.operators) {
    if (op.op.kind !== 'builtin' || op.outputs.length !== 1) continue;
    const out = op.outputs[0]!;
    const name = opName(op);
    if (RESHAPES.has(name)) {
      const x = op.inputs[0]!;
      if (hidden(x) && sizes[x] === sizes[out]) inside.set(x, { of: out, at: 0 });
    } else if (name === 'CONCATENATION') {
      const shape = shapes[out];
      if (!shape) continue;
      let axis = Number(builtinOptions(op)['axis'] ?? 0);
      if (axis < 0) axis += shape.length;
      if (shape.slice(0, axis).some((d) => d !== 1)) continue; // each input must be one run of the output
      // An input listed twice has two places in the output: it keeps its own slot.
      const once = (i: number) => op.inputs.indexOf(i) === op.inputs.lastIndexOf(i);
      let at = 0;
      for (const i of op.inputs) {
        if (hidden(i) && once(i)) inside.set(i, { of: out, at });
        at += sizes[i]!;
      }
    }
  }
  return inside;
}
