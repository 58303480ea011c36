import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../../errors.js';
import { describePipelineConfig, findField, readPipelineConfig, setQuantization, toText } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedFile = path.resolve(here, '../../../../../../shared/configs/ssd_mobilenet_v2_quantized_300x300_coco.config');
const seed = readFileSync(seedFile, 'utf8');
const Q = { delay: 48000, weightBits: 8, activationBits: 8 };

/** The seed with its trailing graph_rewriter block (and the blank line before it) cut out. */
const withoutRewriter = seed.slice(0, seed.indexOf('graph_rewriter {')).replace(/\n+$/, '\n');

function quantOf(text: string) {
  return describePipelineConfig(readPipelineConfig(text, 'x.config')).graph_rewriter?.quantization;
}

describe('readPipelineConfig / toText', () => {
  it('reproduces the shared config byte for byte', () => {
    const cfg = readPipelineConfig(seed, seedFile);
    expect(toText(cfg)).toBe(seed);
    const fromBytes = readPipelineConfig(new Uint8Array(readFileSync(seedFile)), seedFile);
    expect(Buffer.from(toText(fromBytes))).toEqual(readFileSync(seedFile));
    expect(cfg.fields.map((f) => f.name)).toEqual(['model', 'train_config', 'train_input_reader', 'eval_config', 'eval_input_reader', 'graph_rewriter']);
  });

  it('records where each field is', () => {
    const cfg = readPipelineConfig(seed, seedFile);
    const f = findField(cfg.fields, 'model.ssd.num_classes')!;
    expect([f.line, f.column]).toEqual([9, 5]);
    expect(seed.slice(f.start, f.end)).toBe('num_classes: 90');
    const rw = findField(cfg.fields, 'graph_rewriter')!;
    expect(seed.slice(rw.start, rw.end)).toMatch(/^graph_rewriter \{[\s\S]*\}$/);
  });

  it('parses list values, separators, <> blocks, negative and special numbers, adjacent strings', () => {
    const cfg = readPipelineConfig('a: [1, 2.5, -3e-2]; b < c: -inf d: "x" \'y\' >, e: [] f: ENUM_V', 'l.config');
    expect(findField(cfg.fields, 'a')!.values.map((v) => v.value)).toEqual([1, 2.5, -0.03]);
    expect(findField(cfg.fields, 'b.c')!.values[0]!.value).toBe(-Infinity);
    expect(findField(cfg.fields, 'b.d')!.values[0]!.value).toBe('xy');
    expect(findField(cfg.fields, 'e')!.values).toEqual([]);
    expect(findField(cfg.fields, 'f')!.values[0]).toMatchObject({ kind: 'identifier', value: 'ENUM_V' });
  });
});

describe('describePipelineConfig', () => {
  it('summarizes the shared SSD MobileNet v2 config', () => {
    const s = describePipelineConfig(readPipelineConfig(seed, seedFile));
    expect(s.meta_architecture).toBe('ssd');
    expect(s.num_classes).toBe(90);
    expect(s.image_resizer).toEqual({ type: 'fixed_shape_resizer', height: 300, width: 300, resize_method: 'BILINEAR' });
    expect(s.feature_extractor).toEqual({ type: 'ssd_mobilenet_v2', depth_multiplier: 1, min_depth: 16 });
    expect(s.anchor_generator).toMatchObject({
      type: 'ssd_anchor_generator',
      num_layers: 6,
      min_scale: 0.2,
      max_scale: 0.95,
      aspect_ratios: [1, 2, 0.5, 3, 0.3333],
      reduce_boxes_in_lowest_layer: true,
      interpolated_scale_aspect_ratio: 1,
      base_anchor_height: 1,
      base_anchor_width: 1,
    });
    expect(s.box_coder).toEqual({ type: 'faster_rcnn_box_coder', y_scale: 10, x_scale: 10, height_scale: 5, width_scale: 5 });
    expect(s.post_processing).toEqual({
      score_threshold: 1e-8,
      iou_threshold: 0.6,
      max_detections_per_class: 100,
      max_total_detections: 100,
      use_static_shapes: false,
      score_converter: 'SIGMOID',
      logit_scale: 1,
    });
    expect(s.preprocessing).toMatchObject({ normalization: '(2/255)*x - 1', mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5] });
    expect(s.preprocessing.source).toMatch(/ssd_mobilenet_v2_feature_extractor\.py/);
    expect(s.preprocessing.train_augmentations).toEqual(['random_horizontal_flip', 'ssd_random_crop']);
    expect(s.graph_rewriter).toEqual({ quantization: { delay: 48000, weight_bits: 8, activation_bits: 8, symmetric: false } });
  });

  it('reads keep_aspect_ratio_resizer, multiscale anchors and Faster R-CNN', () => {
    const s = describePipelineConfig(
      readPipelineConfig(
        `model { faster_rcnn { num_classes: 37 image_resizer { keep_aspect_ratio_resizer { min_dimension: 600 max_dimension: 1024 } }
           feature_extractor { type: 'faster_rcnn_resnet101' }
           first_stage_anchor_generator { grid_anchor_generator { scales: [0.25, 0.5] } }
           second_stage_post_processing { batch_non_max_suppression { score_threshold: 0.0 max_total_detections: 300 } score_converter: SOFTMAX } } }`,
        'f.config',
      ),
    );
    expect(s.meta_architecture).toBe('faster_rcnn');
    expect(s.num_classes).toBe(37);
    expect(s.image_resizer).toMatchObject({ type: 'keep_aspect_ratio_resizer', min_dimension: 600, max_dimension: 1024 });
    expect(s.anchor_generator).toEqual({ type: 'grid_anchor_generator' });
    expect(s.post_processing).toMatchObject({ score_converter: 'SOFTMAX', max_total_detections: 300 });
    expect(s.preprocessing.mean).toEqual([123.68, 116.779, 103.939]);
    expect(s.graph_rewriter).toBeNull();
    const m = describePipelineConfig(readPipelineConfig('model { ssd { anchor_generator { multiscale_anchor_generator { min_level: 3 max_level: 7 aspect_ratios: [1.0, 2.0, 0.5] } } } }', 'm.config'));
    expect(m.anchor_generator).toEqual({ type: 'multiscale_anchor_generator', min_level: 3, max_level: 7, anchor_scale: 4, aspect_ratios: [1, 2, 0.5], scales_per_octave: 2, normalize_coordinates: true });
  });
});

describe('setQuantization', () => {
  it('adds the seed block to a config without one, idempotently', () => {
    const base = readPipelineConfig(withoutRewriter, 'x.config');
    expect(describePipelineConfig(base).graph_rewriter).toBeNull();
    const once = setQuantization(base, Q);
    expect(quantOf(toText(once))).toEqual({ delay: 48000, weight_bits: 8, activation_bits: 8, symmetric: false });
    // Only an addition: the original text is a prefix, and the block is laid out as the seed's.
    expect(toText(once).startsWith(withoutRewriter)).toBe(true);
    expect(toText(once)).toBe(`${withoutRewriter}\ngraph_rewriter {\n  quantization {\n    delay: 48000\n    weight_bits: 8\n    activation_bits: 8\n  }\n}\n`);
    expect(toText(setQuantization(once, Q))).toBe(toText(once));
    // On the seed itself (block present, same values) nothing changes.
    expect(toText(setQuantization(readPipelineConfig(seed, seedFile), Q))).toBe(seed);
  });

  it('updates values in place and adds missing ones, touching nothing else', () => {
    const text = '# top\nmodel {\n    ssd { num_classes: 3 }\n}\ngraph_rewriter {\n    quantization {\n        delay: 1000  # warm-up\n        weight_bits: [8]\n    }\n}\n';
    const out = toText(setQuantization(readPipelineConfig(text, 'x.config'), { delay: 48000, weightBits: 4, activationBits: 8 }));
    expect(out).toBe('# top\nmodel {\n    ssd { num_classes: 3 }\n}\ngraph_rewriter {\n    quantization {\n        delay: 48000  # warm-up\n        weight_bits: 4\n        activation_bits: 8\n    }\n}\n');
    expect(quantOf(out)).toMatchObject({ delay: 48000, weight_bits: 4, activation_bits: 8 });
  });

  it('matches the file indentation (4 spaces, tabs) and one-line blocks', () => {
    const four = toText(setQuantization(readPipelineConfig('model {\n    ssd {\n    }\n}', 'x.config'), Q));
    expect(four).toBe('model {\n    ssd {\n    }\n}\n\ngraph_rewriter {\n    quantization {\n        delay: 48000\n        weight_bits: 8\n        activation_bits: 8\n    }\n}');
    const tabs = toText(setQuantization(readPipelineConfig('model {\n\tssd {\n\t}\n}\ngraph_rewriter {\n}\n', 'x.config'), Q));
    expect(tabs).toBe('model {\n\tssd {\n\t}\n}\ngraph_rewriter {\n\tquantization {\n\t\tdelay: 48000\n\t\tweight_bits: 8\n\t\tactivation_bits: 8\n\t}\n}\n');
    const inline = toText(setQuantization(readPipelineConfig('graph_rewriter { quantization { delay: 5 } }\n', 'x.config'), Q));
    expect(inline).toBe('graph_rewriter { quantization { delay: 48000 weight_bits: 8 activation_bits: 8 } }\n');
  });

  it('keeps comments everywhere', () => {
    const commented = withoutRewriter
      .replace('model {', 'model {  # the detector')
      .replace('    num_classes: 90', '    # COCO has 90 ids with gaps\n    num_classes: 90 # keep')
      .replace('eval_config: {', '# evaluation\neval_config: {');
    const out = toText(setQuantization(readPipelineConfig(commented, 'c.config'), Q));
    for (const c of ['# the detector', '# COCO has 90 ids with gaps', 'num_classes: 90 # keep', '# evaluation\neval_config: {', '# Quantized trained SSD']) expect(out).toContain(c);
    expect(out.startsWith(commented)).toBe(true);
    expect(describePipelineConfig(readPipelineConfig(out, 'c.config')).num_classes).toBe(90);
  });

  it('rejects out-of-range values', () => {
    expect(() => setQuantization(readPipelineConfig(seed, seedFile), { ...Q, weightBits: 0 })).toThrow(RangeError);
    expect(() => setQuantization(readPipelineConfig(seed, seedFile), { ...Q, delay: 1.5 })).toThrow(/delay/);
  });
});

describe('errors', () => {
  function errorOf(text: string): ModelFormatError {
    try {
      readPipelineConfig(text, 'broken.config');
    } catch (e) {
      expect(e).toBeInstanceOf(ModelFormatError);
      return e as ModelFormatError;
    }
    throw new Error('expected a ModelFormatError');
  }

  it('reports a missing closing brace at end of file with line:column', () => {
    const e = errorOf(seed.slice(0, seed.lastIndexOf('}')));
    expect(e.format).toBe('pipeline-config');
    expect(e.message).toMatch(/^broken\.config: invalid pipeline-config model \(line 202:1 at offset \d+\): unexpected end of file: missing '\}' to close 'graph_rewriter' \(opened at line 196:16\)$/);
  });

  it('reports an extra closing brace', () => {
    const e = errorOf('model {\n  ssd {\n  }\n}\n}\n');
    expect(e.field).toBe('line 5:1');
    expect(e.reason).toMatch(/unbalanced '\}'/);
  });

  it('reports a bad token and a missing value', () => {
    expect(errorOf('model {\n  ssd {\n    num_classes: 9$0\n  }\n}').field).toBe('line 3:19');
    expect(errorOf('a {\n  b: }\n').reason).toMatch(/expected a value, found '\}'/);
    expect(errorOf('a {\n  b 3\n}').field).toBe('line 2:5');
    expect(errorOf('a: "unterminated\n').reason).toMatch(/newline inside a string/);
  });
});
