// MEAN against TFLite 2.9. Each of TFLite's arithmetics is hit: the 4-D H,W keep_dims path (uint8
// optimized, int8 reference_integer_ops), same-scale integer division, QuantizedMeanOrSum's float
// path, and float. Quantized results are bit-exact; float within 1e-5 (TFLite sums the last axis with
// Eigen's vectorized reduction).
import { describe, expect, it } from 'vitest';
import { Rng, activation, compareWithTflite, int32Data, randomZeroPoint, singleOpModel, type TensorSpec } from './single-op.js';

describe('MEAN matches TFLite 2.9', () => {
  it('on 150 random single-op models', async () => {
    const rng = new Rng(505);
    const failures: string[] = [];
    for (let i = 0; i < 150; i++) {
      const dtype = rng.pick(['uint8', 'int8', 'float32'] as const);
      const pow2 = rng.next() < 0.3;
      const variant = rng.int(0, 5);
      let shape: number[];
      let axes: number[];
      let keep: boolean;
      if (variant <= 2) {
        shape = [rng.pick([1, 2]), rng.int(1, 9), rng.int(1, 9), rng.pick([1, 3, 8, 17, 40])];
        axes = rng.pick([[1, 2], [2, 1], [1, 2], [-3, -2]]);
        keep = variant !== 2;
      } else if (variant === 3) {
        shape = [rng.int(1, 3), rng.int(1, 5), rng.int(1, 6), rng.int(1, 7)];
        axes = rng.pick([[3], [0], [1], [0, 2], [-1], [0, 1, 2, 3], [1, 3]]);
        keep = rng.next() < 0.5;
      } else {
        shape = Array.from({ length: rng.int(1, 3) }, () => rng.int(1, 8));
        axes = [rng.int(0, shape.length - 1)];
        keep = rng.next() < 0.5;
      }
      // tfjs-tflite-node cannot return a rank-0 output: keep a dimension when every axis is reduced.
      if (new Set(axes.map((a) => (a < 0 ? a + shape.length : a))).size === shape.length) keep = true;
      const input = activation(rng, dtype, shape, pow2);
      let output: TensorSpec;
      if (dtype === 'float32') output = { shape: [], dtype };
      else if (rng.next() < 0.3) output = { shape: [], dtype, scale: input.scale, zeroPoint: input.zeroPoint };
      else {
        const s = input.scale![0]!;
        output = { shape: [], dtype, scale: [pow2 ? s * rng.pick([0.5, 1, 2]) : Math.fround(s * Math.exp((rng.next() - 0.5) * 1.5))], zeroPoint: [randomZeroPoint(rng, dtype)] };
      }
      const model = singleOpModel({
        opcode: 'MEAN',
        options: { type: 'ReducerOptions', keepDims: keep },
        inputs: [input, { shape: [axes.length], dtype: 'int32', data: int32Data(axes) }],
        output,
      });
      const r = await compareWithTflite(model, rng);
      const ok = r.shapeTflite.join() === r.shapeLiteq.join() && (dtype === 'float32' ? r.maxError <= 1e-5 : r.differing === 0);
      if (!ok) failures.push(`${dtype} in=[${shape}] axes=[${axes}] keep=${keep}: ${r.differing}/${r.count} differ, shapes [${r.shapeTflite}] vs [${r.shapeLiteq}]`);
    }
    expect(failures).toEqual([]);
  });
});
