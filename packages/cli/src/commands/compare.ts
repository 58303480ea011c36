import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import {
  compareModels,
  compareSections,
  decodeImage,
  floatPreprocessingFrom,
  htmlDocument,
  imageGrid,
  InvalidInputError,
  loadModel,
  metricsTable,
  readCocoDataset,
  readLabels,
  selectImages,
  writeFileAtomic,
  type CompareResult,
  type DetectorEvalResult,
} from '@liteq/core';
import { BACKEND_FLAG, type BackendName, runtimeOpts, MAX_MEMORY_FLAG, number, parseThreads, positiveInt } from '../options.js';
import { createProgress } from '../progress.js';
import { table } from '../table.js';
import { annotatedImages, deltaJson, evalWithProgress, metricsJson, metricsText, perClassJson } from './eval.js';

const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif', '.tif', '.tiff']);

const db = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : v > 0 ? 'inf' : '-inf');
/** JSON has no Infinity: identical tensors get SQNR null. */
const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

function tensorJson(t: CompareResult['tensors'][number]) {
  return { op_index: t.opIndex, op: t.op, name: t.name, shape: t.shape, sqnr_db: finiteOrNull(t.sqnr), mse: t.mse, cosine: t.cosine, max_abs_error: t.maxAbsError };
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('per-tensor error of model B against model A (e.g. uint8 vs float) on images: SQNR, MSE, cosine, max error per layer')
    .argument('<a>', 'reference .tflite (e.g. float)')
    .argument('<b>', '.tflite to measure (e.g. quantized)')
    .requiredOption('--images <dir>', 'folder of images (JPEG/PNG/...) to run both models on')
    .option('--max-images <n>', 'only the first N images (by file name; by image id with --annotations)', positiveInt)
    .option('--annotations <file>', 'COCO instances JSON for --images: adds COCO mAP of both models')
    .option('--labels <file>', 'label map for detections and class -> category mapping')
    .option('-t, --threads <n>', 'threads for one inference (default: one per core)', parseThreads)
    .option('--mean <m>', 'float inputs: (x - mean) / std (default: the other model\'s input quantization, else 127.5)', number)
    .option('--std <s>', 'see --mean', number)
    .option('--worst <n>', 'how many worst layers to list', positiveInt, 5)
    .option('--report <file>', 'write a self-contained HTML report (SQNR chart, detections side by side, mAP table)')
    .option('--json', 'print JSON: {matched_by, images, tensors: [{op_index, op, name, shape, sqnr_db, mse, cosine, max_abs_error}], worst, skipped, eval?}')
    .option(...BACKEND_FLAG)
    .option(...MAX_MEMORY_FLAG)
    .action(async (aPath: string, bPath: string, opts: { images: string; maxImages?: number; annotations?: string; labels?: string; threads?: number; mean?: number; std?: number; worst: number; report?: string; json?: boolean; backend?: BackendName; maxMemory?: number }) => {
      const threads = opts.threads ?? 0;
      const labels = opts.labels ? await readLabels(opts.labels) : [];
      const dataset = opts.annotations ? await readCocoDataset(opts.annotations) : undefined;
      let files: string[];
      if (dataset) {
        files = selectImages(dataset, opts.maxImages).map((im) => path.join(opts.images, im.file_name));
      } else {
        const names = (await readdir(opts.images)).filter((f) => IMAGE_EXT.has(path.extname(f).toLowerCase())).sort();
        files = names.slice(0, opts.maxImages ?? names.length).map((f) => path.join(opts.images, f));
      }
      if (files.length === 0) throw new InvalidInputError(`${opts.images}: no images`);
      const a = await loadModel(aPath, { threads, preserveIntermediates: true, ...runtimeOpts(opts) });
      const b = await loadModel(bPath, { threads, preserveIntermediates: true, ...runtimeOpts(opts) });
      try {
        const explicit = opts.mean !== undefined || opts.std !== undefined ? { mean: opts.mean, std: opts.std } : undefined;
        const preA = explicit ?? floatPreprocessingFrom(b) ?? {};
        const preB = explicit ?? floatPreprocessingFrom(a) ?? {};
        const progress = createProgress('compare', !opts.json);
        let result: CompareResult;
        try {
          const images = [];
          for (const f of files) images.push(await decodeImage(f));
          result = await compareModels(a, b, images, { ...explicit, worst: opts.worst, onProgress: (d, t) => progress.update(d, t) });
        } finally {
          progress.done();
        }
        let evals: [DetectorEvalResult, DetectorEvalResult] | undefined;
        if (dataset) {
          const common = { images: opts.images, labels, threshold: 0, maxImages: opts.maxImages, quiet: Boolean(opts.json) };
          evals = [
            await evalWithProgress(path.basename(aPath), a, dataset, { ...common, ...preA }),
            await evalWithProgress(path.basename(bPath), b, dataset, { ...common, ...preB }),
          ];
        }
        if (opts.report) {
          const shown = files.slice(0, 3);
          const imgsA = await annotatedImages(a, shown, labels, preA, `A ${path.basename(aPath)}`);
          const imgsB = await annotatedImages(b, shown, labels, preB, `B ${path.basename(bPath)}`);
          const rows = shown.map((f, i) => ({ title: path.basename(f), images: [imgsA[i]!, imgsB[i]!] }));
          const html = htmlDocument(`liteq compare — ${path.basename(aPath)} vs ${path.basename(bPath)}`, [
            ...compareSections(result, path.basename(aPath), path.basename(bPath)),
            ...(evals
              ? [
                  `<h2>COCO mAP (${evals[0].images.length} images)</h2>${metricsTable([
                    { label: `A ${path.basename(aPath)}`, metrics: evals[0].metrics },
                    { label: `B ${path.basename(bPath)}`, metrics: evals[1].metrics },
                  ])}`,
                ]
              : []),
            `<h2>Detections, A and B side by side (score ≥ 0.5)</h2>${imageGrid(rows)}`,
          ]);
          await writeFileAtomic(opts.report, html, [aPath, bPath, ...files, ...(opts.annotations ? [opts.annotations] : []), ...(opts.labels ? [opts.labels] : [])]);
        }
        if (opts.json) {
          const json: Record<string, unknown> = {
            a: aPath,
            b: bPath,
            matched_by: result.matchedBy,
            images: result.images,
            tensors: result.tensors.map(tensorJson),
            worst: result.worst.map(tensorJson),
            skipped: result.skipped,
          };
          if (evals) {
            json.eval = {
              a: { ...metricsJson(evals[0].metrics), per_class: perClassJson(evals[0].metrics) },
              b: { ...metricsJson(evals[1].metrics), per_class: perClassJson(evals[1].metrics) },
              delta: deltaJson(evals[1].metrics, evals[0].metrics),
              images: evals[0].images.length,
            };
          }
          process.stdout.write(`${JSON.stringify(json)}\n`);
          return;
        }
        const header = ['op', 'type', 'tensor', 'SQNR dB', 'MSE', 'cosine', 'max |err|'];
        const row = (t: CompareResult['tensors'][number]) => [String(t.opIndex), t.op, t.name, db(t.sqnr), t.mse.toExponential(3), t.cosine.toFixed(5), t.maxAbsError.toPrecision(4)];
        const align: ('l' | 'r')[] = ['r', 'l', 'l', 'r', 'r', 'r', 'r'];
        process.stdout.write(`B ${bPath} against A ${aPath}: ${result.tensors.length} tensors matched by ${result.matchedBy}, ${result.images} image(s)\n\n`);
        process.stdout.write(`${table(header, result.tensors.map(row), align)}\n\n`);
        process.stdout.write(`worst layers:\n${table(header, result.worst.map(row), align)}\n`);
        if (result.skipped.length) process.stdout.write(`\nnot compared: ${result.skipped.map((s) => `${s.name} (${s.reason})`).join(', ')}\n`);
        if (evals) process.stdout.write(`\nCOCO mAP on ${evals[0].images.length} image(s):\n${metricsText([{ label: 'B', metrics: evals[1].metrics }, { label: 'A', metrics: evals[0].metrics }])}\n`);
        if (opts.report) process.stdout.write(`\nwrote ${opts.report}\n`);
      } finally {
        a.dispose();
        b.dispose();
      }
    });
}
