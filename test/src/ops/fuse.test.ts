// The plan's activation fusion (packages/core/src/plan/fuse.ts): a float ADD/SUB/MUL (or CONV_2D,
// DEPTHWISE_CONV_2D, FULLY_CONNECTED: last describe) without an activation followed by RELU or
// RELU_N1_TO_1 runs as one op — and its outputs are
// byte-identical to TFLite 2.9 running the two ops (RELU6 stays a second op, and also matches), on values that could tell them apart (NaN, ±inf,
// -0, past FLT_MAX when added), on both backends. The fusion is not made when the tensor in between
// is a graph output or has another reader, nor with preserved intermediates.
import { describe, expect, it } from 'vitest';
import { buildPlan, createModel, readTflite, writeTflite, type Model, type Operator, type Tensor } from '@liteq/core';
import { runTflite } from '../tflite-runtime.js';
import { Rng, singleOpModel } from './single-op.js';

const SHAPE = [1, 6, 7, 16];
const N = SHAPE.reduce((a, b) => a * b, 1);

function tensor(name: string): Tensor {
  return { name, shape: [...SHAPE], dtype: 'float32', isVariable: false, hasRank: true };
}

function op(opcode: string, inputs: number[], outputs: number[], options?: Record<string, unknown>): Operator {
  return { op: { kind: 'builtin', opcode, version: 1, options: options as never }, inputs, outputs, intermediates: [], mutatingVariableInputs: [] };
}

/** x, y → ADD/SUB/MUL (NONE) → t → relu → u; `tOut`: t is a graph output too; `twoReaders`: t also feeds a second RELU. */
export function fuseModel(elementwise: string, relu: string, variant: 'plain' | 'tOut' | 'twoReaders' = 'plain'): Model {
  const tensors = [tensor('x'), tensor('y'), tensor('t'), tensor('u'), tensor('v')];
  const ops = [op(elementwise, [0, 1], [2], { type: `${elementwise[0]}${elementwise.slice(1).toLowerCase()}Options`, fusedActivationFunction: 'NONE' }), op(relu, [2], [3])];
  if (variant === 'twoReaders') ops.push(op('RELU', [2], [4]));
  const outputs = variant === 'tOut' ? [3, 2] : variant === 'twoReaders' ? [3, 4] : [3];
  return { version: 3, description: 'fusion test', subgraphs: [{ name: 'main', tensors: variant === 'twoReaders' ? tensors : tensors.slice(0, 4), operators: ops, inputs: [0, 1], outputs }], metadata: [], signatureDefs: [] };
}

/** Values that separate clamp orders: NaN, ±inf, ±0, ±FLT_MAX, the RELU6 / RELU_N1_TO_1 bounds, ordinary ones. (Not subnormals: the TFLite 2.9 build here flushes them to zero in float ADD, fused or not, and liteq does not.) */
export function fuseInputs(seed: number): [Float32Array, Float32Array] {
  const special = [Number.NaN, Infinity, -Infinity, 0, -0, 3.4028234663852886e38, -3.4028234663852886e38, 6, 6.000001, -1, 1, 0.5];
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = () => (next() < 0.4 ? special[Math.floor(next() * special.length)]! : (next() - 0.5) * 16);
  return [Float32Array.from({ length: N }, pick), Float32Array.from({ length: N }, pick)];
}

const bytesOf = (a: Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('ADD/SUB/MUL + RELU fusion', () => {
  it.each(['ADD', 'SUB', 'MUL'].flatMap((e) => ['RELU', 'RELU6', 'RELU_N1_TO_1'].map((r) => [e, r])))('%s + %s: TFLite 2.9\'s bytes on both backends, fused and not', async (e, r) => {
    const m = readTflite(writeTflite(fuseModel(e, r)));
    const both = [`${e.toLowerCase()}_f32`, 'relu_f32'];
    expect(buildPlan(m).kernels).toEqual(r === 'RELU6' ? both : both.slice(0, 1));
    expect(buildPlan(m, { preserveIntermediates: true }).kernels).toEqual(both);
    const [x, y] = fuseInputs(e.length * 31 + r.length);
    const [expected] = await runTflite(writeTflite(m), [bytesOf(x), bytesOf(y)]);
    for (const [backend, preserveIntermediates] of [['native', false], ['wasm', false], ['native', true]] as const) {
      const lm = await createModel(m, { threads: 1, backend, preserveIntermediates });
      try {
        const [u] = await lm.run([x, y]);
        expect(Buffer.compare(Buffer.from(u!.data.buffer, u!.data.byteOffset, u!.data.byteLength), Buffer.from(expected!.bytes)), `${backend}${preserveIntermediates ? ' unfused' : ''}`).toBe(0);
      } finally {
        lm.dispose();
      }
    }
  });

  it('is not made when the tensor in between is an output or has another reader', () => {
    expect(buildPlan(fuseModel('ADD', 'RELU', 'tOut')).kernels).toEqual(['add_f32', 'relu_f32']);
    expect(buildPlan(fuseModel('ADD', 'RELU', 'twoReaders')).kernels).toEqual(['add_f32', 'relu_f32', 'relu_f32']);
  });
});

/** x → CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED (NONE) → t → relu → u, random constant weights. */
function weightedReluModel(opcode: 'CONV_2D' | 'DEPTHWISE_CONV_2D' | 'FULLY_CONNECTED', relu: string, rng: Rng): Model {
  const f32 = (shape: number[], data?: boolean) => ({ shape, dtype: 'float32' as const, data: data ? rng.floats(shape.reduce((a, b) => a * b, 1)) : undefined });
  const spec =
    opcode === 'CONV_2D'
      ? { options: { type: 'Conv2DOptions', padding: 'SAME', strideW: 2, strideH: 1, fusedActivationFunction: 'NONE', dilationWFactor: 1, dilationHFactor: 1 }, inputs: [f32([1, 9, 10, 3]), f32([8, 5, 5, 3], true), f32([8], true)] }
      : opcode === 'DEPTHWISE_CONV_2D'
        ? { options: { type: 'DepthwiseConv2DOptions', padding: 'SAME', strideW: 1, strideH: 1, depthMultiplier: 1, fusedActivationFunction: 'NONE', dilationWFactor: 1, dilationHFactor: 1 }, inputs: [f32([1, 9, 10, 16]), f32([1, 3, 3, 16], true), f32([16], true)] }
        : { options: { type: 'FullyConnectedOptions', fusedActivationFunction: 'NONE', weightsFormat: 'DEFAULT', keepNumDims: false, asymmetricQuantizeInputs: false }, inputs: [f32([3, 40]), f32([24, 40], true), f32([24], true)] };
  const m = singleOpModel({ opcode, options: spec.options as never, inputs: spec.inputs, output: { shape: [], dtype: 'float32' } });
  const sg = m.subgraphs[0]!;
  const t = sg.outputs[0]!;
  sg.tensors.push({ ...sg.tensors[t]!, name: 'u' });
  sg.operators.push(op(relu, [t], [sg.tensors.length - 1]));
  sg.outputs = [sg.tensors.length - 1];
  return m;
}

describe('CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED + RELU fusion', () => {
  const cases = ['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED'].flatMap((o) => ['RELU', 'RELU_N1_TO_1', 'RELU6'].map((r) => [o, r] as const));
  it.each(cases)('%s + %s: fused == unfused bytes on both backends, TFLite 2.9 within float tolerance, on NaN/inf/-0 inputs', async (o, r) => {
    const rng = new Rng(o.length * 7 + r.length);
    const m = readTflite(writeTflite(weightedReluModel(o, r, rng)));
    const kernel = { CONV_2D: 'conv_2d_f32', DEPTHWISE_CONV_2D: 'depthwise_conv_2d_f32', FULLY_CONNECTED: 'fully_connected_f32' }[o];
    const relu = r === 'RELU6' ? 'relu6_f32' : 'relu_f32';
    const unfused = buildPlan(m, { preserveIntermediates: true }).kernels;
    expect(unfused[0]).toBe(kernel);
    expect(buildPlan(m).kernels).toEqual(r === 'RELU6' ? unfused : [kernel]);
    // Inputs with NaN, ±inf and -0 among ordinary values (the clamp order shows in them): fused and
    // unfused bytes agree, and TFLite 2.9 agrees to float tolerance (its kernels sum in another order)
    // with NaN and ±inf where it has them (its float depthwise turns a NaN sum into the clamp's max).
    const sg = m.subgraphs[0]!;
    const n = sg.tensors[sg.inputs[0]!]!.shape.reduce((a, b) => a * b, 1);
    const special = [Number.NaN, Infinity, -Infinity, -0, 0];
    const xs = Float32Array.from({ length: n }, () => (rng.next() < 0.05 ? special[rng.int(0, special.length - 1)]! : (rng.next() - 0.5) * 8));
    const [expected] = await runTflite(writeTflite(m), [bytesOf(xs)]);
    const want = new Float32Array(expected!.bytes.buffer.slice(expected!.bytes.byteOffset, expected!.bytes.byteOffset + expected!.bytes.byteLength));
    for (const backend of ['native', 'wasm'] as const) {
      const outs: Float32Array[] = [];
      for (const preserveIntermediates of [false, true]) {
        const lm = await createModel(m, { threads: 1, backend, preserveIntermediates });
        try {
          outs.push((await lm.run([xs]))[0]!.data as Float32Array);
        } finally {
          lm.dispose();
        }
      }
      expect(Buffer.compare(Buffer.from(bytesOf(outs[0]!)), Buffer.from(bytesOf(outs[1]!))), `${backend}: fused vs unfused bytes`).toBe(0);
      const bad = Array.from(want).findIndex((w, i) => {
        const g = outs[0]![i]!;
        return Number.isNaN(w) ? !Number.isNaN(g) : !(g === w || Math.abs(g - w) <= 1e-5 * Math.max(1, Math.abs(w)));
      });
      expect(bad, `${backend}: first element off from TFLite 2.9`).toBe(-1);
    }
  });
});

/**
 * x [1,6,7,12] → PAD (12 → 16 channels, or PADV2 with `value`) → p; y [1,6,7,16]; ADD(p, y) or
 * ADD(y, p) → t → RELU → u. `pOut`: p is a graph output too; `spatial`: the PAD also pads W.
 */
function channelPadModel(side: 0 | 1, variant: 'plain' | 'pOut' | 'spatial' | 'v2zero' | 'v2negzero' = 'plain'): Model {
  const f = (name: string, shape: number[]): Tensor => ({ name, shape, dtype: 'float32', isVariable: false, hasRank: true });
  const spatial = variant === 'spatial';
  const full = spatial ? [1, 6, 8, 16] : [1, 6, 7, 16];
  const tensors: Tensor[] = [
    f('x', [1, 6, 7, 12]),
    { name: 'paddings', shape: [4, 2], dtype: 'int32', data: new Uint8Array(new Int32Array([0, 0, 0, 0, 0, spatial ? 1 : 0, 0, 4]).buffer), isVariable: false, hasRank: true },
    f('p', full),
    f('y', full),
    f('t', full),
    f('u', full),
  ];
  const v2 = variant === 'v2zero' || variant === 'v2negzero';
  const padInputs = [0, 1];
  if (v2) {
    tensors.push({ name: 'value', shape: [], dtype: 'float32', data: new Uint8Array(new Float32Array([variant === 'v2zero' ? 0 : -0]).buffer), isVariable: false, hasRank: true });
    padInputs.push(tensors.length - 1);
  }
  const ops = [
    op(v2 ? 'PADV2' : 'PAD', padInputs, [2], { type: v2 ? 'PadV2Options' : 'PadOptions' }),
    op('ADD', side === 0 ? [2, 3] : [3, 2], [4], { type: 'AddOptions', fusedActivationFunction: 'NONE' }),
    op('RELU', [4], [5]),
  ];
  return { version: 3, description: 'channel pad fusion test', subgraphs: [{ name: 'main', tensors, operators: ops, inputs: [0, 3], outputs: variant === 'pOut' ? [5, 2] : [5] }], metadata: [], signatureDefs: [] };
}

describe('channel PAD into ADD fusion', () => {
  it.each([0, 1] as const)('the padded operand as input %i: TFLite 2.9\'s bytes on both backends, fused and not, on NaN/inf/-0 inputs', async (side) => {
    const m = readTflite(writeTflite(channelPadModel(side)));
    expect(buildPlan(m).kernels).toEqual(['add_f32_channel_padded']);
    expect(buildPlan(m, { preserveIntermediates: true }).kernels).toEqual(['pad_f32', 'add_f32', 'relu_f32']);
    const [a, b] = fuseInputs(91 + side);
    const x = a.subarray(0, 6 * 7 * 12), y = b; // (fuseInputs' N is 6 * 7 * 16)
    const [expected] = await runTflite(writeTflite(m), [bytesOf(x), bytesOf(y)]);
    for (const [backend, preserveIntermediates] of [['native', false], ['wasm', false], ['native', true]] as const) {
      const lm = await createModel(m, { threads: 2, backend, preserveIntermediates });
      try {
        const [u] = await lm.run([x, y]);
        expect(Buffer.compare(Buffer.from(u!.data.buffer, u!.data.byteOffset, u!.data.byteLength), Buffer.from(expected!.bytes)), `${backend}${preserveIntermediates ? ' unfused' : ''}`).toBe(0);
      } finally {
        lm.dispose();
      }
    }
  });

  it('takes PADV2 with +0.0, and leaves a -0.0 PADV2, a PAD that is also an output, and a spatial PAD alone', () => {
    expect(buildPlan(channelPadModel(0, 'v2zero')).kernels).toEqual(['add_f32_channel_padded']);
    expect(buildPlan(channelPadModel(0, 'v2negzero')).kernels).toEqual(['pad_f32', 'add_f32']);
    expect(buildPlan(channelPadModel(1, 'pOut')).kernels).toEqual(['pad_f32', 'add_f32']);
    expect(buildPlan(channelPadModel(1, 'spatial')).kernels).toEqual(['pad_f32', 'add_f32']);
  });
});
