import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelFormatError } from '../../errors.js';
import type { TfGraph, TfTensor } from '../graphdef/graph.js';
import { graphSummary } from '../graphdef/summary.js';
import { readTfjsModel } from '../../node/load.js';
import { readTfjsFromParts } from './reader.js';

const SHARED = process.env['LITEQ_SHARED'] ?? path.resolve(import.meta.dirname, '../../../../../../shared');
const DIR = path.join(SHARED, 'models/tfjs/ssdlite_mobilenet_v2_coco');

type Spec = { name: string; shape: number[]; dtype: string; quantization?: Record<string, unknown> };

/** Our tensor's values as a plain array (float32 / int32 / bool). */
function values(t: TfTensor): number[] {
  const b = t.data.slice();
  if (t.dtype === 'DT_FLOAT') return Array.from(new Float32Array(b.buffer));
  if (t.dtype === 'DT_INT32') return Array.from(new Int32Array(b.buffer));
  return Array.from(b);
}

/** Checks every weight in `specs` against tfjs-core's own io.decodeWeights on the same bytes. */
async function expectSameAsTfjs(graph: TfGraph, weightData: Uint8Array, specs: Spec[]): Promise<void> {
  const ab = weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength) as ArrayBuffer;
  const ref = tf.io.decodeWeights(ab, specs as tf.io.WeightsManifestEntry[]);
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  for (const s of specs) {
    const v = byName.get(s.name)!.attrs['value'];
    if (v?.kind !== 'tensor') throw new Error(`${s.name}: no tensor`);
    expect(v.value.shape, s.name).toEqual(ref[s.name]!.shape);
    const want = (await ref[s.name]!.data()) as Float32Array | Int32Array | Uint8Array;
    // Bit-exact: compare the packed bytes (tfjs keeps bool as one byte per element, as we do).
    const wantBytes = Buffer.from(want.buffer, want.byteOffset, want.byteLength);
    expect(Buffer.compare(Buffer.from(v.value.data), wantBytes), s.name).toBe(0);
    if (want.length < 64) expect(values(v.value), s.name).toEqual(Array.from(want));
  }
  tf.dispose(Object.values(ref));
}

function expectFormatError(fn: () => unknown, match: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFormatError);
    expect((e as Error).message).toMatch(match);
    return;
  }
  throw new Error('expected a ModelFormatError');
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('TF.js graph model: the shared SSDLite', () => {
  let json: { modelTopology: unknown; weightsManifest: { paths: string[]; weights: Spec[] }[] };
  let data: Buffer;
  beforeAll(() => {
    json = JSON.parse(readFileSync(path.join(DIR, 'model.json'), 'utf8'));
    data = Buffer.concat(json.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(path.join(DIR, p)))));
  });

  it('reads 641 nodes from the directory, with outputs and input as documented', async () => {
    const { graph, weightGroups } = await readTfjsModel(DIR);
    expect(graph.nodes.length).toBe(641);
    expect(graph.source).toBe('tfjs');
    expect(weightGroups[0]!.weights.length).toBe(262);
    const s = graphSummary(graph);
    expect(s.sinks.sort()).toEqual(['Postprocessor/ExpandDims_1', 'Postprocessor/Slice']);
    expect(s.placeholders.map((p) => p.name)).toEqual(['image_tensor']);
    expect(s.opHistogram['Const']).toBe(262);
    const enter = graph.nodes.find((n) => n.op === 'Enter')!;
    expect(enter.attrs['parallel_iterations']).toEqual({ kind: 'i', value: 32n });
    expect(enter.attrs['frame_name']).toMatchObject({ kind: 's', value: 'Preprocessor/map/while/while_context' });
  });

  it('has every weight equal to tfjs-core io.decodeWeights, float32 ones as zero-copy views', async () => {
    const specs = json.weightsManifest.flatMap((g) => g.weights);
    const { graph } = readTfjsFromParts({ modelJson: json, weightData: data }, 'model.json');
    await expectSameAsTfjs(graph, data, specs);
    const w = graph.nodes.find((n) => n.name === specs[1]!.name)!.attrs['value'];
    expect(w?.kind === 'tensor' && w.value.data.buffer).toBe(data.buffer);
    expect(w?.kind === 'tensor' && w.value.data.constructor).toBe(Uint8Array);
  });
});

describe('TF.js weight quantization (synthetic model)', () => {
  // Known values: uint8/uint16 codes with scale/min, float16 bit patterns incl. subnormal, inf, -0.
  const u8 = Uint8Array.from([0, 1, 127, 128, 255, 3]);
  const u16 = Uint16Array.from([0, 1, 32768, 65535]);
  const f16 = Uint16Array.from([0x3c00, 0xc000, 0x7bff, 0x0001, 0x03ff, 0x7c00, 0xfc00, 0x8000, 0x3555]);
  const i8 = Uint8Array.from([0, 10, 255]);
  const f32 = Float32Array.from([0.5, -1.25]);
  const specs: Spec[] = [
    { name: 'q8', shape: [2, 3], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.0123456789, min: -1.5 } },
    { name: 'q16', shape: [4], dtype: 'float32', quantization: { dtype: 'uint16', scale: 1 / 3000, min: -7.25, original_dtype: 'float32' } },
    { name: 'h', shape: [9], dtype: 'float32', quantization: { dtype: 'float16' } },
    { name: 'qi', shape: [3], dtype: 'int32', quantization: { dtype: 'uint8', scale: 0.5, min: -3 } },
    { name: 'plain', shape: [2], dtype: 'float32' },
  ];
  const parts = [u8, new Uint8Array(u16.buffer), new Uint8Array(f16.buffer), i8, new Uint8Array(f32.buffer)];
  const weightData = Uint8Array.from(parts.flatMap((p) => Array.from(p)));
  const constNode = (s: Spec) => ({ name: s.name, op: 'Const', attr: { dtype: { type: s.dtype === 'int32' ? 'DT_INT32' : 'DT_FLOAT' } } });
  const model = () => ({
    format: 'graph-model',
    modelTopology: { node: [...specs.map(constNode), { name: 'sum', op: 'AddN', input: ['q8', 'q16'], attr: { N: { i: '2' } } }], versions: { producer: 1 } },
    weightsManifest: [{ paths: ['a.bin'], weights: specs.slice(0, 3) }, { paths: ['b.bin'], weights: specs.slice(3) }],
  });

  it('dequantizes exactly like tfjs-core io.decodeWeights', async () => {
    const { graph } = readTfjsFromParts({ modelJson: JSON.stringify(model()), weightData }, 'synthetic.json');
    await expectSameAsTfjs(graph, weightData, specs);
    const h = graph.nodes.find((n) => n.name === 'h')!.attrs['value'];
    expect(h?.kind === 'tensor' && values(h.value)).toEqual([1, -2, 65504, 2 ** -24, 1023 * 2 ** -24, Infinity, -Infinity, -0, Math.fround(0.333251953125)]);
    expect(graph.nodes.find((n) => n.name === 'sum')!.attrs['N']).toEqual({ kind: 'i', value: 2n });
  });

  it('rejects bad manifests, sizes and dtypes with ModelFormatError', () => {
    const m = model();
    expectFormatError(() => readTfjsFromParts({ modelJson: m, weightData: weightData.subarray(1) }, 'x'), /weights take 43 bytes but the shards hold 42/);
    const str = model();
    str.weightsManifest[1]!.weights[1] = { name: 'plain', shape: [2], dtype: 'string' };
    expectFormatError(() => readTfjsFromParts({ modelJson: str, weightData }, 'x'), /dtype 'string' is not supported/);
    const cx = model();
    cx.weightsManifest[1]!.weights[1] = { name: 'plain', shape: [1], dtype: 'complex64' };
    expectFormatError(() => readTfjsFromParts({ modelJson: cx, weightData }, 'x'), /complex64/);
    const q = model();
    q.weightsManifest[0]!.weights[0] = { ...specs[0]!, quantization: { dtype: 'int4', scale: 1, min: 0 } };
    expectFormatError(() => readTfjsFromParts({ modelJson: q, weightData }, 'x'), /unknown quantization dtype "int4"/);
    const od = model();
    od.weightsManifest[0]!.weights[1] = { ...specs[1]!, quantization: { ...specs[1]!.quantization, original_dtype: 'int32' } };
    expectFormatError(() => readTfjsFromParts({ modelJson: od, weightData }, 'x'), /original_dtype 'int32' disagrees/);
    const fi = model();
    fi.weightsManifest[1]!.weights[0] = { ...specs[3]!, quantization: { dtype: 'float16' } };
    expectFormatError(() => readTfjsFromParts({ modelJson: fi, weightData }, 'x'), /float16 quantization only applies to float32/);
    const nc = model();
    nc.weightsManifest[1]!.weights[1] = { name: 'sum', shape: [2], dtype: 'float32' };
    expectFormatError(() => readTfjsFromParts({ modelJson: nc, weightData }, 'x'), /names a AddN node, not a Const/);
    expectFormatError(() => readTfjsFromParts({ modelJson: { weightsManifest: [] }, weightData }, 'x'), /modelTopology.*missing/);
    expectFormatError(() => readTfjsFromParts({ modelJson: '{"modelTopology": {"node": [', weightData }, 'x'), /not valid JSON/);
    const bad = model();
    (bad.modelTopology.node[5] as { input: unknown }).input = [42];
    expectFormatError(() => readTfjsFromParts({ modelJson: bad, weightData }, 'x'), /modelTopology|input/);
  });

  describe('from files', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'liteq-tfjs-'));
      writeFileSync(path.join(dir, 'model.json'), JSON.stringify(model()));
      writeFileSync(path.join(dir, 'a.bin'), weightData.subarray(0, 32));
      writeFileSync(path.join(dir, 'b.bin'), weightData.subarray(32));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('concatenates shards in manifest order', async () => {
      const { graph } = await readTfjsModel(path.join(dir, 'model.json'));
      await expectSameAsTfjs(graph, weightData, specs);
    });

    it('reports a missing or truncated shard', async () => {
      rmSync(path.join(dir, 'b.bin'));
      await expect(readTfjsModel(dir)).rejects.toThrow(/paths\[0\].*cannot read shard .*b\.bin: ENOENT/);
      writeFileSync(path.join(dir, 'b.bin'), weightData.subarray(32, 38));
      await expect(readTfjsModel(dir)).rejects.toThrow(/weights take 43 bytes but the shards hold 38/);
      copyFileSync(path.join(dir, 'a.bin'), path.join(dir, 'b.bin'));
      await expect(readTfjsModel(dir)).rejects.toThrow(/shards hold more than the 43 bytes/);
    });
  });
});
