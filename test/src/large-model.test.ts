// A TFLite file over 4 GiB — past 2 GB (tensor data after the flatbuffer, Buffer.offset/size: the
// layout TensorFlow's converter uses past 2 GB) and past Node's largest typed array (4 GiB). liteq
// writes it tensor by tensor and reads it back byte for byte; `liteq inspect` and `liteq run` accept it
// and TensorFlow 2.21's interpreter runs it with liteq's outputs; `liteq quantize --scheme dynamic`
// (streaming over the mapped file) makes a hybrid model TFLite 2.9 runs bit for bit as liteq does;
// `--scheme float16` makes a 2.4 GB offset-buffer model, and `liteq dequantize` turns that back into a
// float file over 4 GiB — both run in TensorFlow 2.21 with liteq's outputs. The files live in a
// temporary directory removed afterwards (each as soon as the steps after it no longer need it).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readTflite } from '@liteq/core';
import { tfPython } from './tf-python.js';
import { runTflite } from './tflite-runtime.js';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(HERE, '../../packages/cli/bin/liteq.js');
const dir = mkdtempSync(join(tmpdir(), 'liteq-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIZE = 4.5 * 2 ** 30;
const INPUT = Float32Array.from({ length: 16 * 16 * 3 }, (_, i) => Math.sin(i * 0.37) * 2);
const inputFile = join(dir, 'input.f32');

async function liteqRun(file: string): Promise<Float32Array> {
  await writeFile(inputFile, new Uint8Array(INPUT.buffer));
  const { stdout } = await run('node', [CLI, 'run', file, '--input', inputFile, '--json'], { maxBuffer: 1 << 24 });
  return Float32Array.from((JSON.parse(stdout) as { outputs: { data: number[] }[] }).outputs[0]!.data);
}

/** TensorFlow 2.21's interpreter (builtin kernels) on `file` with INPUT: the first output. */
async function tensorflowRun(file: string): Promise<Float32Array> {
  await writeFile(inputFile, new Uint8Array(INPUT.buffer));
  const out = join(dir, 'tf.f32');
  const script = [
    'import sys, numpy as np, tensorflow as tf',
    "it = tf.lite.Interpreter(model_path=sys.argv[1], experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES)",
    'it.allocate_tensors()',
    "it.set_tensor(it.get_input_details()[0]['index'], np.fromfile(sys.argv[2], dtype='<f4').reshape(it.get_input_details()[0]['shape']))",
    'it.invoke()',
    "it.get_tensor(it.get_output_details()[0]['index']).astype('<f4').tofile(sys.argv[3])",
  ].join('\n');
  await tfPython(script, file, inputFile, out);
  return new Float32Array((await readFile(out)).buffer.slice(0));
}

/** Float sums over 16384 terms in another order: close, not equal. */
function expectClose(theirs: Float32Array, ours: Float32Array): void {
  expect(theirs.length).toBe(10);
  expect(ours.length).toBe(10);
  theirs.forEach((v, i) => expect(Math.abs(v - ours[i]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(v))));
}

describe('a model over 4 GiB', () => {
  const file = join(dir, 'large.tflite');
  const float16 = join(dir, 'float16.tflite');

  it('is written tensor by tensor with offset buffers and reads back byte for byte', async () => {
    // In a child process, so the generated weights (4.5 GiB) are gone before the steps below run.
    const script = `
      import { LargeFile, fileLength, readFileLarge, readTflite, writeModelFile } from '@liteq/core';
      import { makeLargeFloatModel } from ${JSON.stringify(resolve(HERE, '../bench/large-model.mjs'))};
      const model = makeLargeFloatModel(${SIZE}, 7);
      const size = await writeModelFile(process.argv[1], model);
      const bytes = await readFileLarge(process.argv[1]);
      const a = model.subgraphs[0].tensors, b = readTflite(bytes, process.argv[1]).subgraphs[0].tensors;
      const same = a.length === b.length && a.every((t, i) => !t.data ? !b[i].data : Buffer.compare(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength), Buffer.from(b[i].data.buffer, b[i].data.byteOffset, b[i].data.byteLength)) === 0);
      process.stdout.write(JSON.stringify({ size, fileLength: fileLength(bytes), large: bytes instanceof LargeFile, same, description: model.description }));
    `;
    const { stdout } = await run('node', ['--input-type=module', '-e', script, file], { cwd: HERE, maxBuffer: 1 << 20 });
    const r = JSON.parse(stdout) as { size: number; fileLength: number; large: boolean; same: boolean; description: string };
    expect(r.size).toBeGreaterThan(2 ** 32);
    expect(statSync(file).size).toBe(r.size);
    expect(r.fileLength).toBe(r.size);
    expect(r.large).toBe(true);
    expect(r.same).toBe(true);
  }, 900_000);

  it("liteq inspect and run accept it; TensorFlow 2.21 runs it with liteq run's outputs", async () => {
    const { stdout } = await run('node', [CLI, 'inspect', file, '--json'], { maxBuffer: 1 << 26 });
    const summary = JSON.parse(stdout) as { file_bytes: number };
    expect(JSON.stringify(summary)).toMatch(/16384→16384→16384→16384→16384→8192→10/);
    expect(summary.file_bytes).toBe(statSync(file).size);
    expectClose(await tensorflowRun(file), await liteqRun(file));
  }, 900_000);

  it('quantize --scheme dynamic makes a hybrid model TFLite 2.9 runs bit for bit as liteq does', async () => {
    const q = join(dir, 'dynamic.tflite');
    await run('node', [CLI, 'quantize', file, '--scheme', 'dynamic', '-o', q, '-q']);
    const bytes = new Uint8Array(await readFile(q));
    const model = readTflite(bytes);
    const fc = model.subgraphs[0]!.operators.filter((o) => o.op.kind === 'builtin' && o.op.opcode === 'FULLY_CONNECTED');
    expect(fc.every((o) => model.subgraphs[0]!.tensors[o.inputs[1]!]!.dtype === 'int8')).toBe(true);
    expect(bytes.byteLength).toBeLessThan(0.3 * SIZE);
    const ours = await liteqRun(q);
    const [theirs] = await runTflite(bytes, [new Uint8Array(INPUT.buffer)]);
    expect(Buffer.from(theirs!.bytes).equals(Buffer.from(ours.buffer))).toBe(true);
    rmSync(q);
  }, 900_000);

  it('quantize --scheme float16 and dequantize of that (a float file over 4 GiB again): TensorFlow 2.21 runs both with liteq run\'s outputs', async () => {
    await run('node', [CLI, 'quantize', file, '--scheme', 'float16', '-o', float16, '-q']);
    rmSync(file);
    expect(statSync(float16).size).toBeGreaterThan(2 ** 31);
    const ours = await liteqRun(float16);
    expectClose(await tensorflowRun(float16), ours);
    const back = join(dir, 'dequantized.tflite');
    await run('node', [CLI, 'dequantize', float16, '-o', back, '-q']);
    rmSync(float16);
    expect(statSync(back).size).toBeGreaterThan(2 ** 32);
    expectClose(await tensorflowRun(back), ours);
  }, 900_000);
});
