// Runs a .tflite in the real TFLite 2.9 runtime (tfjs-tflite-node's native binding over
// libtensorflowlite_c), one thread like tools/tflite_reference.py, and hands back raw output bytes in
// the model's own output dtypes so they can be compared byte for byte with reference/*.bin.
import { createRequire } from 'node:module';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { readTflite, type DType } from '@liteq/core';

const require = createRequire(import.meta.url);
const { loadTFLiteModel } = require('tfjs-tflite-node') as {
  loadTFLiteModel(model: ArrayBuffer, options?: { numThreads?: number }): Promise<TfliteModel>;
};

interface TfliteModel {
  inputs: { name: string; shape: number[]; dtype: string }[];
  outputs: { name: string; shape: number[]; dtype: string }[];
  predict(x: tf.Tensor | tf.Tensor[]): tf.Tensor | Record<string, tf.Tensor>;
}

export interface RuntimeOutput {
  name: string;
  dtype: DType;
  shape: number[];
  bytes: Uint8Array;
}

/** Raw tensor bytes (little-endian) → the tfjs tensor tfjs-tflite-node wants (uint8/int8 go in as int32). */
function toTensor(raw: Uint8Array, dtype: DType, shape: number[]): tf.Tensor {
  const buf = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
  switch (dtype) {
    case 'float32': return tf.tensor(new Float32Array(buf), shape, 'float32');
    case 'uint8': return tf.tensor(Int32Array.from(raw), shape, 'int32');
    case 'int8': return tf.tensor(Int32Array.from(new Int8Array(buf)), shape, 'int32');
    case 'int32': return tf.tensor(new Int32Array(buf), shape, 'int32');
    default: throw new Error(`runTflite: input dtype ${dtype} not supported`);
  }
}

function toBytes(values: ArrayLike<number>, dtype: DType): Uint8Array {
  const typed = (() => {
    switch (dtype) {
      case 'float32': return Float32Array.from(values);
      case 'uint8': return Uint8Array.from(values);
      case 'int8': return Int8Array.from(values);
      case 'int32': return Int32Array.from(values);
      case 'int16': return Int16Array.from(values);
      case 'bool': return Uint8Array.from(values, (v) => (v ? 1 : 0));
      default: throw new Error(`runTflite: output dtype ${dtype} not supported`);
    }
  })();
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

/** Loads `model` in TFLite 2.9, feeds `inputs` (raw bytes per subgraph input) and returns every output. */
export async function runTflite(model: Uint8Array, inputs: Uint8Array[]): Promise<RuntimeOutput[]> {
  const ir = readTflite(model);
  const sg = ir.subgraphs[0]!;
  const runner = await loadTFLiteModel(model.slice().buffer, { numThreads: 1 });
  const xs = sg.inputs.map((ti, i) => {
    const t = sg.tensors[ti]!;
    const shape = runner.inputs[i]!.shape;
    return toTensor(inputs[i]!, t.dtype, shape.length ? shape : t.shape);
  });
  try {
    const y = runner.predict(xs.length === 1 ? xs[0]! : xs);
    const byName = y instanceof tf.Tensor ? { [runner.outputs[0]!.name]: y } : y;
    return sg.outputs.map((ti, i) => {
      const t = sg.tensors[ti]!;
      const name = runner.outputs[i]!.name;
      const out = byName[name];
      if (!out) throw new Error(`runTflite: runtime returned no output ${name}`);
      const r = { name, dtype: t.dtype, shape: out.shape.slice(), bytes: toBytes(out.dataSync() as ArrayLike<number>, t.dtype) };
      out.dispose();
      return r;
    });
  } finally {
    xs.forEach((x) => x.dispose());
  }
}
