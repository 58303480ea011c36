// The converter's passes on small hand-built graphs.
import { describe, expect, it } from 'vitest';
import { UnsupportedError } from '../errors.js';
import type { TfAttr, TfGraph, TfNode } from '../formats/graphdef/graph.js';
import { decodeFlexbuffer } from '../formats/tflite/flexbuffers.js';
import { readTflite, writeTflite } from '../formats/tflite/index.js';
import { convert } from './index.js';
import { hwioToOhwi } from './passes/layouts.js';

const f32bytes = (v: number[]) => new Uint8Array(Float32Array.from(v).buffer);
const i32bytes = (v: number[]) => new Uint8Array(Int32Array.from(v).buffer);
const node = (name: string, op: string, inputs: string[] = [], attrs: Record<string, TfAttr> = {}): TfNode => ({ name, op, inputs, device: '', attrs });
const fconst = (name: string, shape: number[], v: number[]) => node(name, 'Const', [], { value: { kind: 'tensor', value: { dtype: 'DT_FLOAT', shape, data: f32bytes(v) } }, dtype: { kind: 'type', value: 'DT_FLOAT' } });
const iconst = (name: string, shape: number[], v: number[]) => node(name, 'Const', [], { value: { kind: 'tensor', value: { dtype: 'DT_INT32', shape, data: i32bytes(v) } }, dtype: { kind: 'type', value: 'DT_INT32' } });
const placeholder = (name: string, dims: number[]) => node(name, 'Placeholder', [], { dtype: { kind: 'type', value: 'DT_FLOAT' }, shape: { kind: 'shape', value: { dims } } });
const conv = (name: string, x: string, w: string, extra: Record<string, TfAttr> = {}) =>
  node(name, 'Conv2D', [x, w], { strides: { kind: 'list(i)', value: [1n, 1n, 1n, 1n] }, padding: { kind: 's', value: 'SAME', bytes: new Uint8Array() }, ...extra });
const fq = (name: string, x: string, min: string, max: string, narrow = false) =>
  node(name, 'FakeQuantWithMinMaxVars', [x, min, max], { narrow_range: { kind: 'b', value: narrow }, num_bits: { kind: 'i', value: 8n } });
const graph = (nodes: TfNode[]): TfGraph => ({ nodes, source: 'pbtxt' });
const ops = (m: ReturnType<typeof convert>) => m.subgraphs[0]!.operators.map((o) => (o.op.kind === 'builtin' ? o.op.opcode : o.op.customCode));
const tensor = (m: ReturnType<typeof convert>, name: string) => m.subgraphs[0]!.tensors.find((t) => t.name === name)!;

describe('layouts', () => {
  it('HWIO → OHWI', () => {
    // [1,1,2,3]: w[0,0,i,o] = 10*i + o
    const { data, shape } = hwioToOhwi(Float32Array.from([0, 1, 2, 10, 11, 12]), [1, 1, 2, 3]);
    expect(shape).toEqual([3, 1, 1, 2]);
    expect(Array.from(data)).toEqual([0, 10, 1, 11, 2, 12]);
  });
});

describe('convert (float)', () => {
  const base = [placeholder('x', [1, 4, 4, 2]), fconst('w', [1, 1, 2, 3], [1, 0, 0, 0, 1, 0]), conv('c', 'x', 'w'), fconst('b', [3], [0.5, 0.25, 0])];

  it('Identity stripped; BiasAdd and Relu6 fused into CONV_2D with a `<conv>_bias` tensor; output named after the last fused node', () => {
    const m = convert(graph([...base, node('w/read', 'Identity', ['w']), node('ba', 'BiasAdd', ['c', 'b']), node('r', 'Relu6', ['ba'], {})]), { inputArrays: ['x'], outputArrays: ['r'] });
    expect(ops(m)).toEqual(['CONV_2D']);
    const op = m.subgraphs[0]!.operators[0]!;
    expect(op.op.kind === 'builtin' && op.op.options?.['fusedActivationFunction']).toBe('RELU6');
    expect(m.subgraphs[0]!.tensors[op.outputs[0]!]!.name).toBe('r');
    expect(Array.from(new Float32Array(tensor(m, 'c_bias').data!.slice().buffer))).toEqual([0.5, 0.25, 0]);
    expect(tensor(m, 'w').shape).toEqual([3, 1, 1, 2]);
  });

  it('AddN becomes ADD (two inputs) or a chain of ADDs, the last named after the node', () => {
    const x = placeholder('x', [1, 2, 2, 3]);
    const y = placeholder('y', [1, 2, 2, 3]);
    const z = placeholder('z', [1, 2, 2, 3]);
    const m2 = convert(graph([x, y, node('s', 'AddN', ['x', 'y'])]), { inputArrays: ['x', 'y'], outputArrays: ['s'] });
    expect(ops(m2)).toEqual(['ADD']);
    const m3 = convert(graph([x, y, z, node('s', 'AddN', ['x', 'y', 'z'])]), { inputArrays: ['x', 'y', 'z'], outputArrays: ['s'] });
    expect(ops(m3)).toEqual(['ADD', 'ADD']);
    const sg = m3.subgraphs[0]!;
    expect(sg.tensors[sg.outputs[0]!]!.name).toBe('s');
    expect(tensor(m3, 's').shape).toEqual([1, 2, 2, 3]);
  });

  it('FusedBatchNormV3 folds into weights and bias', () => {
    const bn = node('bn', 'FusedBatchNormV3', ['c', 'g', 'beta', 'mean', 'var'], { epsilon: { kind: 'f', value: 0 }, is_training: { kind: 'b', value: false } });
    const m = convert(graph([...base, fconst('g', [3], [2, 2, 2]), fconst('beta', [3], [1, 1, 1]), fconst('mean', [3], [0, 0, 0]), fconst('var', [3], [1, 1, 1]), bn]), { inputArrays: ['x'], outputArrays: ['bn'] });
    expect(ops(m)).toEqual(['CONV_2D']);
    expect(Array.from(new Float32Array(tensor(m, 'w').data!.slice().buffer))).toEqual([2, 0, 0, 2, 0, 0]);
    expect(Array.from(new Float32Array(tensor(m, 'c_bias').data!.slice().buffer))).toEqual([1, 1, 1]);
  });

  it('Shape → StridedSlice → Pack → Reshape is folded into a constant shape; Squeeze becomes RESHAPE with `<name>_shape`', () => {
    const ss = node('ss', 'StridedSlice', ['shp', 'b0', 'b1', 'b1'], { shrink_axis_mask: { kind: 'i', value: 1n } });
    const nodes = [
      placeholder('x', [2, 3, 1]), node('shp', 'Shape', ['x']), iconst('b0', [1], [0]), iconst('b1', [1], [1]), ss, iconst('m1', [], [-1]),
      node('pk', 'Pack', ['ss', 'm1'], { N: { kind: 'i', value: 2n } }), node('rs', 'Reshape', ['x', 'pk']), node('sq', 'Squeeze', ['x'], { squeeze_dims: { kind: 'list(i)', value: [2n] } }),
    ];
    const m = convert(graph(nodes), { inputArrays: ['x'], outputArrays: ['rs', 'sq'] });
    expect(ops(m)).toEqual(['RESHAPE', 'RESHAPE']);
    expect(tensor(m, 'rs').shape).toEqual([2, 3]);
    expect(Array.from(new Int32Array(tensor(m, 'pk').data!.slice().buffer))).toEqual([2, -1]);
    expect(tensor(m, 'sq_shape')).toBeDefined();
  });

  it('unmapped ops are listed all at once, with node names and the fix', () => {
    const nodes = [placeholder('x', [1, 4]), node('a', 'Erf', ['x']), node('b', 'Erf', ['a']), node('c', 'Cumsum', ['x']), node('d', 'AddV2', ['b', 'c'])];
    let err: unknown;
    try {
      convert(graph(nodes), { inputArrays: ['x'], outputArrays: ['d'] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnsupportedError);
    expect((err as Error).message).toMatch(/3 node\(s\) use 2 TF op\(s\)/);
    expect((err as Error).message).toMatch(/Erf \(2\): a, b/);
    expect((err as Error).message).toMatch(/Cumsum \(1\): c/);
    expect((err as Error).message).toMatch(/`allowCustomOps`/);
  });

  it('--allow_custom_ops: a CUSTOM op carrying its attrs as typed flexbuffer options', () => {
    const attrs: Record<string, TfAttr> = { k: { kind: 'i', value: 3n }, s: { kind: 'f', value: 0.5 }, on: { kind: 'b', value: true }, T: { kind: 'type', value: 'DT_FLOAT' } };
    const m = convert(graph([placeholder('x', [1, 4]), node('my', 'MyOp', ['x'], attrs)]), { inputArrays: ['x'], outputArrays: ['my'], allowCustomOps: true });
    const reread = readTflite(writeTflite(m));
    const op = reread.subgraphs[0]!.operators[0]!.op;
    expect(op.kind === 'custom' && op.customCode).toBe('MyOp');
    expect(op.kind === 'custom' && decodeFlexbuffer(op.customOptions!)).toEqual({ k: 3, s: 0.5, on: true });
  });
});

describe('convert (QUANTIZED_UINT8)', () => {
  const nodes = [
    placeholder('x', [1, 2, 2, 1]),
    fconst('w', [1, 1, 1, 2], [0.5, -1]), fconst('wmin', [], [-1]), fconst('wmax', [], [1]), fq('w_quant', 'w', 'wmin', 'wmax', true),
    conv('c', 'x', 'w_quant'), fconst('b', [2], [0.1, -0.1]), node('add', 'Add', ['c', 'b']), node('relu', 'Relu6', ['add']),
    fconst('amin', [], [0]), fconst('amax', [], [6]), fq('act', 'relu', 'amin', 'amax'), node('sig', 'Sigmoid', ['act']),
  ];
  const opts = { inputArrays: ['x'], outputArrays: ['sig'], inferenceType: 'QUANTIZED_UINT8' as const, meanValues: [128], stdDevValues: [128] };

  it('params from FakeQuant and mean/std, narrow-range weights, int32 bias, fixed logistic params, trivial Relu6 dropped', () => {
    const m = convert(graph(nodes), opts);
    expect(ops(m)).toEqual(['CONV_2D', 'LOGISTIC']);
    const x = tensor(m, 'x').quantization!;
    expect([x.scale[0], x.zeroPoint[0]]).toEqual([1 / 128, 128n]);
    const w = tensor(m, 'w_quant');
    expect(w.dtype).toBe('uint8');
    expect(w.quantization!.zeroPoint[0]).toBe(128n);
    expect(Array.from(w.data!)).toEqual([192, 1]);
    const relu = tensor(m, 'relu');
    expect(relu.quantization!.zeroPoint[0]).toBe(0n);
    const op = m.subgraphs[0]!.operators[0]!.op;
    expect(op.kind === 'builtin' && op.options?.['fusedActivationFunction']).toBe('NONE');
    expect(tensor(m, 'c_bias').dtype).toBe('int32');
    const sig = tensor(m, 'sig').quantization!;
    expect([sig.scale[0], sig.zeroPoint[0]]).toEqual([1 / 256, 0n]);
  });

  it('missing ranges: ONE error listing every tensor, with the flags that fix it; --default_ranges fills them', () => {
    const noRanges = [placeholder('x', [1, 2]), node('a', 'Mul', ['x', 'x']), node('b', 'Tanh', ['a']), node('c', 'Mul', ['b', 'b']), node('d', 'Softmax', ['c'])];
    const g = graph(noRanges);
    expect(() => convert(g, { ...opts, outputArrays: ['d'] })).toThrow(/2 have none:\n {2}a\n {2}c\n.*`defaultRangesMin`/s);
    const m = convert(g, { ...opts, outputArrays: ['d'], defaultRangesMin: -6, defaultRangesMax: 6 });
    expect(tensor(m, 'a').quantization!.zeroPoint[0]).toBe(128n);
  });
});
