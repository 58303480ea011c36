// Small edits the schemes make to an IR subgraph: copies that leave the input model untouched, new
// tensors and ops, per-tensor quantization records.
import type { BuiltinOp, Operator, Quantization, Subgraph, Tensor } from '../../ir/types.js';
import { copyOpCode } from '../../ir/op-name.js';

export { floatData } from '../../graph/from-model.js';

export function cloneOp(o: Operator): Operator {
  return { ...o, op: copyOpCode(o.op), inputs: [...o.inputs], outputs: [...o.outputs], intermediates: [...o.intermediates], mutatingVariableInputs: [...o.mutatingVariableInputs] };
}

export function cloneSubgraph(sg: Subgraph): Subgraph {
  return { ...sg, tensors: sg.tensors.map((t) => ({ ...t, shape: [...t.shape] })), operators: sg.operators.map(cloneOp), inputs: [...sg.inputs], outputs: [...sg.outputs] };
}

export const builtinOp = (opcode: string, version = 1): BuiltinOp => ({ kind: 'builtin', opcode, version });

/** A one-input, one-output op (QUANTIZE, DEQUANTIZE). */
export const unaryOp = (opcode: string, version: number, input: number, output: number): Operator => ({
  op: builtinOp(opcode, version),
  inputs: [input],
  outputs: [output],
  intermediates: [],
  mutatingVariableInputs: [],
});

export const perTensor = (scale: number, zeroPoint: number, min?: number, max?: number): Quantization => ({
  scale: [Math.fround(scale)],
  zeroPoint: [BigInt(zeroPoint)],
  quantizedDimension: 0,
  min: min !== undefined ? [Math.fround(min)] : [],
  max: max !== undefined ? [Math.fround(max)] : [],
});

export function addTensor(sg: Subgraph, t: Tensor): number {
  sg.tensors.push(t);
  return sg.tensors.length - 1;
}

/** Weight dim carrying the output channel: 0 for CONV_2D/FULLY_CONNECTED, 3 for DEPTHWISE_CONV_2D. */
export const channelDim = (opcode: string) => (opcode === 'DEPTHWISE_CONV_2D' ? 3 : 0);
