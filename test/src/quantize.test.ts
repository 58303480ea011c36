// Post-training quantization (`liteq quantize`) and `liteq dequantize` against the real TFLite 2.9
// runtime: every scheme's output must load in TFLite and give what liteq's executor gives (integer
// outputs byte for byte, float outputs within 1e-5), on the float SSD MobileNet v2 and the float
// MobileNet v1 classifier; the dequantized shared uint8 SSD must find the uint8 model's objects.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  calibrate,
  checkMeanStd,
  dequantizeModel,
  floatToHalf,
  impliedPreprocessing,
  quantizeInt8PerChannelTs,
  quantizeModel,
  readTflite,
  resolveBackend,
  type Backend,
  type Model,
  type QuantScheme,
} from '@liteq/core';
import { expectSameAsTflite, inputFor } from './same-as-tflite.js';
import { runTflite } from './tflite-runtime.js';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const SHARED = process.env['LITEQ_SHARED'] ?? resolve(HERE, '../../../shared');
const CLI = resolve(HERE, '../../packages/cli/bin/liteq.js');
const SSD_FLOAT = join(SHARED, 'models/graphdef/ssd_mobilenet_v2_coco_float.tflite');
const SSD_UINT8 = join(SHARED, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite');
const MOBILENET = join(SHARED, 'models/tflite/mobilenet_v1_0.25_224_float.tflite');
const COCO = join(SHARED, 'data/coco/val2017');
const IMAGES = readdirSync(COCO).filter((f) => f.endsWith('.jpg')).sort().map((f) => join(COCO, f));
const CALIBRATION = IMAGES.slice(0, 8);
const PROBES = IMAGES.slice(40, 42);

let backend: Backend;
beforeAll(async () => {
  backend = await resolveBackend();
});

const opNames = (m: Model) => m.subgraphs[0]!.operators.map((o) => (o.op.kind === 'builtin' ? o.op.opcode : o.op.customCode));

describe.each([
  ['SSD MobileNet v2', SSD_FLOAT],
  ['MobileNet v1 0.25', MOBILENET],
])('quantize %s: every scheme runs in TFLite 2.9 exactly as in liteq', (_name, file) => {
  const float = readTflite(new Uint8Array(readFileSync(file)), file);
  let ranges: Map<number, { min: number; max: number }>;
  beforeAll(async () => {
    ranges = await calibrate(float, CALIBRATION, { method: { kind: 'minmax' }, mean: 127.5, std: 127.5, threads: 1 });
  }, 120_000);

  const cases: [QuantScheme, 'uint8' | 'int8' | 'float' | undefined, 'hybrid' | 'dequantize' | ''][] = [
    ['uint8', undefined, ''],
    ['uint8', 'float', ''],
    ['int8', undefined, ''],
    ['int8', 'uint8', ''],
    ['int8', 'float', ''],
    ['dynamic', undefined, 'hybrid'],
    ['dynamic', undefined, 'dequantize'],
    ['float16', undefined, ''],
  ];
  it.each(cases)('%s (io %s) %s', async (scheme, io, form) => {
    const dynamicForm = form || undefined;
    const q = quantizeModel(float, { scheme, ranges, mean: 127.5, std: 127.5, backend, ...(io ? { io } : {}), ...(dynamicForm ? { dynamicForm } : {}) });
    const sg = q.subgraphs[0]!;
    const inDtype = sg.tensors[sg.inputs[0]!]!.dtype;
    expect(inDtype).toBe(io === 'float' || scheme === 'dynamic' || scheme === 'float16' ? 'float32' : (io ?? scheme));
    const pp = sg.operators.find((o) => o.op.kind === 'custom');
    if (pp && scheme === 'uint8') {
      // TFLite_Detection_PostProcess takes uint8 box encodings, scores and anchors (quantized from their data).
      expect(pp.inputs.map((i) => sg.tensors[i]!.dtype)).toEqual(['uint8', 'uint8', 'uint8']);
      expect(sg.tensors[pp.inputs[1]!]!.quantization!.scale[0]).toBe(1 / 256);
    }
    if (pp && scheme === 'int8') expect(pp.inputs.map((i) => sg.tensors[i]!.dtype)).toEqual(['float32', 'float32', 'float32']);
    if (scheme === 'uint8') {
      // TOCO's legacy scheme: narrow-range uint8 weights, RELU6 dropped where the range implies it.
      for (const op of sg.operators) {
        if (op.op.kind !== 'builtin' || !['CONV_2D', 'DEPTHWISE_CONV_2D'].includes(op.op.opcode)) continue;
        const w = sg.tensors[op.inputs[1]!]!;
        expect(w.dtype).toBe('uint8');
        expect(w.data!.every((v) => v >= 1)).toBe(true);
        expect(sg.tensors[op.inputs[2]!]!.dtype).toBe('int32');
      }
    }
    if (scheme === 'int8') {
      const dw = sg.operators.find((o) => o.op.kind === 'builtin' && o.op.opcode === 'DEPTHWISE_CONV_2D')!;
      const w = sg.tensors[dw.inputs[1]!]!;
      expect(w.quantization!.quantizedDimension).toBe(3);
      expect(w.quantization!.scale.length).toBe(w.shape[3]);
      expect(w.quantization!.zeroPoint.every((z) => z === 0n)).toBe(true);
      expect(sg.tensors[dw.inputs[2]!]!.quantization!.scale.length).toBe(w.shape[3]);
    }
    if (dynamicForm === 'hybrid') {
      // TFLite's hybrid format: CONV_2D and DEPTHWISE_CONV_2D (per channel) and FULLY_CONNECTED (asymmetric
      // inputs) read int8 weights with float activations; every conv here has a bias, so no DEQUANTIZE.
      const hybrid = sg.operators.filter((o) => o.op.kind === 'builtin' && sg.tensors[o.inputs[1]!]?.dtype === 'int8' && sg.tensors[o.inputs[0]!]!.dtype === 'float32');
      expect(new Set(hybrid.map((o) => (o.op.kind === 'builtin' ? o.op.opcode : '')))).toEqual(new Set(['CONV_2D', 'DEPTHWISE_CONV_2D']));
      expect(hybrid.length).toBeGreaterThan(10);
      expect(opNames(q)).not.toContain('DEQUANTIZE');
    } else if (scheme === 'dynamic' || scheme === 'float16') expect(opNames(q).filter((n) => n === 'DEQUANTIZE').length).toBeGreaterThan(20);
    await expectSameAsTflite(q, PROBES);
  }, 120_000);
});

describe('weight quantization: native C++ and the TS fallback agree', () => {
  it('int8 per channel, including .5 rounding edges and clamping', () => {
    const x = new Float32Array(4 * 3 * 5);
    for (let i = 0; i < x.length; i++) x[i] = ((i * 7919) % 201) / 10 - 10;
    x[3] = 2.5;
    x[7] = -2.5;
    x[11] = 1000;
    const scales = Float32Array.from([0.5, 1, 0.1, 0.25]);
    for (const inner of [15, 1, 5]) {
      const native = backend.quantizeInt8PerChannel!(x, scales, inner, -127, 127);
      const ts = quantizeInt8PerChannelTs(x, scales, inner, -127, 127);
      expect(Buffer.from(native.buffer).equals(Buffer.from(ts.buffer))).toBe(true);
    }
  });

  it('float16 conversion rounds to nearest even', () => {
    expect(floatToHalf(1)).toBe(0x3c00);
    expect(floatToHalf(-2)).toBe(0xc000);
    expect(floatToHalf(65504)).toBe(0x7bff);
    expect(floatToHalf(1e6)).toBe(0x7c00);
    expect(floatToHalf(2 ** -24)).toBe(1);
    expect(floatToHalf(1 + 2 ** -11)).toBe(0x3c00); // tie → even
    expect(floatToHalf(1 + 3 * 2 ** -11)).toBe(0x3c02);
  });
});

describe('mean/std check', () => {
  it('reads the SSD float twin\'s stated (x-128)/128, else the SSD MobileNet family\'s 127.5/127.5; warns for 0/255', () => {
    const ssd = readTflite(new Uint8Array(readFileSync(SSD_FLOAT)), SSD_FLOAT);
    expect(impliedPreprocessing(ssd)).toMatchObject({ mean: 128, std: 128 });
    const implied = impliedPreprocessing({ ...ssd, description: '' });
    expect(implied).toMatchObject({ mean: 127.5, std: 127.5 });
    expect(checkMeanStd(128, 128, implied)).toBeUndefined();
    expect(checkMeanStd(0, 255, implied)).toMatch(/expects \[-1\.0000, 1\.0000\]/);
    const mobilenet = readTflite(new Uint8Array(readFileSync(MOBILENET)), MOBILENET);
    expect(impliedPreprocessing(mobilenet)).toMatchObject({ mean: 127.5, std: 127.5 });
  });
});

interface Det {
  cls: number;
  score: number;
  box: number[];
}

async function detections(bytes: Uint8Array, file: string): Promise<Det[]> {
  const ir = readTflite(bytes);
  const outs = await runTflite(bytes, [await inputFor(ir, file)]);
  const f = (k: number) => new Float32Array(outs[k]!.bytes.slice().buffer);
  const [boxes, classes, scores, count] = [f(0), f(1), f(2), f(3)];
  return Array.from({ length: count[0]! }, (_, i) => ({ cls: classes[i]!, score: scores[i]!, box: [...boxes.subarray(4 * i, 4 * i + 4)] }));
}

function iou(a: number[], b: number[]): number {
  const ih = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!));
  const iw = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
  const inter = ih * iw;
  const area = (r: number[]) => (r[2]! - r[0]!) * (r[3]! - r[1]!);
  return inter / (area(a) + area(b) - inter);
}

describe('liteq dequantize', () => {
  it('the shared uint8 SSD v2 → a float model TFLite 2.9 runs, finding the same objects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liteq-dequant-'));
    const out = join(dir, 'float.tflite');
    await run(process.execPath, [CLI, 'dequantize', SSD_UINT8, '-o', out, '-q']);
    const float = new Uint8Array(readFileSync(out));
    const ir = readTflite(float);
    const sg = ir.subgraphs[0]!;
    expect(sg.tensors.filter((t) => sg.operators.some((o) => o.inputs.includes(sg.tensors.indexOf(t)))).every((t) => t.dtype === 'float32' || t.dtype === 'int32')).toBe(true);
    expect(opNames(ir)).not.toContain('QUANTIZE');
    expect(sg.operators.filter((o) => o.op.kind === 'builtin' && o.op.options?.['fusedActivationFunction'] === 'RELU6').length).toBeGreaterThan(30);
    const uint8 = new Uint8Array(readFileSync(SSD_UINT8));
    let matched = 0;
    for (const file of IMAGES.slice(0, 6)) {
      const want = (await detections(uint8, file)).filter((d) => d.score >= 0.5);
      const got = await detections(float, file);
      for (const d of want) {
        const best = got.filter((g) => g.cls === d.cls).reduce((m, g) => Math.max(m, iou(g.box, d.box)), 0);
        expect(best, `${file}: class ${d.cls} score ${d.score}`).toBeGreaterThanOrEqual(0.7);
        matched++;
      }
    }
    expect(matched).toBeGreaterThan(3);
  }, 120_000);
});

describe('liteq sweep (CLI)', () => {
  it('prints COCO AP for each mean × std pair', async () => {
    const r = await run(process.execPath, [CLI, 'sweep', SSD_FLOAT, '--mean', '0,128', '--std', '128', '--images', COCO, '--annotations', join(SHARED, 'data/coco/instances_val2017_tiny.json'), '--max-images', '3', '--json', '-q']);
    const j = JSON.parse(r.stdout) as { rows: { mean: number; std: number; AP: number; warning: string | null }[] };
    expect(j.rows.map((x) => [x.mean, x.std])).toEqual([[0, 128], [128, 128]]);
    expect(j.rows[0]!.warning).toMatch(/expects/);
    expect(j.rows[1]!.warning).toBeNull();
    expect(j.rows[1]!.AP).toBeGreaterThan(0);
  }, 120_000);
});

describe('liteq quantize (CLI)', () => {
  it('quantizes the classifier from a COCO instances json, with a progress line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liteq-quantize-'));
    const out = join(dir, 'mb_int8.tflite');
    const r = await run(process.execPath, [CLI, 'quantize', MOBILENET, '--calibration', join(SHARED, 'data/coco/instances_val2017_tiny.json'), '--samples', '2', '--scheme', 'int8', '--method', 'percentile=99.9', '--io', 'uint8', '-o', out]);
    expect(r.stderr).toMatch(/calibrating: 2\/2 images/);
    expect(r.stdout).toMatch(/scheme int8/);
    const q = readTflite(new Uint8Array(readFileSync(out)));
    expect(q.subgraphs[0]!.tensors[q.subgraphs[0]!.inputs[0]!]!.dtype).toBe('uint8');
    await expectSameAsTflite(q, PROBES);
  }, 120_000);
});
