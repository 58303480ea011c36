// CONCATENATION against TFLite 2.9, bit-exact: 1-4 inputs, ranks 1-4, every axis (negative too);
// uint8 inputs with their own scales/zero points (requantized as ConcatenationWithScaling) or the
// output's (copied); int8 / int32 / float32 copies.
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
});
