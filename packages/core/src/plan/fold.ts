// Plan-time constant folding: DEQUANTIZE of a constant (fp16 or int8/uint8 weights stored compressed)
// becomes a float32 constant, so kernels that need constant weights (e.g. CONV_2D's filter) see one.
// The values are exactly what TFLite's DEQUANTIZE computes at run time.
import type { Operator, Subgraph, Tensor } from '../ir/types.js';
import { halfToFloat } from '../quantize/numerics/float16.js';

function dequantizeConstant(t: Tensor): Uint8Array | undefined {
  const data = t.data!;
  const n = t.shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (t.dtype === 'float16') {
    if (data.byteLength !== n * 2) return undefined;
    for (let i = 0; i < n; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
    return new Uint8Array(out.buffer);
  }
  if ((t.dtype === 'int8' || t.dtype === 'uint8') && t.quantization && data.byteLength === n) {
    const q = t.quantization;
    const channels = q.scale.length;
    const dim = q.quantizedDimension;
    // Elements between consecutive channel indices along the quantized dimension.
    const inner = channels > 1 ? t.shape.slice(dim + 1).reduce((a, b) => a * b, 1) : 1;
    for (let i = 0; i < n; i++) {
      const c = channels > 1 ? Math.floor(i / inner) % channels : 0;
      const v = t.dtype === 'int8' ? view.getInt8(i) : view.getUint8(i);
      // TFLite: static_cast<float>(double(scale) * (q - zero_point)).
      out[i] = q.scale[c]! * (v - Number(q.zeroPoint[c] ?? 0n));
    }
    return new Uint8Array(out.buffer);
  }
  return undefined;
}

/** A copy of the subgraph with constant DEQUANTIZE ops folded away (the input subgraph is not changed). */
export function foldConstantDequantize(sg: Subgraph): Subgraph {
  const tensors = [...sg.tensors];
  const operators: Operator[] = [];
  for (const op of sg.operators) {
    const input = op.inputs[0] !== undefined ? tensors[op.inputs[0]] : undefined;
    const outIndex = op.outputs[0];
    if (op.op.kind === 'builtin' && op.op.opcode === 'DEQUANTIZE' && input?.data && outIndex !== undefined && !sg.outputs.includes(outIndex)) {
      const folded = dequantizeConstant(input);
      const out = tensors[outIndex];
      if (folded && out && out.dtype === 'float32') {
        tensors[outIndex] = { ...out, shape: [...input.shape], data: folded };
        continue;
      }
    }
    operators.push(op);
  }
  return { ...sg, tensors, operators };
}
