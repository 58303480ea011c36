// Hybrid FULLY_CONNECTED with one weight scale per output unit (version 12): what TensorFlow 2.21's
// converter writes by default with Optimize.DEFAULT (TFLite 2.9 does not load it, so TensorFlow 2.21's
// interpreter is the peer). liteq runs it as TensorFlow does — each batch's input quantized at run time,
// the integer dot product, then (s_in · s_w[unit]) · dot added to the bias — and the float outputs are
// compared bit for bit, on both backends, over random models (symmetric and asymmetric inputs, with
// and without bias, fused activations, several batches).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createModel, readTflite, writeTflite } from '@liteq/core';
import { tfPython } from '../tf-python.js';
import { ACTIVATIONS, Rng, singleOpModel, type TensorSpec } from './single-op.js';

const dir = mkdtempSync(join(tmpdir(), 'liteq-hybrid-pc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// For each (model, input) pair: output 0 in TensorFlow 2.21's builtin kernels, as hex, one line each.
const RUN = `
import sys, numpy as np, tensorflow as tf
for model, x in zip(sys.argv[1::2], sys.argv[2::2]):
    it = tf.lite.Interpreter(model_path=model, experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES)
    it.allocate_tensors()
    d = it.get_input_details()[0]
    it.set_tensor(d['index'], np.fromfile(x, dtype='<f4').reshape(d['shape']))
    it.invoke()
    print(it.get_tensor(it.get_output_details()[0]['index']).astype('<f4').tobytes().hex())
`;

describe('per-channel hybrid FULLY_CONNECTED (version 12) matches TensorFlow 2.21 bit for bit', () => {
  it('60 random models on both backends', async () => {
    const rng = new Rng(1212);
    const cases: { label: string; bytes: Uint8Array; x: Uint8Array }[] = [];
    for (let i = 0; i < 60; i++) {
      const depth = rng.pick([1, 3, 16, 64, 257]);
      const units = rng.pick([2, 4, 17, 32]);
      const batches = rng.pick([1, 1, 2, 5]);
      const asym = rng.next() < 0.6;
      const act = rng.pick(ACTIVATIONS);
      const hasBias = rng.next() < 0.7;
      const base = rng.pick([0.001, 0.0173, 0.5]);
      const scales = Array.from({ length: units }, () => Math.fround(base * (0.25 + rng.next())));
      const [lo, hi] = rng.pick([[-4, 4], [0, 6], [-1, 0.2], [2, 3]] as const);
      const w = rng.bytes(units * depth);
      w.forEach((v, k) => v === 128 && (w[k] = 129)); // [-127, 127], as TensorFlow quantizes weights
      const weights: TensorSpec = { shape: [units, depth], dtype: 'int8', data: w, scale: scales, zeroPoint: scales.map(() => 0), quantizedDimension: 0 };
      const bias: TensorSpec | null = hasBias ? { shape: [units], dtype: 'float32', data: rng.floats(units, -2, 2) } : null;
      const model = singleOpModel({
        opcode: 'FULLY_CONNECTED',
        options: { type: 'FullyConnectedOptions', fusedActivationFunction: act, weightsFormat: 'DEFAULT', keepNumDims: false, asymmetricQuantizeInputs: asym },
        inputs: [{ shape: [batches, depth], dtype: 'float32' }, weights, bias],
        output: { shape: [], dtype: 'float32' },
      });
      const op = model.subgraphs[0]!.operators[0]!;
      if (op.op.kind === 'builtin') op.op.version = 12;
      cases.push({ label: `[${batches},${depth}]x${units} asym=${asym} ${act} bias=${hasBias} inputs [${lo},${hi}]`, bytes: writeTflite(model), x: rng.floats(batches * depth, lo, hi) });
    }
    const args = cases.flatMap((c, i) => {
      writeFileSync(join(dir, `m${i}.tflite`), c.bytes);
      writeFileSync(join(dir, `x${i}.f32`), c.x);
      return [join(dir, `m${i}.tflite`), join(dir, `x${i}.f32`)];
    });
    const want = (await tfPython(RUN, ...args)).trim().split('\n');
    expect(want.length).toBe(cases.length);
    const failures: string[] = [];
    for (const [i, c] of cases.entries()) {
      for (const backend of ['native', 'wasm'] as const) {
        const m = await createModel(readTflite(c.bytes), { backend });
        try {
          const [y] = await m.run([new Float32Array(c.x.slice().buffer)]);
          const got = Buffer.from(y!.data.buffer, y!.data.byteOffset, y!.data.byteLength).toString('hex');
          if (got !== want[i]) {
            const a = new Float32Array(new Uint8Array(Buffer.from(got, 'hex')).buffer), b = new Float32Array(new Uint8Array(Buffer.from(want[i]!, 'hex')).buffer);
            const diffs = [...a.keys()].filter((k) => a[k] !== b[k]).map((k) => `${k}:${a[k]}/${b[k]}`);
            failures.push(`${backend} ${c.label} ${diffs.slice(0, 6).join(' ')}`);
          }
        } finally {
          m.dispose();
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
