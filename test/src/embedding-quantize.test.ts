// Embedding tables (GATHER) under `liteq quantize --scheme dynamic|float16`, against TensorFlow 2.21's own
// converter on the same Keras model (Optimize.DEFAULT, and with supported_types float16): liteq writes
// the table bytes and scale TensorFlow writes — dynamic: an int8 table, GATHER of int8 rows, then
// DEQUANTIZE; float16: a float16 table behind a DEQUANTIZE at the front — and both interpreters
// (TensorFlow 2.21's builtin kernels, TFLite 2.9) give the outputs of TensorFlow's model bit for bit.
// `--dynamic-form dequantize` keeps the table int8 (per row) behind a DEQUANTIZE at the front.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readTflite } from '@liteq/core';
import { runTflite } from './tflite-runtime.js';
import { tfOutputs, tfPython } from './tf-python.js';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(HERE, '../../packages/cli/bin/liteq.js');
const dir = mkdtempSync(join(tmpdir(), 'liteq-embedding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = 3000;
const DIM = 48;

// Keras Embedding (its LESS/ADD/SELECT wrap negative ids) with a heavy-tailed table, converted three ways.
const MAKE = `
import sys, numpy as np, tensorflow as tf
d = sys.argv[1]
inp = tf.keras.Input(shape=(8,), dtype=tf.int32, batch_size=1)
emb = tf.keras.layers.Embedding(${ROWS}, ${DIM})
m = tf.keras.Model(inp, emb(inp))
emb.set_weights([(np.random.default_rng(3).standard_t(4, (${ROWS}, ${DIM})) * 0.05).astype(np.float32)])
def conv(**kw):
    c = tf.lite.TFLiteConverter.from_keras_model(m)
    for k, v in kw.items(): setattr(c, k, v)
    return c
open(d + '/float.tflite', 'wb').write(conv().convert())
open(d + '/tf_dynamic.tflite', 'wb').write(conv(optimizations=[tf.lite.Optimize.DEFAULT]).convert())
c = conv(optimizations=[tf.lite.Optimize.DEFAULT]); c.target_spec.supported_types = [tf.float16]
open(d + '/tf_float16.tflite', 'wb').write(c.convert())
`;

const IDS = Int32Array.from({ length: 16 * 8 }, (_, i) => ((i * 7919) % (2 * ROWS)) - ROWS); // negative ids too
const idsFile = join(dir, 'ids.i32');

function tableOf(file: string) {
  const sg = readTflite(new Uint8Array(readFileSync(file)), file).subgraphs[0]!;
  const t = sg.tensors.find((x) => x.shape.length === 2 && x.shape[0] === ROWS && x.data)!;
  const ops = sg.operators.map((o) => (o.op.kind === 'builtin' ? o.op.opcode : o.op.customCode));
  return { t, ops };
}

describe('embedding tables, as TensorFlow 2.21 quantizes them', () => {
  it('dynamic and float16 write TensorFlow’s tables and graphs; outputs equal TensorFlow’s in TF 2.21 and TFLite 2.9', async () => {
    await tfPython(MAKE, dir);
    writeFileSync(idsFile, new Uint8Array(IDS.buffer));
    const float = join(dir, 'float.tflite');
    for (const [scheme, extra] of [['dynamic', []], ['float16', []], ['dynamic', ['--dynamic-form', 'dequantize']]] as const) {
      const out = join(dir, `liteq_${scheme}${extra.length ? '_dq' : ''}.tflite`);
      await run('node', [CLI, 'quantize', float, '-o', out, '--scheme', scheme, ...extra]);
    }

    // dynamic: int8 table, one scale, the bytes TensorFlow writes; GATHER of int8 rows, then DEQUANTIZE.
    const ours = tableOf(join(dir, 'liteq_dynamic.tflite'));
    const theirs = tableOf(join(dir, 'tf_dynamic.tflite'));
    expect(ours.t.dtype).toBe('int8');
    expect(ours.t.quantization!.scale).toEqual(theirs.t.quantization!.scale);
    expect(ours.t.quantization!.scale.length).toBe(1);
    expect(Buffer.compare(Buffer.from(ours.t.data!), Buffer.from(theirs.t.data!))).toBe(0);
    expect(ours.ops).toEqual(theirs.ops);
    expect(ours.ops.slice(-2)).toEqual(['GATHER', 'DEQUANTIZE']);

    // float16: the float16 table TensorFlow writes, behind a DEQUANTIZE at the front.
    const ours16 = tableOf(join(dir, 'liteq_float16.tflite'));
    const theirs16 = tableOf(join(dir, 'tf_float16.tflite'));
    expect(ours16.t.dtype).toBe('float16');
    expect(Buffer.compare(Buffer.from(ours16.t.data!), Buffer.from(theirs16.t.data!))).toBe(0);
    expect(ours16.ops[0]).toBe('DEQUANTIZE');

    // The dequantize form: int8 rows with a scale each, expanded at the front.
    const dq = tableOf(join(dir, 'liteq_dynamic_dq.tflite'));
    expect(dq.t.dtype).toBe('int8');
    expect(dq.t.quantization!.scale.length).toBe(ROWS);
    expect(dq.ops[0]).toBe('DEQUANTIZE');

    const names = ['tf_dynamic', 'liteq_dynamic', 'tf_float16', 'liteq_float16', 'float', 'liteq_dynamic_dq'];
    const outs = await tfOutputs(idsFile, 'int32', [1, 8], names.map((n) => join(dir, `${n}.tflite`)));
    const by = Object.fromEntries(names.map((n, i) => [n, outs[i]!]));
    expect(by['liteq_dynamic']).toEqual(by['tf_dynamic']);
    expect(by['liteq_float16']).toEqual(by['tf_float16']);
    // Per-row scales (max |row| / 127): each gathered row within half a step of its float values.
    const f = (h: string) => new Float32Array(new Uint8Array(Buffer.from(h, 'hex')).buffer);
    by['float']!.forEach((h, k) => {
      const a = f(h), b = f(by['liteq_dynamic_dq']![k]!);
      for (let r = 0; r < a.length; r += DIM) {
        const row = a.subarray(r, r + DIM);
        const half = Math.max(...row.map(Math.abs)) / 127 / 2;
        row.forEach((v, i) => expect(Math.abs(v - b[r + i]!)).toBeLessThanOrEqual(half * 1.0001));
      }
    });

    // TFLite 2.9 runs liteq's dynamic model with TensorFlow 2.21's outputs.
    const model = new Uint8Array(readFileSync(join(dir, 'liteq_dynamic.tflite')));
    for (let k = 0; k < 4; ++k) {
      const ids = new Uint8Array(IDS.buffer, k * 32, 32);
      const [o] = await runTflite(model, [ids]);
      expect(Buffer.from(o!.bytes).toString('hex')).toBe(by['tf_dynamic']![k]);
    }
  }, 600_000);
});
