// PAD / PADV2 against TFLite 2.9, bit-exact: ranks 1-4, random paddings, quantized pad value = the
// output zero point (PAD) or the constant_values tensor (PADV2).
import { describe, expect, it } from 'vitest';
import { Rng, activation, compareWithTflite, int32Data, singleOpModel, type TensorSpec } from './single-op.js';

describe('PAD and PADV2 match TFLite 2.9', () => {
  it('bit-exactly on 100 random single-op models', async () => {
    const rng = new Rng(606);
    const failures: string[] = [];
    for (let i = 0; i < 100; i++) {
      const dtype = rng.pick(['uint8', 'int8', 'float32'] as const);
      const rank = rng.int(1, 4);
      const shape = Array.from({ length: rank }, () => rng.int(1, 6));
      const pads = Array.from({ length: rank * 2 }, () => rng.pick([0, 0, 1, 2, 3]));
      const v2 = rng.next() < 0.4;
      const input = activation(rng, dtype, shape, false);
      const output: TensorSpec = { shape: [], dtype, scale: input.scale, zeroPoint: input.zeroPoint };
      const inputs: TensorSpec[] = [input, { shape: [rank, 2], dtype: 'int32', data: int32Data(pads) }];
      if (v2) inputs.push({ shape: [], dtype, data: dtype === 'float32' ? rng.floats(1) : rng.bytes(1), scale: input.scale, zeroPoint: input.zeroPoint });
      const model = singleOpModel({ opcode: v2 ? 'PADV2' : 'PAD', options: { type: v2 ? 'PadV2Options' : 'PadOptions' }, inputs, output });
      const r = await compareWithTflite(model, rng);
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${v2 ? 'PADV2' : 'PAD'} ${dtype} in=[${shape}] pads=[${pads}]: ${r.differing}/${r.count} differ`);
    }
    expect(failures).toEqual([]);
  });
});
