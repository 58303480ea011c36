// The accuracy repairs of `liteq quantize` against the real TFLite 2.9 runtime and against the float
// model: cross-layer equalization leaves the float function unchanged (the RELU6 bounds rescaled per
// channel), and equalized + bias-corrected uint8/int8 models, float islands and int8 islands in uint8
// models all run in TFLite 2.9 exactly as in liteq (quantized outputs byte for byte).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { convert, createModel, decodeImage, equalizeModel, loadGraphFile, readTflite, resizeBilinear, ssdSurgery, type Model } from '@liteq/core';
import { expectSameAsTflite } from './same-as-tflite.js';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const SHARED = process.env['LITEQ_SHARED'] ?? resolve(HERE, '../../../shared');
const CLI = resolve(HERE, '../../packages/cli/bin/liteq.js');
const MOBILENET = join(SHARED, 'models/tflite/mobilenet_v1_0.25_224_float.tflite');
const SSD_FLOAT = join(SHARED, 'models/graphdef/ssd_mobilenet_v2_coco_float.tflite');
const COCO = join(SHARED, 'data/coco/val2017');
const IMAGES = readdirSync(COCO).filter((f) => f.endsWith('.jpg')).sort().map((f) => join(COCO, f));
const PROBES = IMAGES.slice(40, 42);

/** Every float output of `a` and `b` on the probe images; the largest |a − b| / max(1, |a|). */
async function maxRelativeDifference(a: Model, b: Model): Promise<number> {
  const ma = await createModel(a, { threads: 1 });
  const mb = await createModel(b, { threads: 1 });
  let worst = 0;
  try {
    for (const file of PROBES) {
      const [, h, w] = ma.inputs[0]!.shape as [number, number, number, number];
      const x = Float32Array.from(resizeBilinear(await decodeImage(file), w, h).data, (v) => (v - 127.5) / 127.5);
      const ra = await ma.run([x]);
      const rb = await mb.run([x]);
      ra.forEach((t, k) => {
        const u = t.data as Float32Array;
        const v = rb[k]!.data as Float32Array;
        expect(v.length).toBe(u.length);
        for (let i = 0; i < u.length; i++) worst = Math.max(worst, Math.abs(u[i]! - v[i]!) / Math.max(1, Math.abs(u[i]!)));
      });
    }
  } finally {
    ma.dispose();
    mb.dispose();
  }
  return worst;
}

/**
 * For every CONV_2D / DEPTHWISE_CONV_2D: mean over output channels of max|w| divided by the largest —
 * the share of a per-tensor weight scale's levels an average channel uses.
 */
function rangeUse(m: Model): number[] {
  const sg = m.subgraphs[0]!;
  return sg.operators.flatMap((op) => {
    if (op.op.kind !== 'builtin' || !['CONV_2D', 'DEPTHWISE_CONV_2D'].includes(op.op.opcode)) return [];
    const w = sg.tensors[op.inputs[1]!]!;
    const v = new Float32Array(w.data!.slice().buffer);
    const dw = op.op.opcode === 'DEPTHWISE_CONV_2D';
    const c = dw ? w.shape[3]! : w.shape[0]!;
    const r = new Array<number>(c).fill(0);
    v.forEach((x, i) => {
      const k = dw ? i % c : Math.floor(i / (v.length / c));
      r[k] = Math.max(r[k]!, Math.abs(x));
    });
    return [r.reduce((a, b) => a + b, 0) / c / Math.max(...r)];
  });
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe('cross-layer equalization', () => {
  it('MobileNet v1: the equalized float model computes the same outputs, with even channel ranges', async () => {
    const float = readTflite(new Uint8Array(readFileSync(MOBILENET)), MOBILENET);
    const { model, report } = equalizeModel(float);
    expect(report.pairs.length).toBe(26); // 13 × (conv → depthwise, depthwise → conv), all through RELU6
    expect(report.boundOps).toBe(26);
    // Measured: the paired layers' channels use 0.53–0.84 of the per-tensor range (0.11–0.49 before).
    const before = rangeUse(float), after = rangeUse(model);
    expect(after.filter((u, i) => u > before[i]!).length).toBe(27); // all but the logits, which is in no pair
    expect(after.every((u, i) => u >= before[i]!)).toBe(true);
    expect(mean(after)).toBeGreaterThan(2 * mean(before));
    // The MINIMUM ops keep RELU6's clamp per channel: same function within float rounding.
    expect(await maxRelativeDifference(float, model)).toBeLessThan(1e-4);
  }, 60_000);

  // Compare what the post-process reads (its input tensors), not the NMS output.
  const raw = (m: Model): Model => {
    const sg = m.subgraphs[0]!;
    const pp = sg.operators.find((o) => o.op.kind === 'custom')!;
    return { ...m, subgraphs: [{ ...sg, operators: sg.operators.filter((o) => o !== pp), outputs: pp.inputs.slice(0, 2) }] };
  };

  it('SSDLite (TF.js → SSD surgery): same raw box and class outputs after equalization', async () => {
    const graph = await loadGraphFile(join(SHARED, 'models/tfjs/ssdlite_mobilenet_v2_coco'));
    const s = ssdSurgery(graph, {});
    const float = convert(s.graph, { inputArrays: s.inputArrays, outputArrays: s.outputArrays, inputShapes: s.inputShapes, inferenceType: 'FLOAT', allowCustomOps: true });
    const { model, report } = equalizeModel(float);
    expect(report.pairs.length).toBeGreaterThan(40);
    expect(await maxRelativeDifference(raw(float), raw(model))).toBeLessThan(1e-4);
  }, 120_000);

  it('SSD v2 float twin (QAT weights, dead channels): same raw outputs; the dead channels\' weights zeroed', async () => {
    const float = readTflite(new Uint8Array(readFileSync(SSD_FLOAT)), SSD_FLOAT);
    const { model, report } = equalizeModel(float);
    expect(report.deadChannels).toBeGreaterThan(0);
    expect(await maxRelativeDifference(raw(float), raw(model))).toBeLessThan(1e-4);
  }, 120_000);
});

describe('quantize --equalize --bias-correction and islands run in TFLite 2.9 exactly as in liteq', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liteq-repairs-'));
  const quantize = async (input: string, args: string[]) => {
    const out = join(dir, `${args.join('_').replace(/[^a-z0-9_]/gi, '')}.tflite`);
    const { stdout } = await run('node', [CLI, 'quantize', input, '--calibration', COCO, '--samples', '8', '-o', out, ...args]);
    return { model: readTflite(new Uint8Array(readFileSync(out)), out), stdout };
  };
  const ops = (m: Model) => m.subgraphs[0]!.operators.map((o) => (o.op.kind === 'builtin' ? o.op.opcode : o.op.customCode));

  it.each([
    ['uint8', ['--equalize', '--bias-correction']],
    ['int8', ['--equalize', '--bias-correction']],
    ['uint8', ['--adaround', '--bias-correction']],
    ['int8', ['--adaround']],
    ['uint8', ['--keep-float', 'Conv2d_(0|5_pointwise)', '--keep-int8', 'Conv2d_1[23]']],
    ['uint8', ['--equalize', '--bias-correction', '--keep-float', 'Conv2d_13_pointwise|Logits', '--keep-int8', 'Conv2d_[3-6]_']],
    ['int8', ['--bias-correction', '--keep-float', 'Conv2d_[0-2]_']],
  ])('MobileNet v1 %s %j', async (scheme, args) => {
    const { model, stdout } = await quantize(MOBILENET, ['--scheme', scheme, ...args]);
    if (args.includes('--equalize')) expect(stdout).toMatch(/equalized 26 layer pairs/);
    if (args.includes('--bias-correction')) expect(stdout).toMatch(/bias-corrected 2[78] layers/);
    if (args.includes('--adaround')) {
      // The chosen rounding lowers the depthwise layers' output error on the calibration images.
      const m = /(\d+) of (\d+) depthwise weights rounded away from nearest \(layer error (\d+\.\d)× lower\)/.exec(stdout)!;
      expect(Number(m[1])).toBeGreaterThan(0);
      expect(Number(m[3])).toBeGreaterThan(1);
    }
    if (args.includes('--keep-float')) {
      expect(stdout).toMatch(/layer\(s\) kept float/);
      expect(ops(model)).toContain('DEQUANTIZE');
    }
    if (args.includes('--keep-int8')) {
      expect(stdout).toMatch(/layer\(s\) kept int8/);
      // uint8 → int8 and back: QUANTIZE requantizes between the types.
      const sg = model.subgraphs[0]!;
      const requant = sg.operators.filter((o) => o.op.kind === 'builtin' && o.op.opcode === 'QUANTIZE' && sg.tensors[o.inputs[0]!]!.dtype !== 'float32');
      expect(requant.map((o) => `${sg.tensors[o.inputs[0]!]!.dtype}>${sg.tensors[o.outputs[0]!]!.dtype}`)).toEqual(expect.arrayContaining(['uint8>int8', 'int8>uint8']));
    }
    await expectSameAsTflite(model, PROBES);
  }, 180_000);

  it('SSD MobileNet v2 uint8 with every repair', async () => {
    const { model } = await quantize(SSD_FLOAT, ['--scheme', 'uint8', '--equalize', '--bias-correction', '--keep-float', 'BoxPredictor_0/ClassPredictor', '--keep-int8', 'expanded_conv_1/']);
    expect(ops(model)).toEqual(expect.arrayContaining(['MINIMUM', 'DEQUANTIZE', 'QUANTIZE', 'TFLite_Detection_PostProcess']));
    await expectSameAsTflite(model, PROBES);
  }, 300_000);

  it('refuses repairs for weight-only schemes and int8 islands outside uint8, naming the flags', async () => {
    await expect(run('node', [CLI, 'quantize', MOBILENET, '--scheme', 'float16', '--equalize', '-o', join(dir, 'x.tflite')])).rejects.toMatchObject({ stderr: expect.stringMatching(/--equalize.*apply to --scheme uint8 and int8/) });
    await expect(run('node', [CLI, 'quantize', MOBILENET, '--scheme', 'int8', '--keep-int8', 'Conv', '--calibration', COCO, '-o', join(dir, 'y.tflite')])).rejects.toMatchObject({ stderr: expect.stringMatching(/--keep-int8.*--scheme uint8/) });
    await expect(run('node', [CLI, 'quantize', MOBILENET, '--scheme', 'uint8', '--keep-float', 'NoSuchLayer', '--calibration', COCO, '--samples', '2', '-o', join(dir, 'z.tflite')])).rejects.toMatchObject({ stderr: expect.stringMatching(/no op output name matches \/NoSuchLayer\//) });
  }, 60_000);
});

describe('quantize --accuracy-budget', () => {
  it('keeps layers float one at a time until COCO AP is within the budget, prints the path, writes the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liteq-budget-'));
    const float = join(dir, 'ssdlite.tflite');
    await run('node', [CLI, 'convert', '--graph-def-file', join(SHARED, 'models/tfjs/ssdlite_mobilenet_v2_coco/model.json'), '--ssd', '--output-file', float]);
    const out = join(dir, 'budget.tflite');
    const report = join(dir, 'budget.html');
    const { stdout, stderr } = await run('node', [
      CLI, 'quantize', float, '--scheme', 'uint8', '--calibration', COCO, '--samples', '8', '-o', out,
      '--accuracy-budget', '1', '--images', COCO, '--annotations', join(SHARED, 'data/coco/instances_val2017_tiny.json'),
      '--labels', join(SHARED, 'data/coco_labels.txt'), '--max-images', '32', '--budget-steps', '8', '--report', report,
    ]);
    // Judged on images the ranges did not come from.
    expect(stderr).toMatch(/on 32 image\(s\) of .*\(8 calibration image\(s\) left out\)/);
    const steps = [...stdout.matchAll(/^\s+(\d+)\s+(\S+.*?)\s+(\d+\.\d\d)\s+([−+]\d+\.\d\d)\s/gm)].map((m) => ({ kept: Number(m[1]), ap: Number(m[3]), drop: Number(m[4]!.replace('−', '-')) }));
    expect(steps.length).toBeGreaterThan(1);
    expect(steps[0]!.drop).toBeLessThan(-1); // all quantized: more than the budget lost
    expect(steps.at(-1)!.drop).toBeGreaterThanOrEqual(-1); // the last step is within it
    expect(steps.slice(0, -1).every((s) => s.drop < -1)).toBe(true); // and it stopped at the first such step
    const final = /budget met: float AP (\d+\.\d\d), final (\d+\.\d\d)/.exec(stdout)!;
    expect(Number(final[1]) - Number(final[2])).toBeLessThanOrEqual(1);
    expect(stdout).toMatch(new RegExp(`${steps.length - 1} layer\\(s\\) kept float`));
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/<h2>Path<\/h2>/);
    expect(html).toMatch(/id="ranking-chart"/);
    expect(html).toMatch(/id="sqnr-chart"[^]*kept in higher precision \(float32\)/);
    expect(html).toMatch(/1 − cosine similarity per layer \(log scale/);
    await expectSameAsTflite(readTflite(new Uint8Array(readFileSync(out)), out), PROBES);
  }, 300_000);
});
