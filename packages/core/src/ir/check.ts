// Structural checks of an IR subgraph before a pass that rewrites it (the quantizer): operand indices
// in range and present where the op needs them, outputs that are not constants, constant bytes that
// hold their shape. Models read from files pass (the reader checks the same); models built or
// edited in code get a typed error naming the op or tensor instead of a crash deep in a pass.
import { UnsupportedError } from '../errors.js';
import { opName } from './op-name.js';
import { constantBytes, type Subgraph } from './types.js';

/** Ops whose input 2 (the bias) may be omitted (-1); every other operand of every builtin is required. */
const OPTIONAL_BIAS = new Set(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED', 'TRANSPOSE_CONV']);

export function checkSubgraphStructure(sg: Subgraph, what: string): void {
  const n = sg.tensors.length;
  const bad = (msg: string): never => {
    throw new UnsupportedError(`${what}: ${msg}`);
  };
  sg.tensors.forEach((t, i) => {
    if (t.shape.some((d) => !Number.isInteger(d) || d < -1)) bad(`tensor ${i} "${t.name}" has shape [${t.shape.join(',')}]`);
    if (!t.data) return;
    if (t.shape.some((d) => d < 0)) bad(`constant tensor ${i} "${t.name}" has a dynamic shape [${t.shape.join(',')}]`);
    const expected = constantBytes(t.shape, t.dtype);
    if (expected !== undefined && t.data.byteLength !== expected) {
      bad(`constant tensor ${i} "${t.name}" (${t.dtype} [${t.shape.join(',')}]) holds ${t.data.byteLength} bytes, not ${expected}`);
    }
  });
  for (const i of [...sg.inputs, ...sg.outputs]) if (!Number.isInteger(i) || i < 0 || i >= n) bad(`subgraph input/output ${i} is not a tensor`);
  sg.operators.forEach((op, k) => {
    const name = opName(op);
    const where = `op ${k} (${name})`;
    op.inputs.forEach((i, j) => {
      if (i === -1 && (op.op.kind === 'custom' || (j === 2 && OPTIONAL_BIAS.has(name)))) return;
      if (!Number.isInteger(i) || i < 0 || i >= n) bad(`${where}: input ${j} is ${i === -1 ? 'omitted' : `tensor ${i}, out of range`}`);
    });
    op.outputs.forEach((i, j) => {
      if (!Number.isInteger(i) || i < 0 || i >= n) bad(`${where}: output ${j} is tensor ${i}, out of range`);
      if (sg.tensors[i]!.data) bad(`${where}: output ${j} "${sg.tensors[i]!.name}" is a constant`);
    });
  });
}
