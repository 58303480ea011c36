// Model I/O type edges: a uint8 model given int8 or float inputs/outputs (and the like) through
// QUANTIZE/DEQUANTIZE ops at the graph's edges, as TensorFlow's converter does.
import type { Model, Operator, Tensor } from '../../ir/types.js';
import { addTensor, cloneSubgraph, perTensor, unaryOp } from './model-edit.js';
import type { IoType } from './options.js';

/** Gives the model inputs and outputs the type `io`: QUANTIZE/DEQUANTIZE ops at the edges where needed. */
export function adaptIo(model: Model, io: IoType): Model {
  const sg = cloneSubgraph(model.subgraphs[0]!);
  const want = io === 'float' ? 'float32' : io;
  const pre: Operator[] = [];
  const post: Operator[] = [];
  const edge = (i: number): number => {
    const t = sg.tensors[i]!;
    const q = t.quantization!;
    const zp = Number(q.zeroPoint[0] ?? 0n);
    const e: Tensor = { ...t, shape: [...t.shape], dtype: want };
    if (want === 'float32') delete e.quantization;
    else e.quantization = perTensor(q.scale[0]!, t.dtype === 'uint8' ? zp - 128 : zp + 128, q.min[0], q.max[0]);
    sg.tensors[i] = { ...t, name: `${t.name}/${t.dtype}` };
    return addTensor(sg, e);
  };
  sg.inputs = sg.inputs.map((i) => {
    const t = sg.tensors[i]!;
    if ((t.dtype !== 'uint8' && t.dtype !== 'int8') || t.dtype === want || t.data) return i;
    const e = edge(i);
    pre.push(unaryOp('QUANTIZE', 2, e, i));
    return e;
  });
  sg.outputs = sg.outputs.map((i) => {
    const t = sg.tensors[i]!;
    if ((t.dtype !== 'uint8' && t.dtype !== 'int8') || t.dtype === want) return i;
    const e = edge(i);
    post.push(unaryOp(want === 'float32' ? 'DEQUANTIZE' : 'QUANTIZE', 2, i, e));
    return e;
  });
  sg.operators = [...pre, ...sg.operators, ...post];
  // Signatures name the graph-facing tensors.
  const moved = new Map<number, number>();
  model.subgraphs[0]!.inputs.forEach((i, k) => moved.set(i, sg.inputs[k]!));
  model.subgraphs[0]!.outputs.forEach((o, k) => moved.set(o, sg.outputs[k]!));
  const signatureDefs = model.signatureDefs.map((d) =>
    d.subgraphIndex !== 0
      ? d
      : {
          ...d,
          inputs: d.inputs.map((x) => ({ ...x, tensorIndex: moved.get(x.tensorIndex) ?? x.tensorIndex })),
          outputs: d.outputs.map((x) => ({ ...x, tensorIndex: moved.get(x.tensorIndex) ?? x.tensorIndex })),
        },
  );
  return { ...model, signatureDefs, subgraphs: [sg, ...model.subgraphs.slice(1)] };
}
