// SLICE, STRIDED_SLICE (unit strides: begin/end masks, negative bounds, shrink_axis), SPLIT, SPLIT_V and
// REVERSE_V2 against TFLite 2.9 on random single-op models: every output byte for byte, on both of
// liteq's backends. What the unrolled Keras LSTM/GRU/SimpleRNN loops need (test/src/recurrent-quantize.test.ts
// runs those whole).
import { describe, expect, it } from 'vitest';
import { createModel, readTflite, writeTflite, type BuiltinOptions, type DType, type Model, type Tensor } from '@liteq/core';
import { runTflite } from '../tflite-runtime.js';
import { Rng, int32Data, singleOpModel, type TensorSpec } from './single-op.js';

const DTYPES = ['float32', 'int8', 'uint8', 'int32'] as const;

function spec(rng: Rng, shape: number[], dtype: (typeof DTYPES)[number]): TensorSpec {
  return dtype === 'int8' || dtype === 'uint8' ? { shape, dtype, scale: [0.1], zeroPoint: [dtype === 'uint8' ? 128 : 0] } : { shape, dtype };
}

const shapeOf = (rng: Rng, rank: number) => Array.from({ length: rank }, () => rng.int(1, 5));

/** The model with `n` outputs like output 0 (SPLIT): singleOpModel makes one. */
function withOutputs(model: Model, n: number): Model {
  const sg = model.subgraphs[0]!;
  const out = sg.tensors[sg.outputs[0]!]!;
  const extra: Tensor[] = Array.from({ length: n - 1 }, (_, k) => ({ ...out, name: `out${k + 1}`, shape: [...out.shape] }));
  const first = sg.tensors.length;
  const outputs = [sg.outputs[0]!, ...extra.map((_, k) => first + k)];
  const op = { ...sg.operators[0]!, outputs };
  return { ...model, subgraphs: [{ ...sg, tensors: [...sg.tensors, ...extra], operators: [op], outputs }] };
}

/** Every output of liteq (both backends) against TFLite 2.9's, as hex; a mismatch is described. */
async function compare(model: Model, rng: Rng): Promise<string | undefined> {
  const bytes = writeTflite(model);
  const ir = readTflite(bytes);
  const sg = ir.subgraphs[0]!;
  const inputs = sg.inputs.map((i) => {
    const t = sg.tensors[i]!;
    const n = t.shape.reduce((a, b) => a * b, 1);
    return t.dtype === 'float32' ? rng.floats(n, -4, 4) : rng.bytes(n * (t.dtype === 'int32' ? 4 : 1));
  });
  const want = (await runTflite(bytes, inputs)).map((o) => `[${o.shape}] ${Buffer.from(o.bytes).toString('hex')}`);
  for (const backend of ['native', 'wasm'] as const) {
    const m = await createModel(readTflite(bytes), { backend });
    try {
      const typed = inputs.map((b, k) => {
        const dt = sg.tensors[sg.inputs[k]!]!.dtype as DType;
        const buf = b.slice().buffer;
        return dt === 'float32' ? new Float32Array(buf) : dt === 'int8' ? new Int8Array(buf) : dt === 'int32' ? new Int32Array(buf) : new Uint8Array(buf);
      });
      const got = (await m.run(typed)).map((o) => `[${o.shape}] ${Buffer.from(o.data.buffer, o.data.byteOffset, o.data.byteLength).toString('hex')}`);
      if (got.join('|') !== want.join('|')) return `${backend}: ${got.map((g) => g.slice(0, 60)).join(', ')} vs TFLite ${want.map((g) => g.slice(0, 60)).join(', ')}`;
    } finally {
      m.dispose();
    }
  }
  return undefined;
}

describe('SLICE, STRIDED_SLICE, SPLIT, SPLIT_V and REVERSE_V2 match TFLite 2.9', () => {
  it('SLICE: 40 random boxes (size -1 to the end), byte for byte', async () => {
    const rng = new Rng(5101);
    const failures: string[] = [];
    for (let i = 0; i < 40; i++) {
      const dtype = rng.pick(DTYPES);
      const shape = shapeOf(rng, rng.int(1, 4));
      const begin = shape.map((d) => rng.int(0, d - 1));
      const size = shape.map((d, k) => (rng.next() < 0.25 ? -1 : rng.int(1, d - begin[k]!)));
      const model = singleOpModel({
        opcode: 'SLICE',
        inputs: [spec(rng, shape, dtype), { shape: [shape.length], dtype: 'int32', data: int32Data(begin) }, { shape: [shape.length], dtype: 'int32', data: int32Data(size) }],
        output: spec(rng, [], dtype),
      });
      const bad = await compare(model, rng);
      if (bad) failures.push(`${dtype} [${shape}] begin [${begin}] size [${size}]: ${bad}`);
    }
    expect(failures).toEqual([]);
  });

  it('STRIDED_SLICE: 60 random unit-stride slices (masks, negative bounds, shrink_axis), byte for byte', async () => {
    const rng = new Rng(5102);
    const failures: string[] = [];
    let cases = 0;
    while (cases < 60) {
      const dtype = rng.pick(DTYPES);
      const shape = shapeOf(rng, rng.int(1, 4));
      const rank = shape.length;
      const begin = shape.map((d) => rng.int(-d, d - 1));
      const end = shape.map((d) => rng.int(-d, d));
      const mask = () => rng.int(0, (1 << rank) - 1);
      const beginMask = rng.next() < 0.5 ? mask() : 0;
      const endMask = rng.next() < 0.5 ? mask() : 0;
      const shrink = rng.next() < 0.3 ? mask() : 0;
      // Only non-empty outputs (the runner cannot return an empty tensor) with at least one dimension left.
      const norm = (v: number, d: number) => Math.min(d, Math.max(0, v < 0 ? v + d : v));
      const sizes = shape.map((d, k) => {
        const s = beginMask & (1 << k) ? 0 : norm(begin[k]!, d);
        const e = shrink & (1 << k) ? s + 1 : endMask & (1 << k) ? d : norm(end[k]!, d);
        return e - s;
      });
      if (sizes.some((s) => s <= 0) || shrink === (1 << rank) - 1) continue;
      cases++;
      const options: BuiltinOptions = { type: 'StridedSliceOptions', beginMask, endMask, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: shrink, offset: false };
      const model = singleOpModel({
        opcode: 'STRIDED_SLICE',
        options,
        inputs: [spec(rng, shape, dtype), ...[begin, end, shape.map(() => 1)].map((v) => ({ shape: [rank], dtype: 'int32' as const, data: int32Data(v) }))],
        output: spec(rng, [], dtype),
      });
      const bad = await compare(model, rng);
      if (bad) failures.push(`${dtype} [${shape}] begin [${begin}] end [${end}] masks ${beginMask}/${endMask}/${shrink}: ${bad}`);
    }
    expect(failures).toEqual([]);
  });

  it('SPLIT and SPLIT_V: 40 random splits, every output byte for byte', async () => {
    const rng = new Rng(5103);
    const failures: string[] = [];
    for (let i = 0; i < 40; i++) {
      const dtype = rng.pick(DTYPES);
      const v = rng.next() < 0.5;
      const shape = shapeOf(rng, rng.int(1, 4));
      const axis = rng.int(0, shape.length - 1);
      let n: number;
      let sizes: number[] = [];
      if (v) {
        n = rng.int(1, shape[axis]!);
        // n positive sizes adding up to the axis, one of them given as -1 sometimes.
        sizes = new Array<number>(n).fill(1);
        for (let r = shape[axis]! - n; r > 0; r--) sizes[rng.int(0, n - 1)]!++;
        if (rng.next() < 0.4) sizes[rng.int(0, n - 1)] = -1;
      } else {
        shape[axis] = shape[axis]! * rng.int(1, 3);
        const divisors = Array.from({ length: shape[axis]! }, (_, k) => k + 1).filter((k) => shape[axis]! % k === 0);
        n = rng.pick(divisors);
      }
      const axisT: TensorSpec = { shape: [], dtype: 'int32', data: int32Data([rng.next() < 0.3 ? axis - shape.length : axis]) };
      const inputs = v ? [spec(rng, shape, dtype), { shape: [n], dtype: 'int32' as const, data: int32Data(sizes) }, axisT] : [axisT, spec(rng, shape, dtype)];
      const options: BuiltinOptions = v ? { type: 'SplitVOptions', numSplits: n } : { type: 'SplitOptions', numSplits: n };
      const model = withOutputs(singleOpModel({ opcode: v ? 'SPLIT_V' : 'SPLIT', options, inputs, output: spec(rng, [], dtype) }), n);
      const bad = await compare(model, rng);
      if (bad) failures.push(`${v ? 'SPLIT_V' : 'SPLIT'} ${dtype} [${shape}] axis ${axis} into ${n} [${sizes}]: ${bad}`);
    }
    expect(failures).toEqual([]);
  });

  it('REVERSE_V2: 30 random tensors reversed along one axis, byte for byte', async () => {
    const rng = new Rng(5104);
    const failures: string[] = [];
    for (let i = 0; i < 30; i++) {
      const dtype = rng.pick(DTYPES);
      const shape = shapeOf(rng, rng.int(1, 4));
      const axis = rng.int(0, shape.length - 1);
      const model = singleOpModel({
        opcode: 'REVERSE_V2',
        inputs: [spec(rng, shape, dtype), { shape: [1], dtype: 'int32', data: int32Data([axis]) }],
        output: spec(rng, shape, dtype),
      });
      const bad = await compare(model, rng);
      if (bad) failures.push(`${dtype} [${shape}] axis ${axis}: ${bad}`);
    }
    expect(failures).toEqual([]);
  });
});
