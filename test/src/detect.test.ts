// `liteq detect` on a real photo prints the same detections as TFLite 2.9 run on the same pixels.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeImage, resizeBilinear } from '@liteq/core';
import { runTflite } from './tflite-runtime.js';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(here, '../../../shared');
const BIN = resolve(here, '../../packages/cli/bin/liteq.js');
const MODEL = join(SHARED, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite');
const IMAGE = join(SHARED, 'data/images/coral_test_data/kite_and_cold.jpg');
const LABELS = join(SHARED, 'data/coco_labels.txt');

describe('liteq detect', () => {
  it('matches TFLite 2.9 on kite_and_cold.jpg (same pixels), with labels and an annotated image', async () => {
    const out = mkdtempSync(join(os.tmpdir(), 'liteq-detect-'));
    const r = spawnSync(process.execPath, [BIN, 'detect', MODEL, IMAGE, '--labels', LABELS, '--threshold', '0.3', '--json', '--out', out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout).images[0];

    // The reference: the same decode + half-pixel bilinear resize, then the real runtime.
    const rgb = await decodeImage(IMAGE);
    const input = resizeBilinear(rgb, 300, 300).data;
    const [boxes, classes, scores, count] = (await runTflite(new Uint8Array(readFileSync(MODEL)), [input])).map((o) => new Float32Array(o.bytes.slice().buffer));
    const labels: string[] = [];
    for (const line of readFileSync(LABELS, 'utf8').split('\n')) {
      const m = /^(\d+)\s+(.+)$/.exec(line.trim());
      if (m) labels[Number(m[1])] = m[2]!;
    }
    const expected = [];
    for (let i = 0; i < count![0]!; i++) {
      if (scores![i]! < 0.3) continue;
      const cls = classes![i]!;
      expected.push({
        class: cls,
        label: labels[cls],
        score: scores![i],
        box: {
          ymin: Math.max(0, boxes![i * 4]! * rgb.height),
          xmin: Math.max(0, boxes![i * 4 + 1]! * rgb.width),
          ymax: Math.min(rgb.height, boxes![i * 4 + 2]! * rgb.height),
          xmax: Math.min(rgb.width, boxes![i * 4 + 3]! * rgb.width),
        },
      });
    }
    expect(expected.length).toBeGreaterThan(2);
    expect(got.width).toBe(rgb.width);
    expect(got.detections.map((d: { class: number }) => d.class)).toEqual(expected.map((d) => d.class));
    got.detections.forEach((d: any, i: number) => {
      const e = expected[i]!;
      expect(d.label).toBe(e.label);
      expect(d.score).toBe(e.score); // identical float32 scores, printed and parsed exactly
      for (const k of ['xmin', 'ymin', 'xmax', 'ymax'] as const) expect(d.box[k]).toBeCloseTo(e.box[k], 9);
    });
    expect(got.detections.some((d: { label: string }) => d.label === 'kite')).toBe(true);
    expect(existsSync(join(out, 'kite_and_cold.jpg'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'detections.json'), 'utf8')).images[0].detections).toEqual(got.detections);
  });

  it('rejects a non-SSD model and a non-image with clear errors (exit 2)', () => {
    const cls = join(SHARED, 'models/tflite/mobilenet_v1_0.25_224_quant.tflite');
    const a = spawnSync(process.execPath, [BIN, 'detect', cls, IMAGE], { encoding: 'utf8' });
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/not an SSD detection model/);
    const b = spawnSync(process.execPath, [BIN, 'detect', MODEL, LABELS], { encoding: 'utf8' });
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/coco_labels\.txt: cannot decode image/);
  });
});
