import path from 'node:path';
import type { Command } from 'commander';
import {
  annotateImage,
  decodeImage,
  evaluateDetector,
  floatPreprocessingFrom,
  htmlDocument,
  imageGrid,
  loadModel,
  METRIC_KEYS,
  metricsTable,
  readCocoDataset,
  readLabels,
  svgChart,
  writeFileAtomic,
  type CocoDataset,
  type CocoEvalResult,
  type CocoMetrics,
  type DetectorEvalResult,
  type LiteqModel,
  type ReportImage,
} from '@liteq/core';
import { BACKEND_FLAG, type BackendName, runtimeOpts, MAX_MEMORY_FLAG, number, parseThreads, parseThreshold, positiveInt } from '../options.js';
import { createProgress } from '../progress.js';
import { table } from '../table.js';

export interface ModelEvalOptions {
  images: string;
  labels: string[];
  threshold: number;
  maxImages?: number;
  mean?: number;
  std?: number;
  quiet: boolean;
}

/** Evaluates one loaded model with a progress line. */
export async function evalWithProgress(label: string, model: LiteqModel, dataset: CocoDataset, o: ModelEvalOptions): Promise<DetectorEvalResult> {
  const progress = createProgress(`eval ${label}`, !o.quiet);
  try {
    return await evaluateDetector(model, dataset, {
      imagesDir: o.images,
      labels: o.labels,
      threshold: o.threshold,
      maxImages: o.maxImages,
      mean: o.mean,
      std: o.std,
      onProgress: (d, t) => progress.update(d, t),
    });
  } finally {
    progress.done();
  }
}

export const metricsJson = (m: CocoMetrics): Record<string, number> => Object.fromEntries(METRIC_KEYS.map((k) => [k, m[k]]));

/** {name: AP} for the categories with ground truth in the evaluated images. */
export const perClassJson = (m: CocoEvalResult): Record<string, number> => Object.fromEntries(m.perCategory.filter((c) => c.AP >= 0).map((c) => [c.name, c.AP]));

export function deltaJson(m: CocoMetrics, base: CocoMetrics): Record<string, number> {
  return Object.fromEntries(METRIC_KEYS.map((k) => [k, m[k] - base[k]]));
}

const f4 = (v: number) => (v < 0 ? '-1' : v.toFixed(4));

export function metricsText(columns: { label: string; metrics: CocoMetrics }[]): string {
  const header = ['metric', ...columns.map((c) => c.label), ...(columns.length === 2 ? ['delta'] : [])];
  const rows = METRIC_KEYS.map((k) => {
    const vals = columns.map((c) => c.metrics[k]);
    return [k, ...vals.map(f4), ...(columns.length === 2 ? [(vals[0]! - vals[1]!).toFixed(4)] : [])];
  });
  return table(header, rows, header.map((_, i) => (i ? 'r' : 'l')));
}

/** A few images with their detections at score >= 0.5, for reports. */
export async function annotatedImages(model: LiteqModel, files: string[], labels: string[], pre: { mean?: number; std?: number }, caption: string): Promise<ReportImage[]> {
  const out: ReportImage[] = [];
  for (const file of files) {
    const rgb = await decodeImage(file);
    const dets = await model.detect(rgb, { threshold: 0.5, labels, ...pre });
    out.push({ caption: `${caption}: ${path.basename(file)} — ${dets.length} detection(s) ≥ 0.5`, jpeg: await annotateImage(rgb, dets) });
  }
  return out;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('COCO mAP of an SSD model on annotated images (pycocotools bbox semantics), optionally against a baseline model')
    .argument('<model>', 'SSD .tflite model (ending in TFLite_Detection_PostProcess)')
    .requiredOption('--images <dir>', 'folder holding the images named in the annotations')
    .requiredOption('--annotations <file>', 'COCO instances JSON (images, annotations, categories)')
    .option('--labels <file>', 'label map; classes map to categories by name (default: class c is category id c+1)')
    .option('--baseline <model>', 'a second model (e.g. the float original) to evaluate the same way; adds "delta"')
    .option('--threshold <t>', 'minimum detection score', parseThreshold, 0)
    .option('--max-images <n>', 'only the first N images (by image id)', positiveInt)
    .option('-t, --threads <n>', 'threads for one inference (default: one per core)', parseThreads)
    .option('--mean <m>', 'float inputs: (x - mean) / std (default 127.5; a float baseline of a quantized model gets its input quantization)', number)
    .option('--std <s>', 'see --mean', number)
    .option('--json', 'print JSON: {AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs, ARm, ARl, per_class, images, image_ids, detections, seconds, baseline?, delta?}')
    .option('--report <file>', 'write a self-contained HTML report')
    .option('--dets <file>', "write the model's detections as a COCO results JSON (pycocotools' loadRes format)")
    .option(...BACKEND_FLAG)
    .option(...MAX_MEMORY_FLAG)
    .action(async (modelPath: string, opts: { images: string; annotations: string; labels?: string; baseline?: string; threshold: number; maxImages?: number; threads?: number; mean?: number; std?: number; json?: boolean; report?: string; backend?: BackendName; maxMemory?: number; dets?: string }) => {
      const dataset = await readCocoDataset(opts.annotations);
      const labels = opts.labels ? await readLabels(opts.labels) : [];
      const threads = opts.threads ?? 0;
      const model = await loadModel(modelPath, { threads, ...runtimeOpts(opts) });
      const base = opts.baseline ? await loadModel(opts.baseline, { threads, ...runtimeOpts(opts) }) : undefined;
      try {
        const common = { images: opts.images, labels, threshold: opts.threshold, maxImages: opts.maxImages, quiet: Boolean(opts.json) };
        const explicit = opts.mean !== undefined || opts.std !== undefined ? { mean: opts.mean, std: opts.std } : undefined;
        const preModel = explicit ?? (base ? floatPreprocessingFrom(base) : undefined) ?? {};
        const preBase = explicit ?? floatPreprocessingFrom(model) ?? {};
        const r = await evalWithProgress(path.basename(modelPath), model, dataset, { ...common, ...preModel });
        const b = base ? await evalWithProgress(path.basename(opts.baseline!), base, dataset, { ...common, ...preBase }) : undefined;
        const json: Record<string, unknown> = {
          model: modelPath,
          ...metricsJson(r.metrics),
          per_class: perClassJson(r.metrics),
          images: r.images.length,
          image_ids: r.images.map((im) => im.id),
          detections: r.results.length,
          seconds: Number((r.ms / 1000).toFixed(3)),
        };
        if (b) {
          json.baseline = { model: opts.baseline, ...metricsJson(b.metrics), per_class: perClassJson(b.metrics), seconds: Number((b.ms / 1000).toFixed(3)) };
          json.delta = deltaJson(r.metrics, b.metrics);
        }
        if (opts.dets) {
          // [{image_id, category_id, bbox: [x, y, w, h], score}], numbers as evaluated (JSON keeps doubles exact).
          await writeFileAtomic(opts.dets, `${JSON.stringify(r.results)}\n`, [modelPath, opts.annotations, ...(opts.baseline ? [opts.baseline] : []), ...(opts.labels ? [opts.labels] : [])]);
        }
        if (opts.report) {
          const cats = r.metrics.perCategory.filter((c) => c.AP >= 0);
          const columns = [...(b ? [{ label: `baseline ${path.basename(opts.baseline!)}`, metrics: b.metrics }] : []), { label: path.basename(modelPath), metrics: r.metrics }];
          const baseCat = new Map(b?.metrics.perCategory.map((c) => [c.id, c.AP]));
          const chart = svgChart({
            title: 'AP@[.5:.95] per category',
            yLabel: 'AP',
            names: cats.map((c) => c.name),
            series: [
              { label: path.basename(modelPath), values: cats.map((c) => c.AP), color: '#4363d8' },
              ...(b ? [{ label: `baseline ${path.basename(opts.baseline!)}`, values: cats.map((c) => baseCat.get(c.id) ?? -1), color: '#f58231' }] : []),
            ],
            kind: b ? 'line' : 'bar',
            id: 'per-class-chart',
          });
          const files = r.images.slice(0, 4).map((im) => path.join(opts.images, im.file_name));
          const grid = [{ title: path.basename(modelPath), images: await annotatedImages(model, files, labels, preModel, path.basename(modelPath)) }];
          if (base) grid.push({ title: `baseline ${path.basename(opts.baseline!)}`, images: await annotatedImages(base, files, labels, preBase, 'baseline') });
          const html = htmlDocument(`liteq eval — ${path.basename(modelPath)}`, [
            `<p>${r.images.length} image(s) of <code>${opts.annotations}</code>, detections with score ≥ ${opts.threshold}; COCO bbox metrics (pycocotools semantics).</p>`,
            `<h2>COCO metrics</h2>${metricsTable(columns)}`,
            `<h2>Per category</h2>${chart}`,
            `<h2>Detections (score ≥ 0.5)</h2>${imageGrid(grid)}`,
          ]);
          await writeFileAtomic(opts.report, html, [modelPath, opts.annotations, ...(opts.baseline ? [opts.baseline] : []), ...(opts.labels ? [opts.labels] : [])]);
        }
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(json)}\n`);
          return;
        }
        const columns = [{ label: path.basename(modelPath), metrics: r.metrics }, ...(b ? [{ label: `baseline`, metrics: b.metrics }] : [])];
        process.stdout.write(`${r.images.length} image(s), ${r.results.length} detection(s) with score >= ${opts.threshold}, ${(r.ms / 1000).toFixed(1)} s${b ? ` (baseline ${(b.ms / 1000).toFixed(1)} s)` : ''}\n\n`);
        process.stdout.write(`${metricsText(columns)}\n\n`);
        const baseCat = new Map(b?.metrics.perCategory.map((c) => [c.id, c.AP]));
        const rows = r.metrics.perCategory
          .filter((c) => c.AP >= 0)
          .map((c) => [c.name, String(c.id), String(c.gt), f4(c.AP), f4(c.AP50), ...(b ? [f4(baseCat.get(c.id) ?? -1)] : [])]);
        process.stdout.write(`${table(['category', 'id', 'gt', 'AP', 'AP50', ...(b ? ['baseline AP'] : [])], rows, ['l', 'r', 'r', 'r', 'r', 'r'])}\n`);
        if (opts.report) process.stdout.write(`\nwrote ${opts.report}\n`);
        if (opts.dets) process.stdout.write(`wrote ${opts.dets} (${r.results.length} detections)\n`);
      } finally {
        model.dispose();
        base?.dispose();
      }
    });
}
