// An IR subgraph as a working graph, so post-training uint8 quantization goes through the same
// quantize step as the converter (quantize/schemes/toco-uint8.ts), then back out with exportModel.
import type { Subgraph } from '../ir/types.js';
import type { FGraph, FTensor } from './fgraph.js';
import { copyOpCode } from '../ir/op-name.js';

/** Float32 view of a float tensor's bytes (copied when they are not 4-byte aligned). */
export function floatData(data: Uint8Array): Float32Array {
  const copy = data.byteOffset % 4 === 0 ? data : data.slice();
  return new Float32Array(copy.buffer, copy.byteOffset, copy.byteLength / 4);
}

function int32Data(data: Uint8Array): Int32Array {
  const copy = data.byteOffset % 4 === 0 ? data : data.slice();
  return new Int32Array(copy.buffer, copy.byteOffset, copy.byteLength / 4);
}

/** The subgraph's tensors and ops as a working graph (ops and options copied; constant data shared). */
export function fgraphFromSubgraph(sg: Subgraph): FGraph {
  const tensors: FTensor[] = sg.tensors.map((t) => {
    const f: FTensor = { name: t.name, shape: [...t.shape], hasRank: t.hasRank, dtype: t.dtype };
    if (t.data) {
      if (t.dtype === 'float32') f.data = floatData(t.data);
      else if (t.dtype === 'int32') f.data = int32Data(t.data);
      else f.bytes = t.data;
    }
    if (t.quantization && t.dtype !== 'float32') f.quant = { scale: t.quantization.scale[0] ?? 0, zeroPoint: Number(t.quantization.zeroPoint[0] ?? 0n) };
    return f;
  });
  return {
    tensors,
    ops: sg.operators.map((op) => ({
      node: sg.tensors[op.outputs[0]!]?.name ?? '',
      op: copyOpCode(op.op),
      inputs: [...op.inputs],
      outputs: [...op.outputs],
    })),
    inputs: [...sg.inputs],
    outputs: [...sg.outputs],
  };
}
