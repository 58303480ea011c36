// Weights-only schemes: activations stay float. dynamic stores int8 per-channel weights, float16 stores
// float16 weights and biases; each stored constant is expanded back to float by a DEQUANTIZE op at the
// front of the graph.
import type { Model, Operator, Tensor } from '../../ir/types.js';
import { toFloat16 } from '../numerics/float16.js';
import { AFFINE_OPS } from '../numerics/ranges.js';
import { quantizeWeightsInt8 } from '../numerics/weights.js';
import { addTensor, channelDim, cloneSubgraph, floatData, unaryOp } from './model-edit.js';
import type { QuantizeModelOptions } from './options.js';

function storedFloat16(t: Tensor): Tensor {
  const stored: Tensor = { ...t, name: `${t.name}/float16`, dtype: 'float16', data: toFloat16(floatData(t.data!)) };
  delete stored.quantization;
  return stored;
}

function storedInt8(t: Tensor, opcode: string, o: QuantizeModelOptions): Tensor {
  const dim = channelDim(opcode);
  const q = quantizeWeightsInt8(floatData(t.data!), t.shape, dim, o.backend);
  return {
    ...t,
    name: `${t.name}/int8`,
    dtype: 'int8',
    data: new Uint8Array(q.data.buffer, q.data.byteOffset, q.data.byteLength),
    quantization: { scale: [...q.scales], zeroPoint: [...q.scales].map(() => 0n), quantizedDimension: dim, min: [], max: [] },
  };
}

export function weightsBehindDequantize(model: Model, o: QuantizeModelOptions): Model {
  const sg = cloneSubgraph(model.subgraphs[0]!);
  const T = sg.tensors;
  const front: Operator[] = [];
  const done = new Set<number>();
  const slots = o.scheme === 'float16' ? [1, 2] : [1];
  for (const op of sg.operators) {
    if (op.op.kind !== 'builtin' || !AFFINE_OPS.has(op.op.opcode)) continue;
    for (const s of slots) {
      const i = op.inputs[s];
      if (i === undefined || i < 0 || done.has(i)) continue;
      const t = T[i]!;
      if (t.dtype !== 'float32' || !t.data) continue;
      done.add(i);
      const si = addTensor(sg, o.scheme === 'float16' ? storedFloat16(t) : storedInt8(t, op.op.opcode, o));
      const out: Tensor = { ...t, shape: [...t.shape] };
      delete out.data;
      delete out.quantization;
      T[i] = out;
      front.push(unaryOp('DEQUANTIZE', o.scheme === 'float16' ? 3 : 4, si, i));
    }
  }
  sg.operators = [...front, ...sg.operators];
  return { ...model, description: o.description ?? `liteq quantize --scheme ${o.scheme}`, subgraphs: [sg, ...model.subgraphs.slice(1)] };
}
