// A random CONV_2D / DEPTHWISE_CONV_2D single-op model (conv.test.ts, pad.test.ts): dtypes, channel
// counts 1/3/8/17, kernel sizes, strides, dilations, SAME/VALID, depth multipliers, zero points,
// per-channel int8 weights, fused activations, power-of-two scales.
import type { BuiltinOptions } from '@liteq/core';
import { ACTIVATIONS, Rng, activation, int32Data, randomScale, randomZeroPoint, singleOpModel, type QKind, type TensorSpec } from './single-op.js';

export interface ConvCaseOptions {
  dtypes?: readonly QKind[];
  padding?: 'SAME' | 'VALID';
}

export function convCase(rng: Rng, depthwise: boolean, o: ConvCaseOptions = {}): { label: string; model: ReturnType<typeof singleOpModel>; float: boolean } {
  const dtype = rng.pick(o.dtypes ?? (['uint8', 'int8', 'float32'] as const satisfies readonly QKind[]));
  const pow2 = rng.next() < 0.4;
  const cin = rng.pick([1, 3, 8, 17]);
  const m = depthwise ? rng.pick([1, 1, 2, 3]) : 1;
  const cout = depthwise ? cin * m : rng.pick([1, 3, 8, 17]);
  const kh = rng.pick([1, 2, 3, 5]);
  const kw = rng.pick([1, 2, 3, 5]);
  const [sh, sw] = [rng.pick([1, 2]), rng.pick([1, 2])];
  const [dh, dw] = [rng.pick([1, 1, 2]), rng.pick([1, 1, 2])];
  const padding = o.padding ?? rng.pick(['SAME', 'VALID'] as const);
  let [h, w] = [rng.int(1, 12), rng.int(1, 12)];
  if (padding === 'VALID') [h, w] = [Math.max(h, (kh - 1) * dh + 1), Math.max(w, (kw - 1) * dw + 1)];
  const act = rng.pick(ACTIVATIONS);
  const input = activation(rng, dtype, [rng.pick([1, 1, 2]), h, w, cin], pow2);
  const fshape = depthwise ? [1, kh, kw, cout] : [cout, kh, kw, cin];
  const taps = depthwise ? kh * kw : kh * kw * cin;
  const nf = fshape.reduce((a, b) => a * b, 1);
  let filter: TensorSpec;
  let bias: TensorSpec;
  let output: TensorSpec;
  if (dtype === 'float32') {
    filter = { shape: fshape, dtype, data: rng.floats(nf) };
    bias = { shape: [cout], dtype, data: rng.floats(cout) };
    output = { shape: [], dtype };
  } else {
    const perChannel = dtype === 'int8' && rng.next() < 0.7;
    const ws = Array.from({ length: perChannel ? cout : 1 }, () => randomScale(rng, pow2, 0.002, 0.05));
    const data = rng.bytes(nf);
    if (dtype === 'int8') data.forEach((v, i) => v === 128 && (data[i] = 129)); // symmetric int8 weights
    filter = { shape: fshape, dtype, data, scale: ws, zeroPoint: dtype === 'uint8' ? [rng.pick([128, 0, rng.int(0, 255)])] : ws.map(() => 0), quantizedDimension: depthwise ? 3 : 0 };
    const is = input.scale![0]!;
    const bs = ws.map((s) => Math.fround(is * s));
    bias = { shape: [cout], dtype: 'int32', data: int32Data(Array.from({ length: cout }, () => rng.int(-3000 * taps, 3000 * taps))), scale: bs, zeroPoint: bs.map(() => 0) };
    const typical = (is * ws[0]! * Math.sqrt(taps) * 40) / 1;
    const os = pow2 ? 2 ** Math.round(Math.log2(typical * rng.pick([0.25, 1, 4]))) : Math.fround(typical * Math.exp((rng.next() - 0.5) * 3));
    output = { shape: [], dtype, scale: [os], zeroPoint: [randomZeroPoint(rng, dtype)] };
  }
  const options: BuiltinOptions = depthwise
    ? { type: 'DepthwiseConv2DOptions', padding, strideW: sw, strideH: sh, depthMultiplier: m, fusedActivationFunction: act, dilationWFactor: dw, dilationHFactor: dh }
    : { type: 'Conv2DOptions', padding, strideW: sw, strideH: sh, fusedActivationFunction: act, dilationWFactor: dw, dilationHFactor: dh };
  // TFLite 2.9 requires CONV_2D's bias, and DEPTHWISE_CONV_2D without one crashes it: always give one.
  const model = singleOpModel({ opcode: depthwise ? 'DEPTHWISE_CONV_2D' : 'CONV_2D', options, inputs: [input, filter, bias], output });
  const label = `${dtype} in=[${input.shape}] filter=[${fshape}] stride=${sh}x${sw} dilation=${dh}x${dw} ${padding} ${act} pow2=${pow2}`;
  return { label, model, float: dtype === 'float32' };
}
