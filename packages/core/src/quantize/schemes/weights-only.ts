// Weights-only schemes: activations stay float. float16 stores float16 weights and biases, each
// expanded back to float by a DEQUANTIZE op at the front of the graph. dynamic, by default, writes
// TFLite's dynamic-range (hybrid) format the way TensorFlow's converter does with Optimize.DEFAULT and
// no representative data: FULLY_CONNECTED (int8 per tensor, asymmetric_quantize_inputs), CONV_2D and
// DEPTHWISE_CONV_2D (int8 per output channel) consume their int8 weights directly and quantize their
// inputs at run time; weights of convs without a bias (TFLite 2.9's hybrid convs need one) sit behind
// DEQUANTIZE. Like the converter, weights under 1024 elements stay float.
// GATHER tables (embeddings) as the converter writes them too: dynamic stores the table int8 (per tensor,
// symmetric), GATHER picks int8 rows and a DEQUANTIZE after it gives the float rows, so the table stays
// int8 in memory; float16 stores it float16 behind a DEQUANTIZE at the front, like the other weights.
// `dynamicForm: 'dequantize'` puts every int8 weight behind DEQUANTIZE (for runtimes without hybrid kernels).
import { builtinOptions } from '../../ir/op-name.js';
import type { Model, Operator, Subgraph, Tensor } from '../../ir/types.js';
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
    // TFLite's op_version.cc: two inputs 6 (an omitted bias, -1 in the third slot, still counts as
    // an input: TensorFlow 2.21's converter writes 9 for it), keep_num_dims 5, hybrid with asymmetric inputs 9.
    op_.version = Math.max(op_.version, op.inputs.length < 3 ? 6 : opts['keepNumDims'] === true ? 5 : 9);
  } else if (op_.opcode === 'CONV_2D') {
    op_.version = Math.max(op_.version, q.scales.length > 1 ? 5 : 2);
  } else {
    op_.version = Math.max(op_.version, 6); // hybrid DEPTHWISE_CONV_2D
  }
}

/** GATHER reading int8 rows of its table (quantized in place), its output int8, then DEQUANTIZE to the float output. */
function makeInt8Gather(sg: Subgraph, op: Operator, o: QuantizeModelOptions): Operator {
  const T = sg.tensors;
  const op_ = op.op as Extract<Operator['op'], { kind: 'builtin' }>;
  const i = op.inputs[0]!;
  const t = T[i]!;
  const q = quantizeWeightsInt8(floatData(t.data!), t.shape, -1, o.backend, constantName(i, t));
  const quantization = { scale: [...q.scales], zeroPoint: [0n], quantizedDimension: 0, min: [], max: [] };
  T[i] = { ...t, dtype: 'int8', data: new Uint8Array(q.data.buffer, q.data.byteOffset, q.data.byteLength), quantization };
  const out = op.outputs[0]!;
  const rows: Tensor = { ...T[out]!, name: `${T[out]!.name}/int8`, shape: [...T[out]!.shape], dtype: 'int8', quantization: { ...quantization, scale: [...quantization.scale], zeroPoint: [0n] } };
  const ri = addTensor(sg, rows);
  op.outputs = [ri, ...op.outputs.slice(1)];
  op_.version = Math.max(op_.version, 2); // int8 GATHER (TFLite's op_version.cc)
  return unaryOp('DEQUANTIZE', 2, ri, out);
}

/**
 * The weights-only schemes over every subgraph: the main graph and the bodies of control flow (a
 * WHILE loop's FULLY_CONNECTED layers, as TensorFlow 2.21's converter writes Keras LSTM/GRU/RNN
 * layers, are quantized as in the main graph).
 */
export function weightsBehindDequantize(model: Model, o: QuantizeModelOptions): Model {
  const hybrid = o.scheme === 'dynamic' && (o.dynamicForm ?? 'hybrid') === 'hybrid';
  return { ...model, description: o.description ?? `liteq quantize --scheme ${o.scheme}`, subgraphs: model.subgraphs.map((sg) => subgraphWeights(sg, o, hybrid)) };
}

function subgraphWeights(src: Subgraph, o: QuantizeModelOptions, hybrid: boolean): Subgraph {
  const sg = cloneSubgraph(src);
  const T = sg.tensors;
  const front: Operator[] = [];
  const after = new Map<Operator, Operator>();
  const done = new Set<number>();
  // The constant inputs each scheme stores narrower: affine ops' weights (and float16's biases), GATHER's table.
  const slotsOf = (op: Operator): number[] => {
    if (op.op.kind !== 'builtin') return [];
    if (op.op.opcode === 'GATHER') return [0];
    if (!AFFINE_OPS.has(op.op.opcode)) return [];
    return o.scheme === 'float16' ? [1, 2] : [1];
  };
  // A weight shared by ops of both kinds goes behind DEQUANTIZE for all of them.
  const readers = new Map<number, Operator[]>();
  for (const op of sg.operators) {
    for (const s of slotsOf(op)) {
      const i = op.inputs[s];
      if (i !== undefined && i >= 0) readers.set(i, [...(readers.get(i) ?? []), op]);
    }
  }
  for (const op of sg.operators) {
    const opcode = op.op.kind === 'builtin' ? op.op.opcode : '';
    for (const s of slotsOf(op)) {
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
      if (hybrid && opcode === 'GATHER' && readers.get(i)!.length === 1 && T[op.outputs[0]!]?.dtype === 'float32') {
        after.set(op, makeInt8Gather(sg, op, o));
        continue;
      }
      const si = addTensor(sg, o.scheme === 'float16' ? storedFloat16(t, o) : storedInt8(t, i, opcode, o));
      const out: Tensor = { ...t, shape: [...t.shape] };
      delete out.data;
      delete out.quantization;
      T[i] = out;
      front.push(unaryOp('DEQUANTIZE', o.scheme === 'float16' ? 3 : 4, si, i));
    }
  }
  sg.operators = [...front, ...sg.operators.flatMap((op) => (after.has(op) ? [op, after.get(op)!] : [op]))];
  return sg;
}
