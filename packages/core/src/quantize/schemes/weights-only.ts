// Weights-only schemes: activations stay float. float16 stores float16 weights and biases, each
// expanded back to float by a DEQUANTIZE op at the front of the graph. dynamic, by default, writes
// TFLite's dynamic-range (hybrid) format the way TensorFlow's converter does with Optimize.DEFAULT and
// no representative data: FULLY_CONNECTED (int8 per tensor, asymmetric_quantize_inputs), CONV_2D and
// DEPTHWISE_CONV_2D (int8 per output channel) consume their int8 weights directly and quantize their
// inputs at run time; weights of convs without a bias (TFLite 2.9's hybrid convs need one) sit behind
// DEQUANTIZE. Like the converter, weights under 1024 elements stay float.
// `dynamicForm: 'dequantize'` puts every int8 weight behind DEQUANTIZE (for runtimes without hybrid kernels).
import { builtinOptions } from '../../ir/op-name.js';
import type { Model, Operator, Tensor } from '../../ir/types.js';
import { toFloat16 } from '../numerics/float16.js';
import { AFFINE_OPS } from '../numerics/ranges.js';
import { constantName, quantizeWeightsInt8 } from '../numerics/weights.js';
import { addTensor, channelDim, cloneSubgraph, floatData, unaryOp } from './model-edit.js';
import type { QuantizeModelOptions } from './options.js';

function storedFloat16(t: Tensor, o: QuantizeModelOptions): Tensor {
  const stored: Tensor = { ...t, name: `${t.name}/float16`, dtype: 'float16', data: toFloat16(floatData(t.data!), o.backend) };
  delete stored.quantization;
  return stored;
}

function storedInt8(t: Tensor, i: number, opcode: string, o: QuantizeModelOptions): Tensor {
  const dim = channelDim(opcode);
  const q = quantizeWeightsInt8(floatData(t.data!), t.shape, dim, o.backend, constantName(i, t));
  return {
    ...t,
    name: `${t.name}/int8`,
    dtype: 'int8',
    data: new Uint8Array(q.data.buffer, q.data.byteOffset, q.data.byteLength),
    quantization: { scale: [...q.scales], zeroPoint: [...q.scales].map(() => 0n), quantizedDimension: dim, min: [], max: [] },
  };
}

/** TensorFlow's converter leaves weights with fewer elements float (its min_elements default). */
export const HYBRID_MIN_ELEMENTS = 1024;

/** The op reads its int8 weights directly in TFLite 2.9 (hybrid kernel): FULLY_CONNECTED, and the convs with a bias. */
function runsHybrid(op: Operator, T: Tensor[]): boolean {
  if (op.op.kind !== 'builtin' || T[op.inputs[0]!]?.dtype !== 'float32') return false;
  if (op.op.opcode === 'FULLY_CONNECTED') return true;
  return (op.op.opcode === 'CONV_2D' || op.op.opcode === 'DEPTHWISE_CONV_2D') && (op.inputs[2] ?? -1) >= 0;
}

/** int8 weights the op reads itself: per tensor (FULLY_CONNECTED) or per channel (the convs), with TFLite's op version. */
function makeHybrid(op: Operator, T: Tensor[], o: QuantizeModelOptions): void {
  const op_ = op.op as Extract<Operator['op'], { kind: 'builtin' }>;
  const i = op.inputs[1]!;
  const t = T[i]!;
  const fc = op_.opcode === 'FULLY_CONNECTED';
  const dim = fc ? -1 : channelDim(op_.opcode);
  const q = quantizeWeightsInt8(floatData(t.data!), t.shape, dim, o.backend, constantName(i, t));
  T[i] = {
    ...t,
    dtype: 'int8',
    data: new Uint8Array(q.data.buffer, q.data.byteOffset, q.data.byteLength),
    quantization: { scale: [...q.scales], zeroPoint: [...q.scales].map(() => 0n), quantizedDimension: Math.max(0, dim), min: [], max: [] },
  };
  if (fc) {
    const opts: Record<string, unknown> & { type: string } = { ...builtinOptions(op), type: builtinOptions(op).type ?? 'FullyConnectedOptions', asymmetricQuantizeInputs: true };
    op_.options = opts;
    // TFLite 2.9's op_version.cc: no bias 6, keep_num_dims 5, hybrid with asymmetric inputs 9.
    op_.version = Math.max(op_.version, (op.inputs[2] ?? -1) < 0 ? 6 : opts['keepNumDims'] === true ? 5 : 9);
  } else if (op_.opcode === 'CONV_2D') {
    op_.version = Math.max(op_.version, q.scales.length > 1 ? 5 : 2);
  } else {
    op_.version = Math.max(op_.version, 6); // hybrid DEPTHWISE_CONV_2D
  }
}

export function weightsBehindDequantize(model: Model, o: QuantizeModelOptions): Model {
  const sg = cloneSubgraph(model.subgraphs[0]!);
  const T = sg.tensors;
  const front: Operator[] = [];
  const done = new Set<number>();
  const slots = o.scheme === 'float16' ? [1, 2] : [1];
  const hybrid = o.scheme === 'dynamic' && (o.dynamicForm ?? 'hybrid') === 'hybrid';
  // A weight shared by ops of both kinds goes behind DEQUANTIZE for all of them.
  const readers = new Map<number, Operator[]>();
  for (const op of sg.operators) if (op.inputs[1] !== undefined) readers.set(op.inputs[1], [...(readers.get(op.inputs[1]) ?? []), op]);
  for (const op of sg.operators) {
    if (op.op.kind !== 'builtin' || !AFFINE_OPS.has(op.op.opcode)) continue;
    for (const s of slots) {
      const i = op.inputs[s];
      if (i === undefined || i < 0 || done.has(i)) continue;
      const t = T[i]!;
      if (t.dtype !== 'float32' || !t.data) continue;
      if (hybrid && t.data.byteLength / 4 < HYBRID_MIN_ELEMENTS) continue;
      done.add(i);
      if (hybrid && readers.get(i)!.length === 1 && runsHybrid(op, T)) {
        makeHybrid(op, T, o);
        continue;
      }
      const si = addTensor(sg, o.scheme === 'float16' ? storedFloat16(t, o) : storedInt8(t, i, op.op.opcode, o));
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
