// QUANTIZE (float32 -> uint8/int8, uint8 <-> int8 requantization) and DEQUANTIZE (uint8/int8 ->
// float32) against TFLite 2.9, bit-exact. Float inputs include exact rounding ties q + 0.5 (TFLite
// divides by the scale in double, which decides those).
import { describe, expect, it } from 'vitest';
import { createModel, writeTflite, type Model } from '@liteq/core';
import { runTflite } from '../tflite-runtime.js';
import { Rng, compareWithTflite, randomScale, randomZeroPoint, singleOpModel, type TensorSpec } from './single-op.js';

const Q = ['uint8', 'int8'] as const;

describe('QUANTIZE and DEQUANTIZE match TFLite 2.9', () => {
  it('bit-exactly on 150 random single-op models', async () => {
    const rng = new Rng(777);
    const failures: string[] = [];
    for (let i = 0; i < 150; i++) {
      const shape = Array.from({ length: rng.int(1, 4) }, () => rng.pick([1, 2, 3, 8, 17]));
      const kind = rng.pick(['f32', 'f32', 'requant', 'dequant'] as const);
      const q = (dtype: (typeof Q)[number]) => ({ scale: [randomScale(rng, rng.next() < 0.3, 0.004, 0.5)], zeroPoint: [randomZeroPoint(rng, dtype)] });
      let input: TensorSpec;
      let output: TensorSpec;
      if (kind === 'f32') {
        const dtype = rng.pick(Q);
        output = { shape: [], dtype, ...q(dtype) };
        input = { shape, dtype: 'float32' };
        // Constant float inputs on and near rounding ties exercise TFLite's double division.
        if (rng.next() < 0.5) {
          const s = output.scale![0]!;
          const n = shape.reduce((a, b) => a * b, 1);
          const v = Float32Array.from({ length: n }, () => Math.fround((rng.int(-300, 300) + rng.pick([0.5, 0.5, 0.4999999, 0.5000001, rng.next()])) * s));
          input = { shape, dtype: 'float32', data: new Uint8Array(v.buffer) };
        }
      } else if (kind === 'requant') {
        const a = rng.pick(Q);
        const b = rng.pick(Q);
        input = { shape, dtype: a, ...q(a) };
        output = { shape: [], dtype: b, ...q(b) };
        if (rng.next() < 0.3) output = { shape: [], dtype: b, scale: input.scale, zeroPoint: [input.zeroPoint![0]! + (a === b ? 0 : a === 'uint8' ? -128 : 128)] };
      } else {
        const a = rng.pick(Q);
        input = { shape, dtype: a, ...q(a) };
        output = { shape: [], dtype: 'float32' };
      }
      const opcode = kind === 'dequant' ? 'DEQUANTIZE' : 'QUANTIZE';
      const model = singleOpModel({ opcode, inputs: [input.data ? { ...input, data: undefined } : input], output });
      const r = input.data ? await compareConstFloat(model, input.data, rng) : await compareWithTflite(model, rng);
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${opcode} ${kind} ${input.dtype}->${output.dtype} [${shape}]: ${r.differing}/${r.count} differ`);
    }
    expect(failures).toEqual([]);
  });
});

// compareWithTflite with given input bytes (float values on rounding ties) instead of random ones.
async function compareConstFloat(model: Model, data: Uint8Array, _rng: Rng) {
  const bytes = writeTflite(model);
  const [expected] = await runTflite(bytes, [data]);
  const liteq = await createModel(model, { threads: 1 });
  try {
    const [actual] = await liteq.run([new Float32Array(data.slice().buffer)]);
    const exp = expected!.bytes;
    const act = new Uint8Array(actual!.data.buffer, actual!.data.byteOffset, actual!.data.byteLength);
    let differing = 0;
    for (let i = 0; i < exp.length; i++) if (exp[i] !== act[i]) differing++;
    return { count: exp.length, differing, maxError: 0, shapeTflite: expected!.shape, shapeLiteq: actual!.shape };
  } finally {
    liteq.dispose();
  }
}
