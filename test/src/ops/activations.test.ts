// LOGISTIC, TANH, SOFTMAX, RELU, RELU6, RELU_N1_TO_1, LEAKY_RELU, HARD_SWISH against TFLite 2.9.
// uint8/int8 must be bit-exact (LOGISTIC/TANH/SOFTMAX use TFLite's float lookup tables). Float
// outputs are identical for the RELU family, LEAKY_RELU and HARD_SWISH; LOGISTIC, TANH and SOFTMAX
// use Eigen's vectorized exp/tanh in TFLite, so they are compared within 1e-5 relative.
import { describe, expect, it } from 'vitest';
import { Rng, compareWithTflite, randomScale, randomZeroPoint, singleOpModel, type QKind, type TensorSpec } from './single-op.js';

const OPS = ['LOGISTIC', 'TANH', 'SOFTMAX', 'RELU', 'RELU6', 'RELU_N1_TO_1', 'LEAKY_RELU', 'HARD_SWISH'];
const APPROX_FLOAT = new Set(['LOGISTIC', 'TANH', 'SOFTMAX']);

function outputQuant(rng: Rng, opcode: string, dtype: QKind, input: TensorSpec): Partial<TensorSpec> {
  if (dtype === 'float32') return {};
  if (opcode === 'LOGISTIC' || opcode === 'SOFTMAX') return { scale: [1 / 256], zeroPoint: [dtype === 'uint8' ? 0 : -128] };
  if (opcode === 'TANH') return { scale: [1 / 128], zeroPoint: [dtype === 'uint8' ? 128 : 0] };
  if (opcode.startsWith('RELU') && rng.next() < 0.5) return { scale: input.scale, zeroPoint: input.zeroPoint };
  // HARD_SWISH needs s_out >= s_in / 128 (TFLite's non-positive output exponent).
  return { scale: [randomScale(rng, false, 0.01, 0.2)], zeroPoint: [randomZeroPoint(rng, dtype)] };
}

describe.each(OPS)('%s matches TFLite 2.9', (opcode) => {
  it('on 60 random single-op models', async () => {
    const rng = new Rng(opcode.length * 1000 + opcode.charCodeAt(1));
    const failures: string[] = [];
    for (let i = 0; i < 60; i++) {
      const dtype = rng.pick(['uint8', 'int8', 'uint8', 'int8', 'float32'] as const) as QKind;
      const shape = Array.from({ length: rng.int(1, 4) }, () => rng.pick([1, 2, 3, 8]));
      shape[shape.length - 1] = rng.pick([1, 3, 17, 91, 1001]);
      const input: TensorSpec = dtype === 'float32' ? { shape, dtype } : { shape, dtype, scale: [randomScale(rng, rng.next() < 0.3, 0.004, 0.3)], zeroPoint: [randomZeroPoint(rng, dtype)] };
      const options = opcode === 'SOFTMAX' ? { type: 'SoftmaxOptions', beta: rng.pick([1, 0.5, 2.5, Math.fround(0.1)]) }
        : opcode === 'LEAKY_RELU' ? { type: 'LeakyReluOptions', alpha: Math.fround(rng.pick([0.2, 0.1, 0.01, 0.3])) } : undefined;
      const model = singleOpModel({ opcode, options, inputs: [input], output: { shape: [], dtype, ...outputQuant(rng, opcode, dtype, input) } });
      const r = await compareWithTflite(model, rng);
      const ok = dtype === 'float32' && APPROX_FLOAT.has(opcode) ? r.maxError <= 1e-5 : r.differing === 0;
      if (!ok || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${opcode} ${dtype} [${shape}] s=${input.scale}: ${r.differing}/${r.count} differ, max error ${r.maxError}`);
    }
    expect(failures).toEqual([]);
  });
});
