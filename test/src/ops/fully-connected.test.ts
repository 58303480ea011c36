// FULLY_CONNECTED against TFLite 2.9: uint8 (weight zero points), int8, float32; batches, keep_num_dims,
// optional bias, fused activations, power-of-two scales (ties round half up, like CONV_2D).
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, Rng, activation, compareWithTflite, int32Data, randomScale, randomZeroPoint, singleOpModel, type TensorSpec } from './single-op.js';

describe('FULLY_CONNECTED matches TFLite 2.9', () => {
  it('on 100 random single-op models', async () => {
    const rng = new Rng(303);
    const failures: string[] = [];
    for (let i = 0; i < 100; i++) {
      const dtype = rng.pick(['uint8', 'int8', 'float32'] as const);
      const pow2 = rng.next() < 0.4;
      const depth = rng.pick([1, 7, 32, 100]);
      const units = rng.pick([1, 5, 16]);
      const keep = rng.next() < 0.3;
      const inShape = keep ? [rng.pick([1, 2]), rng.int(1, 3), depth] : [rng.int(1, 4), depth];
      const act = rng.pick(ACTIVATIONS);
      const input = activation(rng, dtype, inShape, pow2);
      const hasBias = rng.next() < 0.8;
      let weights: TensorSpec;
      let bias: TensorSpec | null = null;
      let output: TensorSpec;
      if (dtype === 'float32') {
        weights = { shape: [units, depth], dtype, data: rng.floats(units * depth) };
        if (hasBias) bias = { shape: [units], dtype, data: rng.floats(units) };
        output = { shape: [], dtype };
      } else {
        const ws = randomScale(rng, pow2, 0.002, 0.05);
        const data = rng.bytes(units * depth);
        if (dtype === 'int8') data.forEach((v, k) => v === 128 && (data[k] = 129));
        weights = { shape: [units, depth], dtype, data, scale: [ws], zeroPoint: [dtype === 'uint8' ? rng.pick([128, rng.int(0, 255)]) : 0] };
        const is = input.scale![0]!;
        if (hasBias) bias = { shape: [units], dtype: 'int32', data: int32Data(Array.from({ length: units }, () => rng.int(-3000 * depth, 3000 * depth))), scale: [Math.fround(is * ws)], zeroPoint: [0] };
        const typical = is * ws * Math.sqrt(depth) * 40;
        const os = pow2 ? 2 ** Math.round(Math.log2(typical * rng.pick([0.25, 1, 4]))) : Math.fround(typical * Math.exp((rng.next() - 0.5) * 3));
        output = { shape: [], dtype, scale: [os], zeroPoint: [randomZeroPoint(rng, dtype)] };
      }
      const model = singleOpModel({
        opcode: 'FULLY_CONNECTED',
        options: { type: 'FullyConnectedOptions', fusedActivationFunction: act, weightsFormat: 'DEFAULT', keepNumDims: keep, asymmetricQuantizeInputs: false },
        inputs: [input, weights, bias],
        output,
      });
      const r = await compareWithTflite(model, rng);
      const ok = r.shapeTflite.join() === r.shapeLiteq.join() && (dtype === 'float32' ? r.maxError <= 1e-5 : r.differing === 0);
      if (!ok) failures.push(`${dtype} in=[${inShape}] units=${units} keep=${keep} ${act} bias=${hasBias}: ${r.differing}/${r.count} differ, shapes [${r.shapeTflite}] vs [${r.shapeLiteq}]`);
    }
    expect(failures).toEqual([]);
  });
});
