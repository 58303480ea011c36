// CONCATENATION against TFLite 2.9, bit-exact: 1-4 inputs, ranks 1-4, every axis (negative too);
// uint8 inputs with their own scales/zero points (requantized as ConcatenationWithScaling) or the
// output's (copied); int8 / int32 / float32 copies. Also large ones (SSD's class scores) on 2 and 3
// threads, which copy in 16 KB pieces spread over the threads.
import { describe, expect, it } from 'vitest';
import { Rng, compareWithTflite, randomScale, randomZeroPoint, singleOpModel, type TensorSpec } from './single-op.js';

describe('CONCATENATION matches TFLite 2.9', () => {
  it('bit-exactly on 120 random single-op models', async () => {
    const rng = new Rng(4242);
    const failures: string[] = [];
    for (let i = 0; i < 120; i++) {
      const dtype = rng.pick(['uint8', 'uint8', 'int8', 'float32', 'int32'] as const);
      const rank = rng.int(1, 4);
      const base = Array.from({ length: rank }, () => rng.pick([1, 2, 3, 8, 17]));
      const axis = rng.int(-rank, rank - 1);
      const ax = axis < 0 ? axis + rank : axis;
      const quantized = dtype === 'uint8' || dtype === 'int8';
      const q = () => (quantized ? { scale: [randomScale(rng, rng.next() < 0.3, 0.004, 0.5)], zeroPoint: [randomZeroPoint(rng, dtype)] } : {});
      const outQ = q();
      const inputs: TensorSpec[] = Array.from({ length: rng.int(1, 4) }, () => {
        const shape = base.slice();
        shape[ax] = rng.int(1, 5);
        return { shape, dtype, ...(dtype === 'uint8' && rng.next() < 0.7 ? q() : outQ) };
      });
      const model = singleOpModel({ opcode: 'CONCATENATION', options: { type: 'ConcatenationOptions', axis, fusedActivationFunction: 'NONE' }, inputs, output: { shape: [], dtype, ...outQ } });
      const r = await compareWithTflite(model, rng);
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) {
        failures.push(`${dtype} axis ${axis} [${inputs.map((t) => `[${t.shape}]`).join(' ')}]: ${r.differing}/${r.count} differ`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each([2, 3])('bit-exactly on large concatenations split over %i threads', async (threads) => {
    const rng = new Rng(90 + threads);
    const failures: string[] = [];
    // SSD MobileNet v2's class-score concatenation (6 heads, their own scales), then copies with outer > 1.
    const cases: { dtype: 'uint8' | 'int8' | 'float32'; shapes: number[][]; axis: number }[] = [
      { dtype: 'uint8', shapes: [1083, 600, 150, 54, 24, 6].map((n) => [1, n, 91]), axis: 1 },
      { dtype: 'uint8', shapes: [[3, 40, 300], [3, 7, 300]], axis: 1 },
      { dtype: 'int8', shapes: [[2, 50, 400], [2, 3, 400], [2, 61, 400]], axis: 1 },
      { dtype: 'float32', shapes: [[4, 30, 70], [4, 30, 9]], axis: 2 },
    ];
    for (const c of cases) {
      const q = () => (c.dtype === 'float32' ? {} : { scale: [randomScale(rng, false, 0.004, 0.5)], zeroPoint: [randomZeroPoint(rng, c.dtype)] });
      const outQ = q();
      const inputs: TensorSpec[] = c.shapes.map((shape, k) => ({ shape, dtype: c.dtype, ...(c.dtype === 'uint8' && k % 3 !== 2 ? q() : outQ) }));
      const model = singleOpModel({ opcode: 'CONCATENATION', options: { type: 'ConcatenationOptions', axis: c.axis, fusedActivationFunction: 'NONE' }, inputs, output: { shape: [], dtype: c.dtype, ...outQ } });
      const r = await compareWithTflite(model, rng, { threads });
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${c.dtype} [${c.shapes.map((x) => `[${x}]`).join(' ')}]: ${r.differing}/${r.count} differ`);
    }
    expect(failures).toEqual([]);
  });
});
