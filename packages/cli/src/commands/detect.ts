import path from 'node:path';
import type { Command } from 'commander';
import { annotateImage, decodeImage, loadModel, readLabels, writeFileAtomic, type Detection } from '@liteq/core';
import { BACKEND_FLAG, type BackendName, runtimeOpts, MAX_MEMORY_FLAG, parseThreads, parseThreshold } from '../options.js';
import { table } from '../table.js';

export function registerDetect(program: Command): void {
  program
    .command('detect')
    .description('run an SSD model (ending in TFLite_Detection_PostProcess) on images; print detections, optionally write annotated images')
    .argument('<model>', 'SSD .tflite model')
    .argument('<images...>', 'JPEG/PNG/WebP/... images')
    .option('--labels <file>', 'label map: one label per line (index = class id), or "N label" lines')
    .option('--threshold <t>', 'minimum score', parseThreshold, 0.5)
    .option('-t, --threads <n>', 'threads for one inference (default: one per core)', parseThreads)
    .option('--out <dir>', 'write <image>.jpg with boxes, labels and scores, and detections.json')
    .option('--json', 'print JSON: {backend, images: [{image, width, height, detections: [{label, class, score, box}]}]}')
    .option(...BACKEND_FLAG)
    .option(...MAX_MEMORY_FLAG)
    .action(async (modelPath: string, images: string[], opts: { labels?: string; threshold: number; threads?: number; out?: string; json?: boolean; backend?: BackendName; maxMemory?: number }) => {
      const model = await loadModel(modelPath, { threads: opts.threads ?? 0, ...runtimeOpts(opts) });
      const labels = opts.labels ? await readLabels(opts.labels) : [];
      const results: { image: string; width: number; height: number; detections: Detection[] }[] = [];
      const protectedFiles = [modelPath, ...images, ...(opts.labels ? [opts.labels] : [])];
      try {
        for (const image of images) {
          const rgb = await decodeImage(image);
          const detections = await model.detect(rgb, { threshold: opts.threshold, labels });
          results.push({ image, width: rgb.width, height: rgb.height, detections });
          if (opts.out) {
            const name = `${path.basename(image, path.extname(image))}.jpg`;
            await writeFileAtomic(path.join(opts.out, name), await annotateImage(rgb, detections), protectedFiles);
          }
          if (!opts.json) {
            const rows = detections.map((d) => [d.label, String(d.class), d.score.toFixed(4), ...[d.box.xmin, d.box.ymin, d.box.xmax, d.box.ymax].map((v) => v.toFixed(1))]);
            process.stdout.write(`${image} (${rgb.width}x${rgb.height}): ${detections.length} detection(s) with score >= ${opts.threshold}\n`);
            if (rows.length) process.stdout.write(`${table(['label', 'class', 'score', 'xmin', 'ymin', 'xmax', 'ymax'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r'])}\n`);
          }
        }
      } finally {
        model.dispose();
      }
      if (opts.out) await writeFileAtomic(path.join(opts.out, 'detections.json'), `${JSON.stringify({ images: results }, null, 1)}\n`, protectedFiles);
      if (opts.json) process.stdout.write(`${JSON.stringify({ backend: model.backend, images: results })}\n`);
    });
}
