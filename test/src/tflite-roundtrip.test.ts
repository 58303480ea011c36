// The TFLite writer against the real TFLite 2.9 runtime: every shared model that has reference
// outputs is read, re-written by liteq and run; outputs must be byte-identical to reference/*.bin.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DTYPE_BYTES, decodeFlexbuffer, numElements, readTflite, writeTflite, type Model } from '@liteq/core';
import { runTflite } from './tflite-runtime.js';

const SHARED = process.env['LITEQ_SHARED'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');
const REF = join(SHARED, 'reference');

interface RefOutput {
  name: string;
  dtype: string;
  shape: number[];
  file: string;
}
interface RefIndex {
  input: string;
  input_type: 'uint8' | 'float32' | 'int8';
  outputs: RefOutput[];
}

/** The input exactly as tools/tflite_reference.py fed it (uint8 raw; float (x-127.5)/127.5; int8 x-128). */
function feed(raw: Uint8Array, type: RefIndex['input_type']): Uint8Array {
  if (type === 'uint8') return raw;
  if (type === 'int8') return new Uint8Array(Int8Array.from(raw, (x) => x - 128).buffer);
  // numpy: (raw.astype(float32) - 127.5) / 127.5, in float32.
  const f = Float32Array.from(raw, (x) => Math.fround(Math.fround(x - 127.5) / 127.5));
  return new Uint8Array(f.buffer);
}

/** The raw HWC uint8 image of that name whose size fits the model input (grace_hopper exists at both sizes). */
function rawInput(name: string, ir: Model): Uint8Array {
  const sg = ir.subgraphs[0]!;
  const need = numElements(sg.tensors[sg.inputs[0]!]!.shape);
  for (const dir of ['raw_300x300', 'raw_224x224']) {
    const p = join(SHARED, 'data', dir, name);
    if (existsSync(p) && statSync(p).size === need) return new Uint8Array(readFileSync(p));
  }
  throw new Error(`no raw input ${name} of ${need} bytes`);
}

const cases = readdirSync(REF).flatMap((model) =>
  readdirSync(join(REF, model)).map((input) => ({ model, input, dir: join(REF, model, input) })),
);
const modelPath = (m: string): string => join(SHARED, 'models/tflite', `${m}.tflite`);

async function expectMatchesReference(bytes: Uint8Array, ir: Model, dir: string): Promise<void> {
  const idx = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as RefIndex;
  const outs = await runTflite(bytes, [feed(rawInput(idx.input, ir), idx.input_type)]);
  expect(outs.length).toBe(idx.outputs.length);
  const sg = ir.subgraphs[0]!;
  outs.forEach((o, i) => {
    const ref = idx.outputs[i]!;
    const t = sg.tensors[sg.outputs[i]!]!;
    expect(o.name).toBe(ref.name);
    expect(o.name).toBe(t.name);
    expect(o.dtype).toBe(ref.dtype);
    expect(o.shape).toEqual(ref.shape);
    // SSD post-process outputs are stored without a shape (resized at run time); others must agree.
    if (t.shape.length > 0) expect(o.shape).toEqual(t.shape);
    expect(o.bytes.byteLength).toBe(numElements(ref.shape) * DTYPE_BYTES[o.dtype]);
    expect(Buffer.compare(o.bytes, readFileSync(join(dir, ref.file)))).toBe(0);
  });
}

describe('models re-written by liteq give TFLite 2.9 reference outputs byte for byte', () => {
  it('covers every reference model and input', () => {
    expect(cases.length).toBe(17);
    for (const c of cases) expect(existsSync(modelPath(c.model))).toBe(true);
  });

  it.each(cases.map((c) => [`${c.model} / ${c.input}`, c]))('%s', async (_n, c) => {
    const ir = readTflite(new Uint8Array(readFileSync(modelPath(c.model))));
    const written = writeTflite(ir);
    await expectMatchesReference(written, readTflite(written), c.dir);
  });
});

describe('SSD MobileNet v2 (uint8, TFLite_Detection_PostProcess)', () => {
  const path = modelPath('ssd_mobilenet_v2_coco_quant_postprocess');
  const refDir = join(REF, 'ssd_mobilenet_v2_coco_quant_postprocess', 'kite_and_cold');

  it('runs with custom options re-encoded from the decoded flexbuffer map', async () => {
    const ir = readTflite(new Uint8Array(readFileSync(path)));
    const post = ir.subgraphs[0]!.operators.find((o) => o.op.kind === 'custom')!.op;
    if (post.kind !== 'custom') throw new Error('no custom op');
    const original = post.customOptions!;
    delete post.customOptions; // forces the writer to encode customOptionsMap
    const written = writeTflite(ir);
    const reread = readTflite(written);
    const op = reread.subgraphs[0]!.operators.find((o) => o.op.kind === 'custom')!.op;
    if (op.kind !== 'custom') throw new Error('no custom op');
    expect(Buffer.compare(op.customOptions!, original)).not.toBe(0); // really re-encoded
    expect(decodeFlexbuffer(op.customOptions!)).toEqual(decodeFlexbuffer(original));
    await expectMatchesReference(written, reread, refDir);
  });

  it('offset/size buffers: TFLite 2.9 does not read Buffer.offset; the file loads but invoke fails cleanly', async () => {
    // liteq reads these files (round-trip tests in core); 2.9 predates offset buffers and takes the
    // weights for graph inputs without data. If the runtime is upgraded this test must be revisited.
    const ir = readTflite(new Uint8Array(readFileSync(path)));
    const written = writeTflite(ir, { externalBuffers: 'always' });
    expect(readTflite(written).subgraphs[0]!.tensors.filter((t) => t.data).length).toBeGreaterThan(0);
    const idx = JSON.parse(readFileSync(join(refDir, 'index.json'), 'utf8')) as RefIndex;
    await expect(runTflite(written, [rawInput(idx.input, ir)])).rejects.toThrow(/lacks data/);
  });
});
