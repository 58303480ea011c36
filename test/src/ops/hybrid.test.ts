// Hybrid (dynamic-range) FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D against TFLite 2.9: float inputs, int8 weights,
// float bias and output. The runtime quantizes each input batch itself (symmetric, or asymmetric:
// FULLY_CONNECTED's asymmetric_quantize_inputs, CONV_2D whenever its channel scales differ, depthwise
// always), so liteq
// must reproduce that float arithmetic too: the float outputs are compared bit for bit.
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, Rng, compareWithTflite, singleOpModel, type TensorSpec } from './single-op.js';

const int8Weights = (rng: Rng, n: number) => {
  const w = rng.bytes(n);
  w.forEach((v, k) => v === 128 && (w[k] = 129)); // [-127, 127]
  return w;
};
const floats = (rng: Rng, n: number, lo: number, hi: number) => rng.floats(n, lo, hi);

describe('hybrid ops match TFLite 2.9 bit for bit', () => {
  it('FULLY_CONNECTED: 100 random models (symmetric and asymmetric inputs, with and without bias)', async () => {
    const rng = new Rng(9091);
    const failures: string[] = [];
    for (let i = 0; i < 100; i++) {
      const depth = rng.pick([1, 3, 16, 64, 257]);
      const units = rng.pick([1, 4, 17, 32]);
      const batches = rng.pick([1, 1, 2, 5]);
      const asym = rng.next() < 0.6;
      const act = rng.pick(ACTIVATIONS);
      const hasBias = rng.next() < 0.8;
      const scale = Math.fround(rng.pick([0.001, 0.0173, 0.5]) * (0.5 + rng.next()));
      const [lo, hi] = rng.pick([[-4, 4], [0, 6], [-1, 0.2], [2, 3]] as const);
      const input: TensorSpec = { shape: [batches, depth], dtype: 'float32' };
      const weights: TensorSpec = { shape: [units, depth], dtype: 'int8', data: int8Weights(rng, units * depth), scale: [scale], zeroPoint: [0] };
      const bias: TensorSpec | null = hasBias ? { shape: [units], dtype: 'float32', data: floats(rng, units, -2, 2) } : null;
      const model = singleOpModel({
        opcode: 'FULLY_CONNECTED',
        options: { type: 'FullyConnectedOptions', fusedActivationFunction: act, weightsFormat: 'DEFAULT', keepNumDims: false, asymmetricQuantizeInputs: asym },
        inputs: [input, weights, bias],
        output: { shape: [], dtype: 'float32' },
      });
      const r = await compareWithTflite(model, rng, { float: [lo, hi] });
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`[${batches},${depth}]x${units} asym=${asym} ${act} bias=${hasBias} inputs [${lo},${hi}]: ${r.differing}/${r.count} differ (max ${r.maxError})`);
    }
    expect(failures).toEqual([]);
  });

  it('CONV_2D: 80 random models (per-tensor and per-channel weights, strides, dilation, padding)', async () => {
    const rng = new Rng(4242);
    const failures: string[] = [];
    for (let i = 0; i < 80; i++) {
      const cin = rng.pick([1, 3, 8, 17]);
      const cout = rng.pick([1, 4, 16]);
      const [kh, kw] = rng.pick([[1, 1], [3, 3], [2, 3], [5, 1]] as const);
      const stride = rng.pick([1, 1, 2]);
      const dilation = rng.pick([1, 1, 2]);
      const padding = rng.pick(['SAME', 'VALID'] as const);
      const batches = rng.pick([1, 1, 2]);
      const h = rng.int(Math.max(kh, 1) * dilation, 12), w = rng.int(Math.max(kw, 1) * dilation, 12);
      const perChannel = cout > 1 && rng.next() < 0.6;
      const act = rng.pick(ACTIVATIONS);
      const base = Math.fround(rng.pick([0.002, 0.02, 0.3]) * (0.5 + rng.next()));
      const scales = perChannel ? Array.from({ length: cout }, () => Math.fround(base * (0.25 + rng.next()))) : [base];
      const [lo, hi] = rng.pick([[-4, 4], [0, 6], [-0.5, 2]] as const);
      const model = singleOpModel({
        opcode: 'CONV_2D',
        options: { type: 'Conv2DOptions', padding, strideW: stride, strideH: stride, fusedActivationFunction: act, dilationWFactor: dilation, dilationHFactor: dilation },
        inputs: [
          { shape: [batches, h, w, cin], dtype: 'float32' },
          { shape: [cout, kh, kw, cin], dtype: 'int8', data: int8Weights(rng, cout * kh * kw * cin), scale: scales, zeroPoint: scales.map(() => 0), quantizedDimension: 0 },
          { shape: [cout], dtype: 'float32', data: floats(rng, cout, -1, 1) }, // TFLite 2.9's CONV_2D requires a bias
        ],
        output: { shape: [], dtype: 'float32' },
      });
      const r = await compareWithTflite(model, rng, { float: [lo, hi] });
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`[${batches},${h},${w},${cin}] ${cout}x${kh}x${kw} s${stride} d${dilation} ${padding} perChannel=${perChannel} ${act}: ${r.differing}/${r.count} differ (max ${r.maxError})`);
    }
    expect(failures).toEqual([]);
  });

  it('DEPTHWISE_CONV_2D: 80 random models (depth multipliers, strides, dilation, padding)', async () => {
    const rng = new Rng(777);
    const failures: string[] = [];
    for (let i = 0; i < 80; i++) {
      const cin = rng.pick([1, 3, 8, 17]);
      const mult = rng.pick([1, 1, 2]);
      const cout = cin * mult;
      const [kh, kw] = rng.pick([[3, 3], [1, 1], [5, 3]] as const);
      const stride = rng.pick([1, 2]);
      const dilation = rng.pick([1, 1, 2]);
      const padding = rng.pick(['SAME', 'VALID'] as const);
      const batches = rng.pick([1, 1, 2]);
      const h = rng.int(kh * dilation, 12), w = rng.int(kw * dilation, 12);
      const act = rng.pick(ACTIVATIONS);
      const base = Math.fround(rng.pick([0.002, 0.02, 0.3]) * (0.5 + rng.next()));
      const scales = Array.from({ length: cout }, () => Math.fround(base * (0.25 + rng.next())));
      const [lo, hi] = rng.pick([[-4, 4], [0, 6], [-0.5, 2]] as const);
      const model = singleOpModel({
        opcode: 'DEPTHWISE_CONV_2D',
        options: { type: 'DepthwiseConv2DOptions', padding, strideW: stride, strideH: stride, depthMultiplier: mult, fusedActivationFunction: act, dilationWFactor: dilation, dilationHFactor: dilation },
        inputs: [
          { shape: [batches, h, w, cin], dtype: 'float32' },
          { shape: [1, kh, kw, cout], dtype: 'int8', data: int8Weights(rng, kh * kw * cout), scale: scales, zeroPoint: scales.map(() => 0), quantizedDimension: 3 },
          { shape: [cout], dtype: 'float32', data: floats(rng, cout, -1, 1) },
        ],
        output: { shape: [], dtype: 'float32' },
      });
      const r = await compareWithTflite(model, rng, { float: [lo, hi] });
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`[${batches},${h},${w},${cin}] x${mult} ${kh}x${kw} s${stride} d${dilation} ${padding} ${act}: ${r.differing}/${r.count} differ (max ${r.maxError})`);
    }
    expect(failures).toEqual([]);
  });
});
