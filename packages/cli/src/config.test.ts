// `liteq config show|quantize` on the shared SSD MobileNet v2 pipeline.config and broken variants.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../bin/liteq.js');
const seedFile = path.resolve(here, '../../../../shared/configs/ssd_mobilenet_v2_quantized_300x300_coco.config');
const seed = readFileSync(seedFile, 'utf8');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'liteq-config-'));

function liteq(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, text: string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe('liteq config show', () => {
  it('prints the summary as JSON with stable snake_case keys', () => {
    const r = liteq('config', 'show', '--json', seedFile);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(Object.keys(s)).toEqual([
      'meta_architecture', 'num_classes', 'image_resizer', 'feature_extractor', 'anchor_generator', 'box_coder',
      'post_processing', 'preprocessing', 'graph_rewriter', 'anchors',
    ]);
    expect(s.meta_architecture).toBe('ssd');
    expect(s.num_classes).toBe(90);
    expect(s.image_resizer).toMatchObject({ type: 'fixed_shape_resizer', height: 300, width: 300 });
    expect(s.feature_extractor).toEqual({ type: 'ssd_mobilenet_v2', depth_multiplier: 1, min_depth: 16 });
    expect(s.anchor_generator).toMatchObject({ type: 'ssd_anchor_generator', num_layers: 6, min_scale: 0.2, max_scale: 0.95, aspect_ratios: [1, 2, 0.5, 3, 0.3333], reduce_boxes_in_lowest_layer: true });
    expect(s.box_coder).toEqual({ type: 'faster_rcnn_box_coder', y_scale: 10, x_scale: 10, height_scale: 5, width_scale: 5 });
    expect(s.post_processing).toMatchObject({ score_threshold: 1e-8, iou_threshold: 0.6, max_detections_per_class: 100, max_total_detections: 100, score_converter: 'SIGMOID' });
    expect(s.preprocessing).toMatchObject({ mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5] });
    expect(s.graph_rewriter).toEqual({ quantization: { delay: 48000, weight_bits: 8, activation_bits: 8, symmetric: false } });
    expect(s.anchors).toEqual({ count: 1917, feature_maps: [[19, 19], [10, 10], [5, 5], [3, 3], [2, 2], [1, 1]], boxes_per_cell: [3, 6, 6, 6, 6, 6] });
  });

  it('prints a readable list', () => {
    const r = liteq('config', 'show', seedFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/meta-architecture\s+ssd/);
    expect(r.stdout).toMatch(/anchors\s+1917 \(19x19x3 \+ 10x10x6/);
    expect(r.stdout).toMatch(/mean \[127\.5, 127\.5, 127\.5\]/);
    expect(r.stdout).toMatch(/graph_rewriter\s+quantization: delay 48000, weight_bits 8, activation_bits 8/);
  });

  it('reports a broken config with line:column and exit code 2', () => {
    const bad = write('bad.config', seed.replace('num_classes: 90', 'num_classes: 90}'));
    const r = liteq('config', 'show', bad);
    expect(r.code).toBe(2);
    // The stray '}' closes ssd early, so the file's last-but-one '}' is the one with no block open.
    expect(r.stderr).toMatch(/^liteq: .*bad\.config: invalid pipeline-config model \(line 138:1 at offset \d+\): unbalanced '\}': no block is open\n$/);
    expect(r.stdout).toBe('');
  });
});

describe('liteq config quantize', () => {
  const bare = write('float.config', seed.slice(0, seed.indexOf('graph_rewriter {')).replace(/\n+$/, '\n'));

  it('adds the graph_rewriter block, prints to stdout without -o, and is idempotent', () => {
    const r = liteq('config', 'quantize', bare);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(readFileSync(bare, 'utf8'))).toBe(true);
    expect(r.stdout).toMatch(/graph_rewriter \{\n {2}quantization \{\n {4}delay: 48000\n {4}weight_bits: 8\n {4}activation_bits: 8\n {2}\}\n\}\n$/);
    const out = path.join(tmp, 'out', 'quant.config');
    expect(liteq('config', 'quantize', bare, '-o', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
    const again = liteq('config', 'quantize', out);
    expect(again.stdout).toBe(r.stdout);
    const shown = JSON.parse(liteq('config', 'show', '--json', out).stdout);
    expect(shown.graph_rewriter.quantization).toMatchObject({ delay: 48000, weight_bits: 8, activation_bits: 8 });
    expect(readdirSync(path.dirname(out))).toEqual(['quant.config']); // no temp files left behind
  });

  it('updates values in place from the flags', () => {
    const r = liteq('config', 'quantize', seedFile, '--delay', '1000', '--weight-bits', '4');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(seed.replace('delay: 48000', 'delay: 1000').replace('weight_bits: 8', 'weight_bits: 4'));
  });

  it('refuses to overwrite its input, bad flag values and non-SSD configs', () => {
    const copy = write('copy.config', seed);
    const same = liteq('config', 'quantize', copy, '-o', copy);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/refusing to write .*copy\.config: it is an input/);
    expect(readFileSync(copy, 'utf8')).toBe(seed);
    expect(liteq('config', 'quantize', copy, '--weight-bits', 'eight').code).toBe(2);
    const frcnn = write('frcnn.config', 'model {\n  faster_rcnn {\n    num_classes: 3\n  }\n}\n');
    const r = liteq('config', 'quantize', frcnn, '-o', path.join(tmp, 'never.config'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs an SSD config .*this config's model is faster_rcnn/);
    expect(existsSync(path.join(tmp, 'never.config'))).toBe(false);
  });
});
