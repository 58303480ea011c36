// GATHER, the comparisons and SELECT / SELECT_V2 against TFLite 2.9 on random single-op models, byte for
// byte on both of liteq's backends; an out-of-range GATHER index fails the run with a typed error naming it
// (TensorFlow 2.21 fails it too; TFLite 2.9 only DCHECKs it and reads past the table); a Keras embedding model (LESS / ADD / SELECT / GATHER, float and as TensorFlow
// 2.21's converter quantizes it: int8 rows, then DEQUANTIZE) runs with TFLite 2.9's outputs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createModel, readTflite, writeTflite } from '@liteq/core';
import { tfPython } from '../tf-python.js';
import { runTflite } from '../tflite-runtime.js';
import { Rng, compareWithTflite, singleOpModel, type TensorSpec } from './single-op.js';


function broadcastShapes(a: number[], b: number[]): number[] | undefined {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1, db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return undefined;
    out.push(da === 1 ? db : da);
  }
  return out;
}

function shapeOf(rng: Rng, rank: number): number[] {
  return Array.from({ length: rank }, () => rng.int(1, 5));
}

function indexBytes(rng: Rng, n: number, size: number, int64: boolean): Uint8Array {
  const v = Array.from({ length: n }, () => rng.int(0, size - 1));
  return int64 ? new Uint8Array(BigInt64Array.from(v.map(BigInt)).buffer) : new Uint8Array(Int32Array.from(v).buffer);
}

describe('GATHER matches TFLite 2.9', () => {
  it('byte for byte on 60 random single-op models (any axis, int32/int64 indices)', async () => {
    const rng = new Rng(4401);
    const failures: string[] = [];
    for (let i = 0; i < 60; i++) {
      const dtype = rng.pick(['float32', 'int8', 'uint8', 'int32'] as const);
      const shape = shapeOf(rng, rng.int(1, 4));
      const axis = rng.int(0, shape.length - 1);
      // (Rank >= 1 indices for a rank-1 table: the runner tfjs-tflite-node wraps TFLite 2.9 in cannot hand
      // back a scalar output.)
      const idxShape = shapeOf(rng, rng.int(shape.length === 1 ? 1 : 0, 2));
      const int64 = rng.next() < 0.3;
      const n = idxShape.reduce((a, b) => a * b, 1);
      const params: TensorSpec = dtype === 'int8' || dtype === 'uint8' ? { shape, dtype, scale: [0.05], zeroPoint: [dtype === 'uint8' ? 128 : 0] } : { shape, dtype };
      const indices: TensorSpec = { shape: idxShape, dtype: int64 ? 'int64' : 'int32', data: indexBytes(rng, n, shape[axis]!, int64) };
      const useNegative = rng.next() < 0.3;
      const model = singleOpModel({
        opcode: 'GATHER',
        options: { type: 'GatherOptions', axis: useNegative ? axis - shape.length : axis, batchDims: 0 },
        inputs: [params, indices],
        output: { ...params, shape: [...shape.slice(0, axis), ...idxShape, ...shape.slice(axis + 1)] },
      });
      const r = await compareWithTflite(model, rng).catch((e: Error) => { throw new Error(`${dtype} [${shape}] axis ${axis} indices [${idxShape}] int64=${int64}: ${e.message}`); });
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) {
        failures.push(`${dtype} [${shape}] axis ${axis} indices [${idxShape}]: ${r.differing}/${r.count} differ, shapes ${r.shapeTflite} / ${r.shapeLiteq}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('an index outside the axis fails the run with a typed error naming it', async () => {
    const model = singleOpModel({
      opcode: 'GATHER',
      options: { type: 'GatherOptions', axis: 0, batchDims: 0 },
      inputs: [{ shape: [4, 3], dtype: 'float32' }, { shape: [2], dtype: 'int32', data: new Uint8Array(Int32Array.from([1, 4]).buffer) }],
      output: { shape: [], dtype: 'float32' },
    });
    const bytes = writeTflite(model);
    for (const backend of ['native', 'wasm'] as const) {
      const m = await createModel(readTflite(bytes), { backend });
      try {
        await expect(m.run([new Float32Array(12)])).rejects.toThrow(/gather: index 4 \(position 1\) is outside \[0, 4\)/);
      } finally {
        m.dispose();
      }
    }
  });
});

describe.each(['LESS', 'LESS_EQUAL', 'GREATER', 'GREATER_EQUAL', 'EQUAL', 'NOT_EQUAL'])('%s matches TFLite 2.9', (opcode) => {
  it('byte for byte on 30 random broadcasting single-op models', async () => {
    const rng = new Rng(opcode.length * 131 + opcode.charCodeAt(0));
    const failures: string[] = [];
    for (let i = 0; i < 30; i++) {
      const dtype = rng.pick(['float32', 'int32'] as const);
      const a = shapeOf(rng, rng.int(1, 4));
      // Broadcasting partner: a suffix of a's shape with some dims 1, or a scalar constant.
      const b = rng.next() < 0.2 ? [] : a.slice(rng.int(0, a.length - 1)).map((d) => (rng.next() < 0.3 ? 1 : d));
      const small = (x: number[]) => x.reduce((p, q) => p * q, 1);
      // Small integers make equal pairs common; floats come from a coarse grid for the same reason.
      const constant = (shape: number[]): Uint8Array =>
        dtype === 'int32'
          ? new Uint8Array(Int32Array.from({ length: small(shape) }, () => rng.int(-2, 2)).buffer)
          : new Uint8Array(Float32Array.from({ length: small(shape) }, () => rng.int(-8, 8) / 2).buffer);
      const in2: TensorSpec = { shape: b, dtype, data: constant(b) };
      const swap = rng.next() < 0.5;
      const in1: TensorSpec = { shape: a, dtype };
      const model = singleOpModel({ opcode, inputs: swap ? [in2, in1] : [in1, in2], output: { shape: [], dtype: 'bool' } });
      const r = await compareWithTflite(model, rng, { float: [-4, 4] });
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${dtype} [${a}] vs [${b}] swap=${swap}: ${r.differing}/${r.count} differ`);
    }
    expect(failures).toEqual([]);
  });
});

describe.each(['SELECT', 'SELECT_V2'])('%s matches TFLite 2.9', (opcode) => {
  it('byte for byte on 40 random single-op models', async () => {
    const rng = new Rng(opcode.length * 977);
    const failures: string[] = [];
    for (let i = 0; i < 40; i++) {
      const dtype = rng.pick(['float32', 'int8', 'int32', 'uint8'] as const);
      const x = shapeOf(rng, rng.int(1, 4));
      let c: number[];
      let y = x;
      const kind = rng.int(0, 2);
      if (opcode === 'SELECT') {
        c = kind === 0 ? x : kind === 1 ? [] : [x[0]!]; // alike, scalar, or rank 1 picking rows
      } else {
        c = kind === 0 ? x : x.slice(rng.int(0, x.length - 1)).map((d) => (rng.next() < 0.4 ? 1 : d));
        y = rng.next() < 0.5 ? x : x.map((d) => (rng.next() < 0.4 ? 1 : d));
      }
      const n = c.reduce((p, q) => p * q, 1);
      const cond: TensorSpec = { shape: c, dtype: 'bool', data: Uint8Array.from({ length: n }, () => rng.int(0, 1)) };
      const q = dtype === 'int8' || dtype === 'uint8' ? { scale: [0.1], zeroPoint: [0] } : {};
      const outShape = opcode === 'SELECT' ? x : broadcastShapes(c, broadcastShapes(x, y)!)!;
      const model = singleOpModel({ opcode, inputs: [cond, { shape: x, dtype, ...q }, { shape: y, dtype, ...q }], output: { shape: outShape, dtype, ...q } });
      const r = await compareWithTflite(model, rng).catch((e: Error) => { throw new Error(`${dtype} cond [${c}] x [${x}] y [${y}]: ${e.message}`); });
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${dtype} cond [${c}] x [${x}] y [${y}]: ${r.differing}/${r.count} differ`);
    }
    expect(failures).toEqual([]);
  });
});

describe('a Keras embedding model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liteq-gather-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs in liteq with TFLite 2.9’s outputs, float and as TensorFlow 2.21 quantizes it (int8 rows + DEQUANTIZE)', async () => {
    const script = `
import sys, numpy as np, tensorflow as tf
inp = tf.keras.Input(shape=(8,), dtype=tf.int32, batch_size=1)
emb = tf.keras.layers.Embedding(500, 24)
m = tf.keras.Model(inp, emb(inp))
emb.set_weights([np.random.default_rng(5).normal(0, 0.1, (500, 24)).astype(np.float32)])
open(sys.argv[1] + '/float.tflite', 'wb').write(tf.lite.TFLiteConverter.from_keras_model(m).convert())
c = tf.lite.TFLiteConverter.from_keras_model(m); c.optimizations = [tf.lite.Optimize.DEFAULT]
open(sys.argv[1] + '/dynamic.tflite', 'wb').write(c.convert())
`;
    await tfPython(script, dir);
    const rng = new Rng(77);
    for (const name of ['float', 'dynamic']) {
      const bytes = new Uint8Array(readFileSync(join(dir, `${name}.tflite`)));
      const ops = readTflite(bytes).subgraphs[0]!.operators.map((o) => (o.op.kind === 'builtin' ? o.op.opcode : ''));
      expect(ops).toContain('GATHER');
      expect(ops).toContain('SELECT');
      if (name === 'dynamic') expect(ops.at(-1)).toBe('DEQUANTIZE');
      for (let k = 0; k < 5; k++) {
        const ids = Int32Array.from({ length: 8 }, () => rng.int(-500, 499)); // negative ids wrap
        const [want] = await runTflite(bytes, [new Uint8Array(ids.buffer)]);
        const m = await createModel(readTflite(bytes));
        try {
          const [got] = await m.run([ids]);
          expect(Buffer.from(new Uint8Array((got!.data as Float32Array).buffer)).equals(Buffer.from(want!.bytes))).toBe(true);
        } finally {
          m.dispose();
        }
      }
    }
  }, 300_000);
});
