// BATCH_MATMUL against TFLite 2.9 on random models: ranks 2 to 4 (2.9's limit; liteq takes 5) with broadcast batch dimensions,
// adj_x/adj_y, float operands: TFLite's kernel goes through ruy (another summation order, FMA), so
// outputs agree within 1e-4 relative. Both of liteq's backends.
import { describe, expect, it } from 'vitest';
import { createModel, type BuiltinOptions } from '@liteq/core';
import { Rng, compareWithTflite, singleOpModel } from './single-op.js';

/** Random operand shapes [lhs, rhs] for out [..batch, m, n] with inner k, batch dims broadcast. */
function shapes(rng: Rng, adjX: boolean, adjY: boolean): [number[], number[]] {
  const m = rng.pick([1, 3, 5, 16]), k = rng.pick([1, 4, 7, 32, 65]), n = rng.pick([1, 2, 9, 24]);
  const batch = Array.from({ length: rng.pick([0, 1, 1, 2]) }, () => rng.pick([1, 2, 3])); // TFLite 2.9: rank <= 4
  const lhsBatch = batch.map((d) => (rng.next() < 0.25 ? 1 : d)).slice(rng.pick([0, 0, 1]));
  const rhsBatch = batch.map((d) => (rng.next() < 0.25 ? 1 : d)).slice(rng.pick([0, 0, 1]));
  return [
    [...lhsBatch, ...(adjX ? [k, m] : [m, k])],
    [...rhsBatch, ...(adjY ? [n, k] : [k, n])],
  ];
}

const options = (adjX: boolean, adjY: boolean, asym = false): BuiltinOptions =>
  ({ type: 'BatchMatMulOptions', adjX, adjY, asymmetricQuantizeInputs: asym }) as BuiltinOptions;

describe('BATCH_MATMUL matches TFLite 2.9', () => {
  it('float: 60 random models (both operands inputs, or a constant RHS), within 1e-4', async () => {
    const rng = new Rng(3131);
    const failures: string[] = [];
    for (let i = 0; i < 60; i++) {
      const adjX = rng.next() < 0.4, adjY = rng.next() < 0.4;
      const [ls, rs] = shapes(rng, adjX, adjY);
      const constant = rng.next() < 0.4;
      const n = rs.reduce((a, b) => a * b, 1);
      const model = singleOpModel({
        opcode: 'BATCH_MATMUL',
        options: options(adjX, adjY),
        inputs: [{ shape: ls, dtype: 'float32' }, { shape: rs, dtype: 'float32', ...(constant ? { data: rng.floats(n, -2, 2) } : {}) }],
        output: { shape: [], dtype: 'float32' },
      });
      const r = await compareWithTflite(model, rng, { threads: rng.pick([1, 2]) });
      if (r.maxError > 1e-4 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`[${ls}]${adjX ? 'ᵀ' : ''} x [${rs}]${adjY ? 'ᵀ' : ''} const=${constant}: max error ${r.maxError}, shapes ${r.shapeTflite} / ${r.shapeLiteq}`);
    }
    expect(failures).toEqual([]);
  });

  it('the hybrid form (int8 constant RHS) is refused by name, not run', async () => {
    const model = singleOpModel({
      opcode: 'BATCH_MATMUL',
      options: options(false, false, true),
      inputs: [{ shape: [2, 3], dtype: 'float32' }, { shape: [3, 4], dtype: 'int8', data: new Uint8Array(12), scale: [0.1], zeroPoint: [0] }],
      output: { shape: [], dtype: 'float32' },
    });
    await expect(createModel(model, { backend: 'native' })).rejects.toThrow(/BATCH_MATMUL: float32 × int8 .*hybrid/);
  });
});
