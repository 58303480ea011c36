// Builds one-op .tflite models in code and checks liteq against the real TFLite 2.9 runtime on them:
// same random inputs, outputs compared byte for byte (quantized) or within a relative tolerance
// (float, where TFLite's GEMM sums in another order).
import '@liteq/native';
import '@liteq/web';
import { createModel, readTflite, writeTflite, type BuiltinOptions, type DType, type Model, type Operator, type Tensor } from '@liteq/core';
import { runTflite } from '../tflite-runtime.js';

import { Rng } from '../rng.js';

export { Rng };

export interface TensorSpec {
  shape: number[];
  dtype: DType;
  /** Constant data; absent = a graph input fed random values. */
  data?: Uint8Array;
  scale?: number[];
  zeroPoint?: number[];
  quantizedDimension?: number;
}

export interface SingleOp {
  opcode: string;
  options?: BuiltinOptions;
  /** null = optional input omitted (trailing nulls are dropped: TFLite 2.9's CONV_2D rejects -1 bias). */
  inputs: (TensorSpec | null)[];
  /** Output dtype and quantization; its shape is inferred by both runtimes. */
  output: TensorSpec;
}

export const int32Data = (vals: number[]): Uint8Array => new Uint8Array(new Int32Array(vals).buffer);

function irTensor(name: string, s: TensorSpec): Tensor {
  return {
    name,
    shape: s.shape,
    dtype: s.dtype,
    data: s.data,
    isVariable: false,
    hasRank: true,
    quantization: s.scale
      ? { scale: s.scale, zeroPoint: (s.zeroPoint ?? s.scale.map(() => 0)).map(BigInt), quantizedDimension: s.quantizedDimension ?? 0, min: [], max: [] }
      : undefined,
  };
}

export function singleOpModel(spec: SingleOp): Model {
  const inputs = [...spec.inputs];
  while (inputs.length && inputs[inputs.length - 1] === null) inputs.pop();
  const tensors: Tensor[] = [];
  const opInputs: number[] = [];
  const graphInputs: number[] = [];
  inputs.forEach((s, i) => {
    if (!s) return void opInputs.push(-1);
    tensors.push(irTensor(`in${i}`, s));
    opInputs.push(tensors.length - 1);
    if (!s.data) graphInputs.push(tensors.length - 1);
  });
  tensors.push(irTensor('out', spec.output));
  const out = tensors.length - 1;
  const op: Operator = { op: { kind: 'builtin', opcode: spec.opcode, version: 1, options: spec.options }, inputs: opInputs, outputs: [out], intermediates: [], mutatingVariableInputs: [] };
  return { version: 3, description: 'liteq single-op test', subgraphs: [{ name: 'main', tensors, operators: [op], inputs: graphInputs, outputs: [out] }], metadata: [], signatureDefs: [] };
}

/** Random bytes for a graph input: uniform over the integer range, or floats in [-4, 4]. */
/** Random input values: float32 uniform in `float` (default [-4, 4]), other types random bytes. */
function randomInput(rng: Rng, t: Tensor, float: readonly [number, number] = [-4, 4]): Uint8Array {
  const n = t.shape.reduce((a, b) => a * b, 1);
  return t.dtype === 'float32' ? rng.floats(n, float[0], float[1]) : rng.bytes(n * (t.dtype === 'int32' ? 4 : 1));
}

export interface Comparison {
  /** Elements compared. */
  count: number;
  /** Elements whose bytes differ. */
  differing: number;
  /** Largest |a - b| / max(1, |a|) (float) or |a - b| (integers). */
  maxError: number;
  shapeTflite: number[];
  shapeLiteq: number[];
}

/**
 * Runs the model (IR or bytes) in TFLite and in liteq on the same random inputs and compares output 0,
 * on both of liteq's backends (native addon, WebAssembly): the worse of the two is returned.
 */
export async function compareWithTflite(model: Model | Uint8Array, rng: Rng, o: { float?: readonly [number, number]; threads?: number } = {}): Promise<Comparison> {
  const bytes = model instanceof Uint8Array ? model : writeTflite(model);
  const ir = readTflite(bytes);
  const sg = ir.subgraphs[0]!;
  const inputs = sg.inputs.map((i) => randomInput(rng, sg.tensors[i]!, o.float));
  const [expected] = await runTflite(bytes, inputs);
  const native = await compareBackend(ir, inputs, expected!, 'native', o.threads ?? 1);
  const wasm = await compareBackend(ir, inputs, expected!, 'wasm', o.threads ?? 1);
  return native.differing > wasm.differing || native.maxError > wasm.maxError ? native : wasm;
}

async function compareBackend(ir: Model, inputs: Uint8Array[], expected: { bytes: Uint8Array; dtype: DType; shape: number[] }, backend: 'native' | 'wasm', threads: number): Promise<Comparison> {
  const sg = ir.subgraphs[0]!;
  const liteq = await createModel(ir, { threads, backend });
  try {
    const [actual] = await liteq.run(inputs.map((b, i) => typedView(b, sg.tensors[sg.inputs[i]!]!.dtype)));
    const exp = typedView(expected!.bytes, expected!.dtype);
    const act = actual!.data;
    let differing = 0;
    let maxError = 0;
    for (let i = 0; i < exp.length; i++) {
      const a = Number(exp[i]);
      const b = Number(act[i]);
      if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) differing++;
      const err = expected!.dtype === 'float32' ? Math.abs(a - b) / Math.max(1, Math.abs(a)) : Math.abs(a - b);
      if (err > maxError) maxError = err;
    }
    return { count: exp.length, differing, maxError, shapeTflite: expected!.shape, shapeLiteq: actual!.shape };
  } finally {
    liteq.dispose();
  }
}

function typedView(b: Uint8Array, dtype: DType): Float32Array | Uint8Array | Int8Array | Int32Array {
  const c = b.slice();
  switch (dtype) {
    case 'float32':
      return new Float32Array(c.buffer);
    case 'int8':
      return new Int8Array(c.buffer);
    case 'int32':
      return new Int32Array(c.buffer);
    default:
      return c;
  }
}

export const ACTIVATIONS = ['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1'] as const;
export type QKind = 'float32' | 'uint8' | 'int8';

/** A power of two (exact multipliers make rounding ties common) or a log-uniform float32 scale. */
export function randomScale(rng: Rng, pow2: boolean, lo: number, hi: number): number {
  if (pow2) return 2 ** -rng.int(Math.round(-Math.log2(hi)), Math.round(-Math.log2(lo)));
  return Math.fround(lo * Math.exp(rng.next() * Math.log(hi / lo)));
}

export function randomZeroPoint(rng: Rng, dtype: QKind): number {
  if (dtype === 'uint8') return rng.pick([0, 128, 127, rng.int(0, 255)]);
  if (dtype === 'int8') return rng.pick([-128, 0, 1, rng.int(-128, 127)]);
  return 0;
}

/** An activation input of that dtype (quantized with a random scale and zero point). */
export function activation(rng: Rng, dtype: QKind, shape: number[], pow2: boolean): TensorSpec {
  if (dtype === 'float32') return { shape, dtype };
  return { shape, dtype, scale: [randomScale(rng, pow2, 0.004, 0.1)], zeroPoint: [randomZeroPoint(rng, dtype)] };
}
