// A TFLite file over 2 GB, written by liteq (tensor data after the flatbuffer, Buffer.offset/size — the
// layout TensorFlow's converter uses past 2 GB): it reads back byte for byte, `liteq inspect` and
// `liteq run` accept it, TensorFlow 2.21's interpreter loads and runs it with liteq's outputs, and
// `liteq quantize --scheme dynamic` makes a hybrid model of it that TFLite 2.9 runs bit for bit as
// liteq does. The files live in a temporary directory removed afterwards.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readTflite, writeTflite } from '@liteq/core';
import { makeLargeFloatModel } from '../bench/large-model.mjs';
import { ensureVenv } from '../python-venv.mjs';
import { runTflite } from './tflite-runtime.js';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(HERE, '../../packages/cli/bin/liteq.js');
const dir = mkdtempSync(join(tmpdir(), 'liteq-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUT = Float32Array.from({ length: 16 * 16 * 3 }, (_, i) => Math.sin(i * 0.37) * 2);

async function liteqRun(file: string): Promise<Float32Array> {
  const input = join(dir, 'input.f32');
  await writeFile(input, new Uint8Array(INPUT.buffer));
  const { stdout } = await run('node', [CLI, 'run', file, '--input', input, '--json'], { maxBuffer: 1 << 24 });
  return Float32Array.from((JSON.parse(stdout) as { outputs: { data: number[] }[] }).outputs[0]!.data);
}

describe('a model over 2 GB', () => {
  const file = join(dir, 'large.tflite');

  it('is written with offset buffers and reads back byte for byte', async () => {
    const model = makeLargeFloatModel(2.5 * 2 ** 30, 7);
    const bytes = writeTflite(model);
    expect(bytes.byteLength).toBeGreaterThan(2 ** 31);
    const back = readTflite(bytes);
    const a = model.subgraphs[0]!.tensors, b = back.subgraphs[0]!.tensors;
    expect(b.length).toBe(a.length);
    a.forEach((t, i) => {
      if (!t.data) return expect(b[i]!.data).toBeUndefined();
      expect(Buffer.from(b[i]!.data!.buffer, b[i]!.data!.byteOffset, b[i]!.data!.byteLength).equals(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength))).toBe(true);
    });
    await writeFile(file, bytes);
  }, 300_000);

  it('liteq inspect reads it; TensorFlow 2.21 runs it with liteq run\'s outputs', async () => {
    const { stdout } = await run('node', [CLI, 'inspect', file, '--json'], { maxBuffer: 1 << 26 });
    const summary = JSON.parse(stdout) as { sizeBytes?: number; size?: number; tensors?: unknown[] };
    expect(JSON.stringify(summary)).toMatch(/16384→16384→16384→8192→10/);
    const ours = await liteqRun(file);
    const python = ensureVenv(join(HERE, '../bench/.cache/tf-venv'), 'tensorflow-cpu==2.21.0', 'tensorflow');
    const input = join(dir, 'input.f32'), out = join(dir, 'tf.f32');
    const script = [
      'import sys, numpy as np, tensorflow as tf',
      "it = tf.lite.Interpreter(model_path=sys.argv[1], experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES)",
      'it.allocate_tensors()',
      "it.set_tensor(it.get_input_details()[0]['index'], np.fromfile(sys.argv[2], dtype='<f4').reshape(it.get_input_details()[0]['shape']))",
      'it.invoke()',
      "it.get_tensor(it.get_output_details()[0]['index']).astype('<f4').tofile(sys.argv[3])",
    ].join('\n');
    const r = spawnSync(python, ['-c', script, file, input, out], { encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' } });
    expect(r.status, r.stderr).toBe(0);
    const theirs = new Float32Array((await readFile(out)).buffer.slice(0));
    expect(theirs.length).toBe(10);
    // Float sums over 16384 terms in another order: close, not equal.
    theirs.forEach((v, i) => expect(Math.abs(v - ours[i]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(v))));
  }, 600_000);

  it('quantize --scheme dynamic makes a hybrid model TFLite 2.9 runs bit for bit as liteq does', async () => {
    const q = join(dir, 'dynamic.tflite');
    await run('node', [CLI, 'quantize', file, '--scheme', 'dynamic', '-o', q, '-q']);
    const bytes = new Uint8Array(await readFile(q));
    const model = readTflite(bytes);
    const fc = model.subgraphs[0]!.operators.filter((o) => o.op.kind === 'builtin' && o.op.opcode === 'FULLY_CONNECTED');
    expect(fc.every((o) => model.subgraphs[0]!.tensors[o.inputs[1]!]!.dtype === 'int8')).toBe(true);
    expect(bytes.byteLength).toBeLessThan(0.3 * 2.5 * 2 ** 30);
    const ours = await liteqRun(q);
    const [theirs] = await runTflite(bytes, [new Uint8Array(INPUT.buffer)]);
    expect(Buffer.from(theirs!.bytes).equals(Buffer.from(ours.buffer))).toBe(true);
  }, 600_000);
});
