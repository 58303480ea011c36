#!/usr/bin/env node
// `npm run accuracy`: the README's accuracy table, made by one command. On the 80-image COCO set in
// ../shared/data/coco: the float SSDLite (converted from the TF.js model with SSD surgery) and the float
// SSD MobileNet v2, each with uint8 and int8 post-training quantization for every calibration method,
// and the QAT uint8 SSD v2 that TOCO made. Prints a Markdown table (AP in points, and the change
// against the float model) and writes it to out/accuracy.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  calibrate,
  convert,
  createModel,
  evaluateDetector,
  listCalibrationImages,
  loadGraphFile,
  loadModel,
  parseCalibrationMethod,
  quantizeModel,
  readCocoDataset,
  readTflite,
  resolveBackend,
  ssdSurgery,
} from '@liteq/core';
import '@liteq/native';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.LITEQ_SHARED ?? path.resolve(root, '../shared');
const images = path.join(shared, 'data/coco/val2017');
const annotations = path.join(shared, 'data/coco/instances_val2017_tiny.json');
const labels = path.join(shared, 'data/coco_labels.txt');
const SAMPLES = Number(process.env.LITEQ_CALIBRATION_SAMPLES ?? 16);
const METHODS = ['minmax', 'ema', 'percentile', 'entropy', 'mse'];

const dataset = await readCocoDataset(annotations);
const backend = await resolveBackend();
const calibrationImages = await listCalibrationImages(images, SAMPLES);

async function evaluate(model, mean, std) {
  const m = await createModel(model, { file: 'eval' });
  try {
    const r = await evaluateDetector(m, dataset, { imagesDir: images, labels, mean, std });
    return r.metrics;
  } finally {
    m.dispose();
  }
}

/** The float SSDLite: the TF.js frozen graph through SSD surgery and the converter. */
function ssdliteFloat(graph) {
  const s = ssdSurgery(graph, {});
  return convert(s.graph, { inputArrays: s.inputArrays, outputArrays: s.outputArrays, inputShapes: s.inputShapes, inferenceType: 'FLOAT', allowCustomOps: true, backend });
}

const floats = [
  {
    name: 'SSDLite MobileNet v2 (TF.js → SSD surgery)',
    model: ssdliteFloat(await loadGraphFile(path.join(shared, 'models/tfjs/ssdlite_mobilenet_v2_coco'))),
    mean: 127.5,
    std: 127.5,
  },
  {
    name: 'SSD MobileNet v2 (graphdef float twin)',
    model: readTflite(new Uint8Array(readFileSync(path.join(shared, 'models/graphdef/ssd_mobilenet_v2_coco_float.tflite')))),
    mean: 128,
    std: 128,
  },
];

const rows = [];
const log = (s) => process.stderr.write(`${s}\n`);
for (const f of floats) {
  const base = await evaluate(f.model, f.mean, f.std);
  rows.push({ model: f.name, variant: 'float32', metrics: base, base });
  log(`${f.name}: float AP ${base.AP.toFixed(4)}`);
  for (const method of METHODS) {
    const ranges = await calibrate(f.model, calibrationImages, { method: parseCalibrationMethod(method), mean: f.mean, std: f.std });
    for (const scheme of ['uint8', 'int8']) {
      const q = quantizeModel(f.model, { scheme, ranges, mean: f.mean, std: f.std, backend });
      const metrics = await evaluate(q, f.mean, f.std);
      rows.push({ model: f.name, variant: `${scheme} PTQ, ${method}`, metrics, base });
      log(`${f.name}: ${scheme} ${method} AP ${metrics.AP.toFixed(4)}`);
    }
  }
}
{
  const qat = await loadModel(path.join(shared, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite'));
  const r = await evaluateDetector(qat, dataset, { imagesDir: images, labels });
  qat.dispose();
  const base = rows.find((r) => r.model.startsWith('SSD MobileNet v2') && r.variant === 'float32').base;
  rows.push({ model: 'SSD MobileNet v2 (graphdef float twin)', variant: 'uint8 QAT (TOCO, shared model)', metrics: r.metrics, base });
}

const pts = (v) => (100 * v).toFixed(1);
const delta = (v, b) => {
  const d = Math.round(1000 * (v - b)) / 10;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d).toFixed(1)}`;
};
const lines = [
  `| model | variant | AP | ΔAP vs float | AP50 | AP75 | AR100 |`,
  `|---|---|---:|---:|---:|---:|---:|`,
  ...rows.map((r) => `| ${r.model} | ${r.variant} | ${pts(r.metrics.AP)} | ${r.variant === 'float32' ? '—' : delta(r.metrics.AP, r.base.AP)} | ${pts(r.metrics.AP50)} | ${pts(r.metrics.AP75)} | ${pts(r.metrics.AR100)} |`),
];
const md = `${lines.join('\n')}\n\nCOCO AP@[.5:.95] in points on the ${dataset.images.length} images of instances_val2017_tiny.json; PTQ calibrated on the first ${calibrationImages.length} images (sorted by file name) of the same folder.\n`;
mkdirSync(path.join(root, 'out'), { recursive: true });
writeFileSync(path.join(root, 'out/accuracy.md'), md);
process.stdout.write(md);
