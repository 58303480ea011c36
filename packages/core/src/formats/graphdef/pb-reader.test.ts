import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelFormatError } from '../../errors.js';
import { tensorflow } from './generated/graph-pb.js';
import type { TfGraph, TfTensor } from './graph.js';
import { getAttr } from './graph.js';
import { readGraphDef } from './pb-reader.js';
import { graphSummary } from './summary.js';
import { tensorFloat32, tensorInt32, tensorInt64, tensorNumbers, tensorUint16 } from './tensor.js';
import { readField, WIRE_LEN } from './wire.js';

const SHARED = process.env['LITEQ_SHARED'] ?? path.resolve(import.meta.dirname, '../../../../../../shared');
const PB = path.join(SHARED, 'models/graphdef/tflite_graph.pb');

/** Op of every top-level NodeDef, read straight off the wire (NodeDef.op is field 2). */
function opsFromWire(b: Uint8Array): string[] {
  const ops: string[] = [];
  for (let pos = 0; pos < b.length; ) {
    const f = readField(b, pos, b.length);
    if (f.field === 1) {
      for (let p = f.dataStart; p < f.end; ) {
        const g = readField(b, p, f.end);
        if (g.field === 2 && g.wire === WIRE_LEN) ops.push(Buffer.from(b.subarray(g.dataStart, g.end)).toString('utf8'));
        p = g.end;
      }
    }
    pos = f.end;
  }
  return ops;
}

function expectFormatError(fn: () => unknown, match: RegExp): ModelFormatError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFormatError);
    expect((e as ModelFormatError).message).toMatch(match);
    return e as ModelFormatError;
  }
  throw new Error('expected a ModelFormatError');
}

const enc = (def: tensorflow.IGraphDef) => tensorflow.GraphDef.encode(def).finish();
const constNode = (name: string, tensor: tensorflow.ITensorProto): tensorflow.INodeDef => ({
  name,
  op: 'Const',
  attr: { dtype: { type: tensor.dtype ?? 1 }, value: { tensor } },
});
const tensorOf = (t: tensorflow.ITensorProto): TfTensor => {
  const g = readGraphDef(enc({ node: [constNode('c', t)] }), 'mem.pb');
  return getAttr(g.nodes[0]!, 'value', 'tensor')!.value;
};

describe('binary GraphDef: the shared QAT SSD graph', () => {
  let bytes: Buffer;
  let graph: TfGraph;
  beforeAll(() => {
    bytes = readFileSync(PB);
    const t0 = performance.now();
    graph = readGraphDef(bytes, PB);
    console.log(`pb decode: ${(performance.now() - t0).toFixed(0)} ms for ${bytes.length} bytes`);
  });

  it('has every node, in file order, with the ops read independently off the wire', () => {
    const ops = opsFromWire(bytes);
    expect(graph.nodes.length).toBe(970);
    expect(graph.nodes.map((n) => n.op)).toEqual(ops);
    expect(graph.versions?.producer).toBe(27);
    expect(graph.source).toBe('graphdef');
  });

  it('has the op histogram documented in NOTES.md', () => {
    const s = graphSummary(graph);
    expect(s.opHistogram).toEqual({
      Const: 499, FakeQuantWithMinMaxVars: 170, Identity: 86, Add: 70, Conv2D: 55, Relu6: 43,
      DepthwiseConv2dNative: 17, BiasAdd: 12, Reshape: 12, ConcatV2: 2, Placeholder: 1, Sigmoid: 1, Squeeze: 1,
      TFLite_Detection_PostProcess: 1,
    });
    expect(s.fakeQuantCount).toBe(graph.nodes.filter((n) => n.op.startsWith('FakeQuant')).length);
    expect(s.placeholders).toEqual([{ name: 'normalized_input_image_tensor', dtype: 'DT_FLOAT', shape: { dims: [1, 300, 300, 3] } }]);
    expect(s.sinks).toEqual(['TFLite_Detection_PostProcess']);
    // Every Const's bytes are accounted for, and bytes = elements * 4 for the float/int32 consts here.
    expect(s.bytesByDtype['DT_FLOAT']! + s.bytesByDtype['DT_INT32']!).toBe(s.params * 4);
  });

  it('decodes attrs of every kind the graph uses', () => {
    const pp = graph.nodes.find((n) => n.op === 'TFLite_Detection_PostProcess')!;
    expect(pp.attrs['max_detections']).toEqual({ kind: 'i', value: 20n });
    expect(pp.attrs['nms_iou_threshold']).toEqual({ kind: 'f', value: Math.fround(0.6) });
    expect(pp.attrs['use_regular_nms']).toEqual({ kind: 'b', value: false });
    expect(pp.attrs['_output_types']).toEqual({ kind: 'list(type)', value: ['DT_FLOAT', 'DT_FLOAT', 'DT_FLOAT', 'DT_FLOAT'] });
    const conv = graph.nodes.find((n) => n.op === 'Conv2D')!;
    expect(getAttr(conv, 'strides', 'list(i)')!.value).toHaveLength(4);
    expect(getAttr(conv, 'padding', 's')!.value).toMatch(/^(SAME|VALID)$/);
    const read = graph.nodes.find((n) => n.name.endsWith('/read'))!;
    expect(getAttr(read, '_class', 'list(s)')!.value[0]).toMatch(/^loc:@/);
    const fq = graph.nodes.find((n) => n.name.endsWith('weights_quant/FakeQuantWithMinMaxVars'))!;
    expect(fq.attrs['narrow_range']).toEqual({ kind: 'b', value: true });
    expect(fq.inputs).toHaveLength(3);
    expect(() => getAttr(fq, 'narrow_range', 'i')).toThrow(/is b, expected i/);
  });

  it('keeps tensor_content as a zero-copy view of the file and reads it as float32', () => {
    const w = graph.nodes.find((n) => n.name === 'FeatureExtractor/MobilenetV2/Conv/weights')!;
    const t = getAttr(w, 'value', 'tensor')!.value;
    expect(t.dtype).toBe('DT_FLOAT');
    expect(t.shape).toEqual([3, 3, 3, 32]);
    expect(t.data.buffer).toBe(bytes.buffer);
    expect(t.data.constructor).toBe(Uint8Array);
    const f = tensorFloat32(t);
    expect(f.length).toBe(864);
    const dv = new DataView(t.data.buffer, t.data.byteOffset);
    for (const i of [0, 1, 500, 863]) expect(f[i]).toBe(dv.getFloat32(i * 4, true));
    const anchors = getAttr(graph.nodes.find((n) => n.name === 'anchors')!, 'value', 'tensor')!.value;
    expect(anchors.shape).toEqual([1917, 4]);
  });
});

describe('TensorProto values (tensor_content or *_val, with the broadcast rule)', () => {
  it('fills the shape with the last value, truncates extra values, zeros when none', () => {
    const shape = { dim: [{ size: 5 }] };
    expect(Array.from(tensorFloat32(tensorOf({ dtype: 1, tensorShape: shape, floatVal: [1.5, 2] })))).toEqual([1.5, 2, 2, 2, 2]);
    expect(Array.from(tensorFloat32(tensorOf({ dtype: 1, tensorShape: shape, floatVal: [1, 2, 3, 4, 5, 6, 7] })))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(tensorFloat32(tensorOf({ dtype: 1, tensorShape: shape })))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(tensorInt32(tensorOf({ dtype: 3, tensorShape: { dim: [{ size: 2 }, { size: 2 }] }, intVal: [7] })))).toEqual([7, 7, 7, 7]);
    expect(tensorOf({ dtype: 1, tensorShape: {}, floatVal: [3] }).shape).toEqual([]);
  });

  it('reads each dtype from its own field, int64 exactly', () => {
    const big = '-9007199254740993'; // not representable as a double
    const i64 = tensorOf({ dtype: 9, tensorShape: { dim: [{ size: 3 }] }, int64Val: [big, '9223372036854775807'] as unknown as number[] });
    expect(Array.from(tensorInt64(i64))).toEqual([-9007199254740993n, 9223372036854775807n, 9223372036854775807n]);
    expect(tensorNumbers(tensorOf({ dtype: 4, tensorShape: { dim: [{ size: 3 }] }, intVal: [255, 256, -1] }))).toEqual([255, 0, 255]);
    expect(tensorNumbers(tensorOf({ dtype: 6, tensorShape: { dim: [{ size: 2 }] }, intVal: [-128, 127] }))).toEqual([-128, 127]);
    expect(tensorNumbers(tensorOf({ dtype: 10, tensorShape: { dim: [{ size: 3 }] }, boolVal: [true, false] }))).toEqual([1, 0, 0]);
    expect(tensorNumbers(tensorOf({ dtype: 2, tensorShape: { dim: [{ size: 2 }] }, doubleVal: [0.1, 1e300] }))).toEqual([0.1, 1e300]);
    expect(Array.from(tensorUint16(tensorOf({ dtype: 19, tensorShape: { dim: [{ size: 2 }] }, halfVal: [0x3c00] })))).toEqual([0x3c00, 0x3c00]);
    const cplx = tensorOf({ dtype: 8, tensorShape: { dim: [{ size: 3 }] }, scomplexVal: [1, 2, 3, 4] });
    expect(Array.from(new Float32Array(cplx.data.slice().buffer))).toEqual([1, 2, 3, 4, 3, 4]);
    const s = tensorOf({ dtype: 7, tensorShape: { dim: [{ size: 3 }] }, stringVal: [Buffer.from('a'), Buffer.from('bc')] });
    expect(s.strings!.map((x) => Buffer.from(x).toString())).toEqual(['a', 'bc', 'bc']);
  });

  it('takes tensor_content verbatim and rejects a size that does not match the shape', () => {
    const content = new Uint8Array(new Int32Array([1, -2, 3]).buffer);
    expect(Array.from(tensorInt32(tensorOf({ dtype: 3, tensorShape: { dim: [{ size: 3 }] }, tensorContent: content, intVal: [9] })))).toEqual([1, -2, 3]);
    expectFormatError(() => tensorOf({ dtype: 3, tensorShape: { dim: [{ size: 4 }] }, tensorContent: content }), /tensor_content.*has 12 bytes, but DT_INT32 \[4\] needs 16/);
  });

  it('rejects a broadcast tensor larger than the limit before allocating it', () => {
    const huge = { dtype: 1, tensorShape: { dim: [{ size: 1 << 20 }, { size: 1 << 20 }] }, floatVal: [1] };
    expectFormatError(() => tensorOf(huge), /node\[0\] 'c'\.attr\['value'\]\.tensor.*4398046511104 bytes/);
    expectFormatError(() => tensorOf({ dtype: 1, tensorShape: { dim: [{ size: -1 }] } }), /fully known shape/);
    expectFormatError(() => tensorOf({ dtype: 0, tensorShape: {} }), /DT_INVALID cannot be a constant/);
  });
});

describe('binary GraphDef: malformed input is a ModelFormatError naming where', () => {
  const good = enc({
    node: [
      { name: 'x', op: 'Placeholder', attr: { dtype: { type: 1 } } },
      { name: 'y', op: 'Relu', input: ['x', '^x'] },
    ],
    versions: { producer: 27 },
  });

  it('reads a small hand-built graph', () => {
    const g = readGraphDef(good, 'mem.pb');
    expect(g.nodes.map((n) => [n.name, n.op, n.inputs])).toEqual([['x', 'Placeholder', []], ['y', 'Relu', ['x', '^x']]]);
  });

  it('rejects truncation, with the node and offset', () => {
    const e = expectFormatError(() => readGraphDef(good.subarray(0, good.length - 12), 'cut.pb'), /declares \d+ bytes but only \d+ remain/);
    expect(e.format).toBe('graphdef');
    expect(e.offset).toBeTypeOf('number');
    expectFormatError(() => readGraphDef(new Uint8Array(0), 'empty.pb'), /empty/);
  });

  it('rejects a bad wire type', () => {
    const b = Uint8Array.from(good);
    b[0] = 0x0f; // field 1, wire type 7
    expectFormatError(() => readGraphDef(b, 'bad.pb'), /invalid wire type 7/);
  });

  it('rejects an attr whose declared tensor is larger than the file', () => {
    // NodeDef{name:"c", attr{key:"value" value{tensor{tensor_content: <declares 1 GB>}}}} built by hand.
    const w = tensorflow.NodeDef.encode({ name: 'c', op: 'Const' }).finish();
    const fakeLen = [0x80, 0x80, 0x80, 0x80, 0x04]; // 1 GiB varint
    const tensor = [0x22, ...fakeLen]; // TensorProto.tensor_content (field 4), no bytes follow
    const av = [0x42, tensor.length, ...tensor]; // AttrValue.tensor (field 8)
    const entry = [0x0a, 5, ...Buffer.from('value'), 0x12, av.length, ...av];
    const node = [...w, 0x2a, entry.length, ...entry]; // NodeDef.attr (field 5)
    const file = Uint8Array.from([0x0a, node.length, ...node]);
    const e = expectFormatError(() => readGraphDef(file, 'big.pb'), /node\[0\] 'c'.*(index out of range|past)/);
    expect(e.offset).toBeGreaterThan(0);
  });

  it('rejects a nested field that overruns its node into the next one', () => {
    // The second node declares a 3-byte name but its name field claims 200 bytes of the following data.
    const n1 = tensorflow.NodeDef.encode({ name: 'a', op: 'NoOp' }).finish();
    const filler = tensorflow.NodeDef.encode({ name: 'b'.repeat(250), op: 'NoOp' }).finish();
    const bad = [0x0a, 3, 0x0a, 100, 0x61];
    const file = Uint8Array.from([0x0a, n1.length, ...n1, ...bad, 0x0a, ...[filler.length & 0x7f | 0x80, filler.length >> 7], ...filler]);
    expectFormatError(() => readGraphDef(file, 'overrun.pb'), /node\[1\].*string of 100 bytes runs past its message/);
  });

  it('rejects invalid UTF-8 in names', () => {
    const n = Uint8Array.from([0x0a, 6, 0x0a, 1, 0xff, 0x12, 1, 0x58]); // name "\xff", op "X"
    expectFormatError(() => readGraphDef(n, 'utf8.pb'), /node\[0\].*invalid UTF-8/);
  });

  it('rejects duplicate names, missing inputs, nameless nodes', () => {
    expectFormatError(() => readGraphDef(enc({ node: [{ name: 'a', op: 'NoOp' }, { name: 'a', op: 'NoOp' }] }), 'd.pb'), /duplicate node name/);
    expectFormatError(() => readGraphDef(enc({ node: [{ name: 'a', op: 'Relu', input: ['nope:1'] }] }), 'd.pb'), /input 'nope:1' names no node/);
    expectFormatError(() => readGraphDef(enc({ node: [{ op: 'NoOp' }] }), 'd.pb'), /node\[0\].*no name/);
  });
});
