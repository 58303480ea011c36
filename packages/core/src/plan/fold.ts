// Plan-time constant folding: DEQUANTIZE of a constant (fp16 or int8/uint8 weights stored compressed)
// becomes a float32 constant, so kernels that need constant weights (e.g. CONV_2D's filter) see one.
// The values are exactly what TFLite's DEQUANTIZE computes at run time.
import type { Operator, Subgraph } from '../ir/types.js';
import { dequantizeConstant } from '../quantize/numerics/dequantize-constant.js';

/** Only the stored forms TFLite's DEQUANTIZE takes as constants (int32 is a bias dtype, not folded). */
const FOLDED = new Set(['float16', 'int8', 'uint8']);

/** A copy of the subgraph with constant DEQUANTIZE ops folded away (the input subgraph is not changed). */
export function foldConstantDequantize(sg: Subgraph): Subgraph {
  const tensors = [...sg.tensors];
  const operators: Operator[] = [];
  for (const op of sg.operators) {
    const input = op.inputs[0] !== undefined ? tensors[op.inputs[0]] : undefined;
    const outIndex = op.outputs[0];
    if (op.op.kind === 'builtin' && op.op.opcode === 'DEQUANTIZE' && input?.data && outIndex !== undefined && !sg.outputs.includes(outIndex)) {
      const folded = FOLDED.has(input.dtype) ? dequantizeConstant(input) : undefined;
      const out = tensors[outIndex];
      if (folded && out && out.dtype === 'float32') {
        tensors[outIndex] = { ...out, shape: [...input.shape], data: new Uint8Array(folded.buffer) };
        continue;
      }
    }
    operators.push(op);
  }
  return { ...sg, tensors, operators };
}
