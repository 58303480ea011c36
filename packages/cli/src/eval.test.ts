// `liteq eval` and `liteq compare` on the shared COCO images with the uint8 and float SSD MobileNet v2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../bin/liteq.js');
const shared = path.resolve(here, '../../../../shared');
const UINT8 = path.join(shared, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite');
const FLOAT = path.join(shared, 'models/graphdef/ssd_mobilenet_v2_coco_float.tflite');
const IMAGES = path.join(shared, 'data/coco/val2017');
const ANN = path.join(shared, 'data/coco/instances_val2017_tiny.json');
const LABELS = path.join(shared, 'data/coco_labels.txt');
const METRICS = ['AP', 'AP50', 'AP75', 'APs', 'APm', 'APl', 'AR1', 'AR10', 'AR100', 'ARs', 'ARm', 'ARl'];

function liteq(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('liteq eval', () => {
  it('evaluates 5 images against the float baseline, with JSON and an HTML report', () => {
    const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'liteq-eval-')), 'eval.html');
    const r = liteq('eval', UINT8, '--images', IMAGES, '--annotations', ANN, '--labels', LABELS, '--max-images', '5', '--baseline', FLOAT, '--threads', '1', '--json', '--report', report);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.images).toBe(5);
    expect(j.detections).toBe(5 * 20); // max_detections 20, threshold 0
    for (const k of METRICS) {
      expect(j[k]).toBeGreaterThanOrEqual(0);
      expect(j[k]).toBeLessThanOrEqual(1);
      expect(j.delta[k]).toBeCloseTo(j[k] - j.baseline[k], 12);
    }
    expect(j.AP).toBeGreaterThan(0.05);
    expect(j.AP50).toBeGreaterThan(j.AP);
    expect(j.per_class.person).toBeGreaterThan(0);
    expect(Object.keys(j.per_class).length).toBeGreaterThan(5);
    // uint8 and its float twin should be close.
    expect(Math.abs(j.delta.AP)).toBeLessThan(0.1);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('id="per-class-chart"');
    expect(html.match(/src="data:image\/jpeg;base64,/g)?.length).toBe(8); // 4 images x (model, baseline)
    expect(html).toContain('AP50');
    expect(html).not.toMatch(/<script|href="http/);
  });

  it('prints a table', () => {
    const r = liteq('eval', UINT8, '--images', IMAGES, '--annotations', ANN, '--max-images', '2', '--threads', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^AP50\s+0\.\d{4}$/m);
    expect(r.stdout).toMatch(/^person\s+1\s/m); // class 0 -> category id 1 without a label map
  });

  it('reaches a plausible mAP on all 80 images (uint8 SSD MobileNet v2)', () => {
    const r = liteq('eval', UINT8, '--images', IMAGES, '--annotations', ANN, '--labels', LABELS, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.images).toBe(80);
    expect(j.AP50).toBeGreaterThan(0.3); // measured 0.411
    expect(j.AP).toBeGreaterThan(0.2); // measured 0.268
    expect(j.AR100).toBeGreaterThan(0.2);
    expect(Object.keys(j.per_class)).toHaveLength(80);
  });

  it('rejects a missing annotations file and a bad --max-images', () => {
    expect(liteq('eval', UINT8, '--images', IMAGES, '--annotations', path.join(IMAGES, 'nope.json')).code).not.toBe(0);
    const r = liteq('eval', UINT8, '--images', IMAGES, '--annotations', ANN, '--max-images', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('positive integer');
  });
});

describe('liteq compare', () => {
  it('compares float and uint8 SSD v2 per tensor, with mAP and an HTML report', () => {
    const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'liteq-compare-')), 'compare.html');
    const r = liteq('compare', FLOAT, UINT8, '--images', IMAGES, '--annotations', ANN, '--labels', LABELS, '--max-images', '2', '--threads', '1', '--json', '--report', report);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.matched_by).toBe('name');
    expect(j.images).toBe(2);
    // 99 ops; the post-process's 4 outputs are not compared elementwise.
    expect(j.tensors).toHaveLength(98);
    expect(j.tensors.map((t: { op_index: number }) => t.op_index)).toEqual([...j.tensors.map((t: { op_index: number }) => t.op_index)].sort((a: number, b: number) => a - b));
    for (const t of j.tensors) {
      expect(t.sqnr_db).toBeGreaterThan(10);
      expect(t.sqnr_db).toBeLessThan(80);
      expect(t.cosine).toBeGreaterThan(0.98);
      expect(t.mse).toBeGreaterThan(0);
      expect(t.max_abs_error).toBeGreaterThan(0);
    }
    // The first layer sees the same input: its error is the smallest.
    expect(j.tensors[0].sqnr_db).toBeGreaterThan(40);
    expect(j.worst).toHaveLength(5);
    expect(j.worst[0].sqnr_db).toBe(Math.min(...j.tensors.map((t: { sqnr_db: number }) => t.sqnr_db)));
    expect(j.eval.images).toBe(2);
    expect(j.eval.delta.AP).toBeCloseTo(j.eval.b.AP - j.eval.a.AP, 12);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('id="sqnr-chart"');
    expect(html.match(/<rect [^>]*><title>/g)!.length).toBeGreaterThanOrEqual(98); // one bar per layer
    expect(html.match(/src="data:image\/jpeg;base64,/g)?.length).toBe(4); // 2 images x (A, B)
    expect(html).toContain('COCO mAP');
    expect(html).toContain('FeatureExtractor/MobilenetV2/Conv/Relu6');
  });

  it('prints the per-layer table and the worst layers', () => {
    const r = liteq('compare', FLOAT, UINT8, '--images', IMAGES, '--max-images', '1', '--threads', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('98 tensors matched by name, 1 image(s)');
    expect(r.stdout).toContain('worst layers:');
  });
});
