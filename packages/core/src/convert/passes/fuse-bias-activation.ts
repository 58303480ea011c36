// TOCO's FuseBinaryIntoPrecedingAffine (bias half) and FuseActivationFunctions: a constant
// per-channel ADD/SUB after CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED goes into the bias, and a
// RELU / RELU6 / RELU_N1_TO_1 that is the only reader of an op's output becomes that op's fused
// activation. The fused op's output takes the last fused tensor's name (e.g. `…/Relu6`).
import type { FGraph } from '../../graph/fgraph.js';
import { AFFINE, absorb, channelVector, soleConsumer } from './fuse-util.js';

const FUSABLE_ACTIVATION: Record<string, string> = { RELU: 'RELU', RELU6: 'RELU6', RELU_N1_TO_1: 'RELU_N1_TO_1' };
const TAKES_ACTIVATION = new Set(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED', 'ADD', 'SUB', 'MUL', 'AVERAGE_POOL_2D', 'MAX_POOL_2D', 'CONCATENATION']);

export function fuseBiasAdd(g: FGraph): number {
  let fused = 0;
  for (const op of [...g.ops]) {
    if (op.op.kind !== 'builtin' || !AFFINE.has(op.op.opcode) || !g.ops.includes(op)) continue;
    for (;;) {
      if (op.op.options?.['fusedActivationFunction'] !== 'NONE') break;
      const next = soleConsumer(g, op.outputs[0]!);
      if (!next || next.op.kind !== 'builtin' || (next.op.opcode !== 'ADD' && next.op.opcode !== 'SUB') || next.inputs[0] !== op.outputs[0]) break;
      const b = g.tensors[op.inputs[2]!]!;
      const v = channelVector(g, next.inputs[1]!, b.shape[0]!);
      if (!v || !(b.data instanceof Float32Array)) break;
      const sign = next.op.opcode === 'SUB' ? -1 : 1;
      b.data = Float32Array.from(b.data, (x, c) => Math.fround(x + sign * v[c]!));
      const act = next.op.options?.['fusedActivationFunction'] ?? 'NONE';
      absorb(g, op, next);
      op.op.options = { ...op.op.options!, fusedActivationFunction: act };
      fused++;
    }
  }
  return fused;
}

export function fuseActivations(g: FGraph): number {
  let fused = 0;
  for (const op of [...g.ops]) {
    if (op.op.kind !== 'builtin' || !TAKES_ACTIVATION.has(op.op.opcode) || !g.ops.includes(op) || op.outputs.length !== 1) continue;
    if ((op.op.options?.['fusedActivationFunction'] ?? 'NONE') !== 'NONE' || !op.op.options) continue;
    const next = soleConsumer(g, op.outputs[0]!);
    if (!next || next.op.kind !== 'builtin' || !(next.op.opcode in FUSABLE_ACTIVATION)) continue;
    op.op.options = { ...op.op.options, fusedActivationFunction: FUSABLE_ACTIVATION[next.op.opcode]! };
    absorb(g, op, next);
    fused++;
  }
  return fused;
}
