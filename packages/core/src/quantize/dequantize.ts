// `dequantize`: a quantized TFLite model (uint8/int8, per tensor or per channel; float16 weights) →
// its float twin. Constants are dequantized exactly as TFLite's DEQUANTIZE computes them, int32
// biases become scale × q, activations become float32 without params, QUANTIZE/DEQUANTIZE ops are
// dropped, and fused activations the quantized range implied (TOCO drops RELU6 when the output range is
// [0, ≤6]) are put back: an op with no fused activation whose quantized output starts at 0 gets RELU6
// when its range ends at ≤ 6, else RELU.
import { UnsupportedError } from '../errors.js';
import type { Model, Operator, Subgraph, Tensor } from '../ir/types.js';
import { dequantizeConstant } from './numerics/dequantize-constant.js';

const ACT_OPS = new Set(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED', 'ADD', 'SUB', 'MUL', 'AVERAGE_POOL_2D', 'MAX_POOL_2D', 'CONCATENATION']);

const isQuantized = (t: Tensor) => (t.dtype === 'uint8' || t.dtype === 'int8') && !!t.quantization && t.quantization.scale.length > 0 && t.quantization.scale[0] !== 0;

/** The float twin of a quantized model (every subgraph: control-flow bodies too); the input model is not changed. */
export function dequantizeModel(model: Model, description = 'liteq dequantize'): Model {
  if (!model.subgraphs[0]) throw new UnsupportedError('model has no subgraph');
  return { ...model, description, subgraphs: model.subgraphs.map(dequantizeSubgraph) };
}

function dequantizeSubgraph(src: Subgraph): Subgraph {
  const tensors: Tensor[] = src.tensors.map((t) => ({ ...t, shape: [...t.shape] }));
  const orig = src.tensors;
  const consumers = new Map<number, Operator[]>();
  for (const op of src.operators) for (const i of op.inputs) if (i >= 0) consumers.set(i, [...(consumers.get(i) ?? []), op]);

  // QUANTIZE/DEQUANTIZE become aliases (output → input).
  const alias = new Map<number, number>();
  const resolve = (i: number): number => {
    while (alias.has(i)) i = alias.get(i)!;
    return i;
  };
  const ops: Operator[] = [];
  for (const op of src.operators) {
    if (op.op.kind === 'builtin' && (op.op.opcode === 'QUANTIZE' || op.op.opcode === 'DEQUANTIZE')) {
      alias.set(op.outputs[0]!, op.inputs[0]!);
      continue;
    }
    ops.push(op);
  }

  tensors.forEach((t, i) => {
    const o = orig[i]!;
    if (o.data && (isQuantized(o) || o.dtype === 'float16' || (o.dtype === 'int32' && o.quantization && o.quantization.scale.length > 0 && o.quantization.scale[0] !== 0 && (consumers.get(i) ?? []).some((c) => c.op.kind === 'builtin' && c.inputs[2] === i)))) {
      const f = dequantizeConstant(o);
      if (!f) throw new UnsupportedError(`tensor ${o.name}: its ${o.data.byteLength} bytes do not hold a [${o.shape.join(',')}] ${o.dtype} tensor`);
      tensors[i] = { ...t, dtype: 'float32', data: new Uint8Array(f.buffer) };
      delete tensors[i]!.quantization;
    } else if (!o.data && (isQuantized(o) || o.dtype === 'float32')) {
      tensors[i] = { ...t, dtype: 'float32' };
      delete tensors[i]!.quantization;
    }
  });

  const operators: Operator[] = ops.map((op) => {
    const out: Operator = { ...op, inputs: op.inputs.map((i) => (i < 0 ? i : resolve(i))), outputs: [...op.outputs], intermediates: [...op.intermediates] };
    if (op.op.kind === 'builtin') {
      const code = op.op.opcode;
      const options = op.op.options ? { ...op.op.options } : undefined;
      const y = orig[op.outputs[0]!];
      if (options && ACT_OPS.has(code) && 'fusedActivationFunction' in options && (options['fusedActivationFunction'] ?? 'NONE') === 'NONE' && y && isQuantized(y)) {
        const q = y.quantization!;
        const zp = Number(q.zeroPoint[0]);
        const qmin = y.dtype === 'uint8' ? 0 : -128;
        const qmax = y.dtype === 'uint8' ? 255 : 127;
        if (zp === qmin && code !== 'CONCATENATION' && code !== 'MAX_POOL_2D' && code !== 'AVERAGE_POOL_2D') {
          const hi = q.scale[0]! * (qmax - zp);
          options['fusedActivationFunction'] = hi <= 6 * (1 + 1e-4) ? 'RELU6' : 'RELU';
        }
      }
      out.op = { ...op.op, ...(options ? { options } : {}) };
    } else out.op = { ...op.op };
    return out;
  });

  // Graph inputs/outputs: a QUANTIZE after an input / DEQUANTIZE before an output disappears.
  const inputs = src.inputs.map((i) => i);
  const outputs = src.outputs.map((i) => resolve(i));
  // An output that was a DEQUANTIZE's output takes the name of the graph-facing tensor.
  src.outputs.forEach((o, k) => {
    const r = outputs[k]!;
    if (r !== o) {
      tensors[r] = { ...tensors[r]!, name: orig[o]!.name };
      tensors[o] = { ...tensors[o]!, name: `${orig[o]!.name}/unused` };
    }
  });
  return { ...src, tensors, operators, inputs, outputs };
}
