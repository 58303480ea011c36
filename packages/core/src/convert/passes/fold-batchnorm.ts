// Folds a per-channel multiply that follows CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED (a frozen
// BatchNorm: FusedBatchNorm lowered to MUL+ADD, or an explicit Mul/Add pattern) into the weights and
// the bias. The ADD half is a bias add, which fuse-bias-activation takes. Weights already carrying a
// FakeQuant range are left alone: rescaling them would invalidate the range (QAT graphs fold BN
// before the FakeQuant, which constant folding has already done).
import type { FGraph } from '../../graph/fgraph.js';
import { AFFINE, absorb, channelVector, soleConsumer } from './fuse-util.js';

export function foldBatchNormMul(g: FGraph): number {
  let folded = 0;
  for (const op of [...g.ops]) {
    if (op.op.kind !== 'builtin' || !AFFINE.has(op.op.opcode) || !g.ops.includes(op)) continue;
    const next = soleConsumer(g, op.outputs[0]!);
    if (!next || next.op.kind !== 'builtin' || next.op.opcode !== 'MUL' || next.inputs[0] !== op.outputs[0]) continue;
    if ((next.op.options?.['fusedActivationFunction'] ?? 'NONE') !== 'NONE') continue;
    const w = g.tensors[op.inputs[1]!]!;
    const b = g.tensors[op.inputs[2]!]!;
    const dw = op.op.opcode === 'DEPTHWISE_CONV_2D';
    const channels = dw ? w.shape[3]! : w.shape[0]!;
    const m = channelVector(g, next.inputs[1]!, channels);
    if (!m || w.minmax || !(w.data instanceof Float32Array) || !(b.data instanceof Float32Array)) continue;
    if (g.ops.filter((o) => o.inputs.includes(op.inputs[1]!)).length !== 1) continue;
    const wd = Float32Array.from(w.data);
    const per = wd.length / channels;
    for (let i = 0; i < wd.length; i++) wd[i] = Math.fround(wd[i]! * m[dw ? i % channels : Math.floor(i / per)]!);
    w.data = wd;
    b.data = Float32Array.from(b.data, (v, c) => Math.fround(v * m[c]!));
    absorb(g, op, next);
    folded++;
  }
  return folded;
}
