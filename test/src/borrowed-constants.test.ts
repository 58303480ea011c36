// A model loaded from a file (`loadModel(path)`, `liteq run`) keeps its weights where they are on the
// native backend: the plan borrows the constants from the file's bytes (mapped from 256 MiB on)
// instead of copying them, and a GEMM whose weights were packed at plan time reserves no second copy
// of them in its scratch. Checked on a 256 MiB float FULLY_CONNECTED model (mapped) and a 64 MiB int8
// one (read), each in a fresh process: the outputs equal those of a plan that copies its constants,
// byte for byte; borrowing saves one copy of the weights, and loading the mapped model adds about one
// weight size of anonymous memory (the packed weights) where it used to add three (constants, packed
// weights, and the room to pack them again in the scratch).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTflite } from '@liteq/core';
import { Rng, singleOpModel } from './ops/single-op.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'liteq-borrow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Loads the model twice in one fresh process — by path (borrowed) and from an IR (copied) — and
// prints the anonymous memory each load added, and both outputs (hex).
const PROBE = `
import '@liteq/native';
import { loadModel, createModel, readTflite, readFileLarge } from '@liteq/core';
import { readFileSync } from 'node:fs';
const anon = () => Number(/RssAnon:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
const [file, inputFile, dtype] = process.argv.slice(1);
const raw = new Uint8Array(readFileSync(inputFile));
const x = dtype === 'float32' ? new Float32Array(raw.buffer) : new Int8Array(raw.buffer);
const hex = (o) => Buffer.from(o.data.buffer, o.data.byteOffset, o.data.byteLength).toString('hex');
let a0 = anon();
const borrowed = await loadModel(file, { threads: 1 });
const borrowedBytes = anon() - a0;
const yb = hex((await borrowed.run([x]))[0]);
borrowed.dispose();
a0 = anon();
const ir = readTflite(await readFileLarge(file), file);
const copied = await createModel(ir, { threads: 1 });
const copiedBytes = anon() - a0;
const yc = hex((await copied.run([x]))[0]);
console.log(JSON.stringify({ borrowedBytes, copiedBytes, yb, yc }));
`;

async function probe(file: string, input: Uint8Array, dtype: string) {
  const inputFile = `${file}.input`;
  writeFileSync(inputFile, input);
  const r = await new Promise<{ error: Error | null; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, ['--input-type=module', '-e', PROBE, file, inputFile, dtype], { cwd: resolve(HERE, '..'), encoding: 'utf8', maxBuffer: 1 << 26 }, (error, stdout, stderr) => done({ error, stdout, stderr }));
  });
  expect(r.error, r.stderr.slice(-2000)).toBeNull();
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { borrowedBytes: number; copiedBytes: number; yb: string; yc: string };
}

describe('constants borrowed from the model file', () => {
  it.each([
    ['float32, 256 MiB (mapped)', 'float32', 8192, 8192],
    ['int8, 64 MiB (read)', 'int8', 8192, 8192],
  ] as const)('%s: outputs equal a copying plan; borrowing saves a copy of the weights', async (_label, dtype, units, depth) => {
    const rng = new Rng(7);
    const float = dtype === 'float32';
    const weightBytes = units * depth * (float ? 4 : 1);
    const w = float ? rng.floats(units * depth, -0.05, 0.05) : rng.bytes(weightBytes);
    const bias = float ? rng.floats(units, -1, 1) : new Uint8Array(new Int32Array(units).map((_, i) => (i % 17) * 31 - 200).buffer);
    const q = (scale: number, zp = 0) => (float ? {} : { scale: [scale], zeroPoint: [zp] });
    const model = singleOpModel({
      opcode: 'FULLY_CONNECTED',
      options: { type: 'FullyConnectedOptions', fusedActivationFunction: 'NONE' },
      inputs: [
        { shape: [2, depth], dtype, ...q(0.05, 3) },
        { shape: [units, depth], dtype, data: w, ...q(0.01) },
        { shape: [units], dtype: float ? 'float32' : 'int32', data: bias, ...q(0.0005) },
      ],
      output: { shape: [2, units], dtype, ...q(0.4, -5) },
    });
    const file = join(dir, `${dtype}.tflite`);
    writeFileSync(file, writeTflite(model));
    const input = float ? rng.floats(2 * depth, -2, 2) : rng.bytes(2 * depth);
    const r = await probe(file, input, dtype);
    expect(r.yb).toBe(r.yc);
    expect(r.yb.length).toBe(2 * units * (float ? 8 : 2));
    // Both loads read the file the same way (mapped: no anonymous memory; read: one copy of it). The
    // copying plan adds a copy of the constants; both add the packed weights.
    const mapped = weightBytes >= 2 ** 28;
    expect(r.copiedBytes - r.borrowedBytes).toBeGreaterThan(0.9 * weightBytes);
    expect(r.borrowedBytes).toBeLessThan((mapped ? 1.25 : 2.25) * weightBytes);
  }, 300_000);
});
