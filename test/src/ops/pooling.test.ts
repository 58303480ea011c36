// AVERAGE_POOL_2D / MAX_POOL_2D against TFLite 2.9, bit-exact for every dtype (float averages are
// summed in the same order): small windows with SAME/VALID and strides, and whole-image windows of
// up to 400 taps (TFLite's uint8 AveragePool32 path).
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, Rng, activation, compareWithTflite, singleOpModel, type TensorSpec } from './single-op.js';

describe('AVERAGE_POOL_2D and MAX_POOL_2D match TFLite 2.9', () => {
  it('bit-exactly on 150 random single-op models', async () => {
    const rng = new Rng(404);
    const failures: string[] = [];
    for (let i = 0; i < 150; i++) {
      const dtype = rng.pick(['uint8', 'int8', 'float32'] as const);
      const avg = rng.next() < 0.6;
      const big = rng.next() < 0.25;
      let [fh, fw, sh, sw] = [rng.int(1, 4), rng.int(1, 4), rng.int(1, 3), rng.int(1, 3)];
      const padding = big ? 'VALID' : rng.pick(['SAME', 'VALID'] as const);
      let [h, w] = [rng.int(1, 12), rng.int(1, 12)];
      if (big) [h, w] = [rng.int(7, 20), rng.int(7, 20)];
      if (big) [fh, fw] = [h - rng.int(0, 2), w - rng.int(0, 2)];
      if (padding === 'VALID') [h, w] = [Math.max(h, fh), Math.max(w, fw)];
      const shape = [rng.pick([1, 2]), h, w, rng.pick([1, 3, 8, 17])];
      const input = activation(rng, dtype, shape, false);
      const output: TensorSpec = { shape: [], dtype, scale: input.scale, zeroPoint: input.zeroPoint };
      const act = rng.pick(ACTIVATIONS);
      const model = singleOpModel({
        opcode: avg ? 'AVERAGE_POOL_2D' : 'MAX_POOL_2D',
        options: { type: 'Pool2DOptions', padding, strideW: sw, strideH: sh, filterWidth: fw, filterHeight: fh, fusedActivationFunction: act },
        inputs: [input],
        output,
      });
      const r = await compareWithTflite(model, rng);
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) {
        failures.push(`${avg ? 'AVG' : 'MAX'} ${dtype} in=[${shape}] filter=${fh}x${fw} stride=${sh}x${sw} ${padding} ${act}: ${r.differing}/${r.count} differ`);
      }
    }
    expect(failures).toEqual([]);
  });
});
