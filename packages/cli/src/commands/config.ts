// `liteq config show|quantize`: read a TF Object Detection API pipeline.config, summarize it, or add
// quantization-aware training (graph_rewriter) to it without disturbing the rest of the file.
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import {
  assertSsd,
  describePipelineConfig,
  generateSsdAnchors,
  readPipelineConfig,
  setQuantization,
  toText,
  writeFileAtomic,
  type PipelineConfigSummary,
} from '@liteq/core';

/** `liteq config show --json`: the summary plus the anchor layout it implies (null when not derivable). */
export interface ConfigShowJson extends PipelineConfigSummary {
  anchors: { count: number; feature_maps: [number, number][]; boxes_per_cell: number[] } | null;
}

function intOption(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
}

async function load(file: string) {
  return readPipelineConfig(new Uint8Array(await readFile(file)), file);
}

function anchorsOf(s: PipelineConfigSummary): ConfigShowJson['anchors'] {
  if (s.meta_architecture !== 'ssd' || s.anchor_generator?.type !== 'ssd_anchor_generator') return null;
  try {
    const a = generateSsdAnchors(s);
    return { count: a.count, feature_maps: a.layers.map((l) => l.featureMap), boxes_per_cell: a.layers.map((l) => l.boxSpecs.length) };
  } catch {
    return null; // feature map sizes unknown for this extractor
  }
}

export function registerConfig(program: Command): void {
  const config = program.command('config').description('read or edit a TF Object Detection API pipeline.config (comments and layout kept)');

  config
    .command('show')
    .description('summarize a pipeline.config: architecture, classes, resizer, anchors, box coder, NMS, normalization, graph_rewriter')
    .argument('<file>', 'pipeline.config (protobuf text format)')
    .option('--json', 'print JSON (stable snake_case keys: meta_architecture, num_classes, image_resizer, feature_extractor, anchor_generator, box_coder, post_processing, preprocessing, graph_rewriter, anchors)')
    .action(async (file: string, opts: { json?: boolean }) => {
      const summary = describePipelineConfig(await load(file));
      const out: ConfigShowJson = { ...summary, anchors: anchorsOf(summary) };
      process.stdout.write(opts.json ? `${JSON.stringify(out, null, 2)}\n` : `${renderConfig(file, out)}\n`);
    });

  config
    .command('quantize')
    .description('add or update graph_rewriter { quantization { … } } (quantization-aware training) in an SSD pipeline.config')
    .argument('<file>', 'pipeline.config (never overwritten)')
    .option('--delay <steps>', 'training steps before fake quantization starts', intOption('--delay', 0, 2 ** 31 - 1), 48000)
    .option('--weight-bits <n>', 'bits for weights', intOption('--weight-bits', 2, 16), 8)
    .option('--activation-bits <n>', 'bits for activations', intOption('--activation-bits', 2, 16), 8)
    .option('-o, --output <file>', 'write here (atomically) instead of printing to stdout')
    .action(async (file: string, opts: { delay: number; weightBits: number; activationBits: number; output?: string }) => {
      const cfg = await load(file);
      assertSsd(describePipelineConfig(cfg), 'liteq config quantize');
      const edited = toText(setQuantization(cfg, { delay: opts.delay, weightBits: opts.weightBits, activationBits: opts.activationBits }));
      if (opts.output) {
        await writeFileAtomic(opts.output, edited, [file]);
        process.stderr.write(`wrote ${opts.output}${edited === toText(cfg) ? ' (unchanged: the values were already set)' : ''}\n`);
      } else {
        process.stdout.write(edited);
      }
    });
}

const fmt = (v: unknown): string => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

/** Human-readable list. */
export function renderConfig(file: string, s: ConfigShowJson): string {
  const lines: string[] = [file];
  const item = (label: string, value: string) => lines.push(`  ${label.padEnd(20)} ${value}`);
  item('meta-architecture', s.meta_architecture ?? '(no model block)');
  item('num_classes', s.num_classes === null ? '(not set)' : String(s.num_classes));
  const r = s.image_resizer;
  if (!r) item('image resizer', '(none)');
  else if (r.type === 'fixed_shape_resizer') item('image resizer', `fixed_shape_resizer ${r.height}x${r.width} (height x width), ${r.resize_method}`);
  else if (r.type === 'keep_aspect_ratio_resizer') item('image resizer', `keep_aspect_ratio_resizer min ${r.min_dimension} max ${r.max_dimension}${r.pad_to_max_dimension ? ', padded to max' : ''}, ${r.resize_method}`);
  else item('image resizer', r.type);
  const fe = s.feature_extractor;
  item('feature extractor', fe ? [fe.type ?? '(no type)', fe.depth_multiplier !== null ? `depth_multiplier ${fe.depth_multiplier}` : '', fe.min_depth !== null ? `min_depth ${fe.min_depth}` : ''].filter(Boolean).join(', ') : '(none)');
  const a = s.anchor_generator;
  if (!a) item('anchor generator', '(none)');
  else {
    item('anchor generator', a.type);
    for (const [k, v] of Object.entries(a)) {
      if (k === 'type' || (Array.isArray(v) && v.length === 0 && k !== 'aspect_ratios')) continue;
      lines.push(`    ${k}: ${fmt(v)}`);
    }
  }
  if (s.anchors) {
    item('anchors', `${s.anchors.count} (${s.anchors.feature_maps.map(([h, w], i) => `${h}x${w}x${s.anchors!.boxes_per_cell[i]}`).join(' + ')})`);
  }
  const b = s.box_coder;
  item('box coder', !b ? '(none)' : b.type === 'faster_rcnn_box_coder' ? `faster_rcnn_box_coder y ${b.y_scale}, x ${b.x_scale}, height ${b.height_scale}, width ${b.width_scale}` : b.type);
  const p = s.post_processing;
  if (!p) item('post-processing', '(none)');
  else {
    item('post-processing', `batch NMS: score >= ${p.score_threshold}, IoU ${p.iou_threshold}, ${p.max_detections_per_class} per class, ${p.max_total_detections} total`);
    lines.push(`    score_converter: ${p.score_converter}${p.logit_scale !== 1 ? ` (logit_scale ${p.logit_scale})` : ''}`);
  }
  const n = s.preprocessing;
  if (n.normalization) {
    item('normalization', `${n.normalization} → mean ${fmt(n.mean)}, std ${fmt(n.std)}`);
    lines.push(`    from ${n.source}`);
  } else {
    item('normalization', 'unknown for this feature extractor');
  }
  if (n.train_augmentations.length) item('train augmentation', n.train_augmentations.join(', '));
  const g = s.graph_rewriter;
  if (!g) item('graph_rewriter', 'none (float training; `liteq config quantize` adds one)');
  else if (!g.quantization) item('graph_rewriter', 'present, no quantization block');
  else {
    const q = g.quantization;
    item('graph_rewriter', `quantization: delay ${q.delay}, weight_bits ${q.weight_bits}, activation_bits ${q.activation_bits}${q.symmetric ? ', symmetric' : ''}`);
  }
  return lines.join('\n');
}
