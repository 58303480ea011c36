// Recurrent models under `liteq quantize --scheme dynamic|float16`: TensorFlow 2.21's converter writes a
// Keras LSTM, GRU or SimpleRNN layer as a WHILE loop whose body subgraph holds the layer's
// FULLY_CONNECTED kernels. liteq quantizes the weights of every subgraph: dynamic makes the body's
// FULLY_CONNECTED layers hybrid (int8 weights read directly, no DEQUANTIZE), float16 and the
// dequantize form put the weights behind DEQUANTIZE ops inside the body. Checked against TensorFlow
// 2.21's own Optimize.DEFAULT models of the same layer: with per-tensor dense kernels (the hybrid
// FULLY_CONNECTED TFLite 2.9 runs) liteq writes TensorFlow's int8 kernels, scales and op versions and
// its outputs are TensorFlow's bit for bit in TensorFlow 2.21, and TFLite 2.9 runs it; TensorFlow's default
// (per-channel, version 12, which TFLite 2.9 cannot load) is the accuracy yardstick for the dequantize
// form and float16. Both backends write models with the same outputs, and `liteq dequantize` gives
// the float weights back in every subgraph. liteq's executor runs these models (the WHILE loop unrolled
// at plan time, plan/unroll.ts) with TensorFlow 2.21's outputs on both backends; a loop whose trip
// count depends on the input is refused by name.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import '@liteq/native';
import '@liteq/web';
import { createModel, readTflite, type Model } from '@liteq/core';
import { runTflite } from './tflite-runtime.js';
import { tfOutputs, tfPython } from './tf-python.js';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(HERE, '../../packages/cli/bin/liteq.js');
const dir = mkdtempSync(join(tmpdir(), 'liteq-recurrent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STEPS = 12;
const FEATURES = 40;
const LAYERS = ['LSTM', 'GRU', 'SimpleRNN'] as const;

// Each layer (80 units, so every kernel has ≥ 1024 elements) with heavy-tailed weights small enough for a stable (non-chaotic) recurrence, converted
// float and with Optimize.DEFAULT.
const MAKE = `
import sys, numpy as np, tensorflow as tf
d = sys.argv[1]
rng = np.random.default_rng(5)
for name in ${JSON.stringify(LAYERS)}:
    inp = tf.keras.Input(shape=(${STEPS}, ${FEATURES}), batch_size=1)
    layer = getattr(tf.keras.layers, name)(80, return_sequences=True)
    m = tf.keras.Model(inp, layer(inp))
    layer.set_weights([(rng.standard_t(5, w.shape) * 0.07).astype(np.float32) for w in layer.get_weights()])
    c = tf.lite.TFLiteConverter.from_keras_model(m)
    open(f'{d}/{name}_float.tflite', 'wb').write(c.convert())
    c = tf.lite.TFLiteConverter.from_keras_model(m)
    c.optimizations = [tf.lite.Optimize.DEFAULT]
    open(f'{d}/{name}_tf_dynamic.tflite', 'wb').write(c.convert())
    # Per-tensor FULLY_CONNECTED kernels: the hybrid form TFLite 2.9 runs (its FULLY_CONNECTED has no
    # per-channel hybrid kernel; TensorFlow 2.21's default writes one, version 12).
    c = tf.lite.TFLiteConverter.from_keras_model(m)
    c.optimizations = [tf.lite.Optimize.DEFAULT]
    c._experimental_disable_per_channel_quantization_for_dense_layers = True
    open(f'{d}/{name}_tf_dynamic_pt.tflite', 'wb').write(c.convert())

# A bidirectional LSTM: two loops, the backward one over REVERSE_V2'd steps.
inp = tf.keras.Input(shape=(${STEPS}, ${FEATURES}), batch_size=1)
layer = tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(48, return_sequences=True))
m = tf.keras.Model(inp, layer(inp))
layer.set_weights([(rng.standard_t(5, w.shape) * 0.07).astype(np.float32) for w in layer.get_weights()])
open(f'{d}/BiLSTM_float.tflite', 'wb').write(tf.lite.TFLiteConverter.from_keras_model(m).convert())
c = tf.lite.TFLiteConverter.from_keras_model(m)
c.optimizations = [tf.lite.Optimize.DEFAULT]
c._experimental_disable_per_channel_quantization_for_dense_layers = True
open(f'{d}/BiLSTM_tf_dynamic_pt.tflite', 'wb').write(c.convert())

# A loop whose trip count depends on the input: not unrollable.
@tf.function(input_signature=[tf.TensorSpec([1, 8], tf.float32)])
def grow(x):
    return tf.while_loop(lambda i, y: tf.reduce_sum(y) < 100.0, lambda i, y: (i + 1, y * 1.5 + 1.0), [tf.constant(0), x])[1]
c = tf.lite.TFLiteConverter.from_concrete_functions([grow.get_concrete_function()], grow)
open(f'{d}/data_dependent_loop.tflite', 'wb').write(c.convert())
`;

const SAMPLES = 6;
const X = Float32Array.from({ length: SAMPLES * STEPS * FEATURES }, (_, i) => Math.sin(i * 0.37) * 1.5 + Math.cos(i * 0.011));
const xFile = join(dir, 'x.f32');

const opcode = (o: Model['subgraphs'][number]['operators'][number]) => (o.op.kind === 'builtin' ? o.op.opcode : o.op.customCode);
const floats = (hex: string) => new Float32Array(new Uint8Array(Buffer.from(hex, 'hex')).buffer);
const maxDiff = (a: string[], b: string[]) => Math.max(...a.map((h, k) => floats(h).reduce((m, v, i) => Math.max(m, Math.abs(v - floats(b[k]!)[i]!)), 0)));

/** The FULLY_CONNECTED ops of the loop body (the subgraph that has them) and the dtype of each one's weights. */
function bodyAffine(file: string) {
  const m = readTflite(new Uint8Array(readFileSync(file)), file);
  expect(m.subgraphs.length).toBe(3); // main, while_cond, while_body
  expect(m.subgraphs[0]!.operators.map(opcode)).toContain('WHILE');
  const body = m.subgraphs.find((sg) => sg.operators.some((o) => opcode(o) === 'FULLY_CONNECTED'))!;
  const fcs = body.operators.filter((o) => opcode(o) === 'FULLY_CONNECTED');
  return { m, body, fcs, weights: fcs.map((o) => body.tensors[o.inputs[1]!]!), ops: body.operators.map(opcode) };
}

describe('recurrent layers (WHILE loops): quantized in every subgraph, run by liteq', () => {
  it('dynamic makes the loop body hybrid, float16 and the dequantize form put its weights behind DEQUANTIZE; outputs checked in TF 2.21 and TFLite 2.9', async () => {
    await tfPython(MAKE, dir);
    writeFileSync(xFile, new Uint8Array(X.buffer));
    const f = (n: string) => join(dir, `${n}.tflite`);
    const names: string[] = [];
    for (const layer of LAYERS) {
      const float = f(`${layer}_float`);
      for (const [tag, args] of [
        ['dynamic', ['--scheme', 'dynamic']],
        ['dynamic_wasm', ['--scheme', 'dynamic', '--backend', 'wasm']],
        ['float16', ['--scheme', 'float16']],
        ['dq', ['--scheme', 'dynamic', '--dynamic-form', 'dequantize']],
      ] as const) {
        await run('node', [CLI, 'quantize', float, '-o', f(`${layer}_${tag}`), ...args]);
      }
      await run('node', [CLI, 'dequantize', f(`${layer}_dynamic`), '-o', f(`${layer}_back`)]);

      const fl = bodyAffine(float);
      expect(fl.weights.every((w) => w.dtype === 'float32' && w.data)).toBe(true);
      // dynamic: every body kernel int8 (one scale), read by the FULLY_CONNECTED itself.
      for (const tag of ['dynamic', 'dynamic_wasm']) {
        const dy = bodyAffine(f(`${layer}_${tag}`));
        expect(dy.weights.length).toBe(fl.weights.length);
        for (const w of dy.weights) {
          expect(w.dtype).toBe('int8');
          expect(w.quantization!.scale.length).toBe(1);
        }
        expect(dy.fcs.every((o) => (o.op.kind === 'builtin' && o.op.options?.['asymmetricQuantizeInputs']) === true)).toBe(true);
        expect(dy.ops).not.toContain('DEQUANTIZE');
      }
      // TensorFlow's per-tensor hybrid kernels, byte for byte, with its op versions.
      const pt = bodyAffine(f(`${layer}_tf_dynamic_pt`));
      const dyn = bodyAffine(f(`${layer}_dynamic`));
      expect(dyn.weights.length).toBe(pt.weights.length);
      dyn.weights.forEach((w, k) => {
        expect(w.shape).toEqual(pt.weights[k]!.shape);
        expect(w.quantization!.scale).toEqual(pt.weights[k]!.quantization!.scale);
        expect(Buffer.compare(Buffer.from(w.data!), Buffer.from(pt.weights[k]!.data!)), `${layer} kernel ${k}`).toBe(0);
        expect(dyn.fcs[k]!.op.kind === 'builtin' && dyn.fcs[k]!.op.version).toBe(pt.fcs[k]!.op.kind === 'builtin' && pt.fcs[k]!.op.version);
      });
      // Smaller than TensorFlow's own dynamic-range file of the same layer.
      expect(statSync(f(`${layer}_dynamic`)).size).toBeLessThan(statSync(f(`${layer}_tf_dynamic`)).size);
      // Each kernel element stored in 1 byte instead of 4 (up to 1 KiB of alignment and parameters).
      const elements = fl.weights.reduce((n, w) => n + w.data!.byteLength / 4, 0);
      expect(statSync(f(`${layer}_dynamic`)).size).toBeLessThanOrEqual(statSync(float).size - 3 * elements + 1024);
      // float16 / the dequantize form: the body's kernels are DEQUANTIZE outputs inside the body.
      for (const [tag, dtype] of [['float16', 'float16'], ['dq', 'int8']] as const) {
        const b = bodyAffine(f(`${layer}_${tag}`));
        const deq = b.body.operators.filter((o) => opcode(o) === 'DEQUANTIZE');
        // (float16 stores the FULLY_CONNECTED biases float16 too)
        if (tag === 'dq') expect(deq.length).toBe(fl.weights.length);
        else expect(deq.length).toBeGreaterThanOrEqual(fl.weights.length);
        for (const o of b.fcs) {
          const producer = deq.find((d) => d.outputs[0] === o.inputs[1]);
          expect(producer, `${layer} ${tag}: a body FULLY_CONNECTED reads a DEQUANTIZE output`).toBeDefined();
          expect(b.body.tensors[producer!.inputs[0]!]!.dtype).toBe(dtype);
        }
      }
      // dequantize: float kernels again, in the body too.
      const back = bodyAffine(f(`${layer}_back`));
      expect(back.weights.every((w) => w.dtype === 'float32' && w.data && !w.quantization?.scale.length)).toBe(true);
      names.push(...['float', 'tf_dynamic', 'tf_dynamic_pt', 'dynamic', 'dynamic_wasm', 'float16', 'dq', 'back'].map((t) => `${layer}_${t}`));
    }

    names.push('BiLSTM_float', 'BiLSTM_tf_dynamic_pt');
    const outs = await tfOutputs(xFile, 'float32', [1, STEPS, FEATURES], names.map(f));
    const by = Object.fromEntries(names.map((n, i) => [n, outs[i]!]));
    for (const layer of LAYERS) {
      const o = (t: string) => by[`${layer}_${t}`]!;
      const tfErr = maxDiff(o('tf_dynamic'), o('float'));
      expect(tfErr).toBeGreaterThan(0);
      expect(o('dynamic')).toEqual(o('tf_dynamic_pt'));
      expect(o('dynamic_wasm')).toEqual(o('dynamic'));
      expect(maxDiff(o('dq'), o('float'))).toBeLessThanOrEqual(1.5 * tfErr);
      expect(maxDiff(o('float16'), o('float'))).toBeLessThan(tfErr / 4);
      // The float twin of the hybrid model: its weights are the per-tensor int8 ones, dequantized (no input quantization).
      expect(maxDiff(o('back'), o('float'))).toBeLessThanOrEqual(1.5 * maxDiff(o('tf_dynamic_pt'), o('float')));

      // liteq runs them too (the WHILE loop unrolled, plan/unroll.ts), on both backends: float and
      // float16 with TensorFlow 2.21's outputs to float rounding, the hybrid ones within a small part
      // of their quantization error (a float rounding apart before a run-time input quantization can
      // move one int8 step).
      // (tf_dynamic: TensorFlow's default, per-channel FULLY_CONNECTED version 12, which liteq runs as TensorFlow 2.21 does.)
      for (const t of ['float', 'float16', 'dynamic', 'tf_dynamic_pt', 'tf_dynamic']) {
        const ir = readTflite(new Uint8Array(readFileSync(f(`${layer}_${t}`))));
        for (const backend of ['native', 'wasm'] as const) {
          const m = await createModel(ir, { backend, threads: 1 });
          try {
            const ours: string[] = [];
            for (let k = 0; k < SAMPLES; ++k) {
              const [y] = await m.run([X.slice(k * STEPS * FEATURES, (k + 1) * STEPS * FEATURES)]);
              ours.push(Buffer.from(y!.data.buffer, y!.data.byteOffset, y!.data.byteLength).toString('hex'));
            }
            const d = maxDiff(ours, o(t));
            const hybrid = t === 'dynamic' || t.startsWith('tf_dynamic');
            expect(d, `${layer} ${t} on liteq's ${backend} backend`).toBeLessThanOrEqual(hybrid ? 0.02 * maxDiff(o(t), o('float')) : 1e-5);
          } finally {
            m.dispose();
          }
        }
      }

      // TFLite 2.9 runs liteq's models with TensorFlow 2.21's outputs (to float rounding: the two
      // runtimes' float LOGISTIC/TANH differ in the last bits).
      for (const t of ['dynamic', 'float16']) {
        const model = new Uint8Array(readFileSync(f(`${layer}_${t}`)));
        for (let k = 0; k < 3; ++k) {
          const x = new Uint8Array(X.buffer, k * STEPS * FEATURES * 4, STEPS * FEATURES * 4);
          const [y] = await runTflite(model, [x]);
          const d = maxDiff([Buffer.from(y!.bytes).toString('hex')], [o(t)[k]!]);
          expect(d, `${layer} ${t} sample ${k}`).toBeLessThanOrEqual(0.02 * maxDiff(o(t), o('float')));
        }
      }
    }
    // Two loops, one over reversed steps (REVERSE_V2), float and hybrid: liteq gives TensorFlow's outputs.
    for (const t of ['float', 'tf_dynamic_pt']) {
      const want = by[`BiLSTM_${t}`]!;
      const m = await createModel(readTflite(new Uint8Array(readFileSync(f(`BiLSTM_${t}`)))), { backend: 'native', threads: 1 });
      try {
        expect(m.kernels).toContain('reverse');
        const ours: string[] = [];
        for (let k = 0; k < SAMPLES; ++k) {
          const [y] = await m.run([X.slice(k * STEPS * FEATURES, (k + 1) * STEPS * FEATURES)]);
          ours.push(Buffer.from(y!.data.buffer, y!.data.byteOffset, y!.data.byteLength).toString('hex'));
        }
        expect(maxDiff(ours, want), `BiLSTM ${t}`).toBeLessThanOrEqual(t === 'float' ? 1e-5 : 0.02 * maxDiff(want, by['BiLSTM_float']!));
      } finally {
        m.dispose();
      }
    }

    // A loop whose trip count depends on the input is refused by name, not run wrongly.
    const loop = readTflite(new Uint8Array(readFileSync(f('data_dependent_loop'))));
    await expect(createModel(loop, { backend: 'native' })).rejects.toThrow(/WHILE .*condition computes .* on values known only when the model runs/);
  }, 600_000);
});
