#!/usr/bin/env node
// `npm run accuracy`: the README's accuracy tables, made by one command. The 80 annotated COCO val2017
// images in ../shared/data/coco are split by file name: the first 16 calibrate (and choose the accuracy
// budget's layers), the other 64 are evaluated — no image is in both. For the float SSDLite (converted
// from the TF.js model with SSD surgery) and the float SSD MobileNet v2: uint8 and int8 post-training
// quantization with every calibration method, then with cross-layer equalization, bias correction,
// both, AdaRound-style depthwise rounding, and all three; the uint8 SSDLite with an accuracy budget (the path step by step); the QAT uint8 SSD v2 that
// TOCO made; and, when tensorflow-cpu 2.21 installs, TensorFlow's own int8 PTQ of the SSD v2 float
// graph with the same 16 images. Every model runs in liteq's kernels (bit-exact to TFLite 2.9) and is
// scored with pycocotools' rules. Prints Markdown and writes out/accuracy.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  convert,
  createModel,
  decodeImage,
  evaluateDetector,
  listCalibrationImages,
  loadGraphFile,
  loadModel,
  parseCalibrationMethod,
  postTrainingQuantize,
  readCocoDataset,
  readTflite,
  resizeBilinear,
  resolveBackend,
  searchAccuracyBudget,
  ssdSurgery,
} from '@liteq/core';
import '@liteq/native';
import { ensureVenv } from '../test/python-venv.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.LITEQ_SHARED ?? path.resolve(root, '../shared');
const imagesDir = path.join(shared, 'data/coco/val2017');
const annotations = path.join(shared, 'data/coco/instances_val2017_tiny.json');
const labels = path.join(shared, 'data/coco_labels.txt');
const SAMPLES = Number(process.env.LITEQ_CALIBRATION_SAMPLES ?? 16);
const METHODS = ['minmax', 'ema', 'percentile', 'entropy', 'mse'];
const BUDGET_POINTS = 1.0;
const log = (s) => process.stderr.write(`${s}\n`);

const full = await readCocoDataset(annotations);
const backend = await resolveBackend();
const calibrationFiles = await listCalibrationImages(imagesDir, SAMPLES);
const calibrationNames = new Set(calibrationFiles.map((f) => path.basename(f)));
const evalSet = { ...full, images: full.images.filter((i) => !calibrationNames.has(i.file_name)) };
const calibSet = { ...full, images: full.images.filter((i) => calibrationNames.has(i.file_name)) };
const decoded = await Promise.all(calibrationFiles.map((f) => decodeImage(f)));
const calibration = calibrationFiles.map((f, k) => ({ name: f, load: async () => decoded[k] }));

async function ap(model, dataset, mean, std) {
  const m = await createModel(model, { file: 'eval' });
  try {
    return (await evaluateDetector(m, dataset, { imagesDir, labels, mean, std })).metrics;
  } finally {
    m.dispose();
  }
}

function ssdliteFloat(graph) {
  const s = ssdSurgery(graph, {});
  return convert(s.graph, { inputArrays: s.inputArrays, outputArrays: s.outputArrays, inputShapes: s.inputShapes, inferenceType: 'FLOAT', allowCustomOps: true, backend });
}

const floats = [
  { name: 'SSDLite MobileNet v2 (TF.js → SSD surgery)', short: 'SSDLite', model: ssdliteFloat(await loadGraphFile(path.join(shared, 'models/tfjs/ssdlite_mobilenet_v2_coco'))), mean: 127.5, std: 127.5, budget: true },
  { name: 'SSD MobileNet v2 (graphdef float twin)', short: 'SSD v2', model: readTflite(new Uint8Array(readFileSync(path.join(shared, 'models/graphdef/ssd_mobilenet_v2_coco_float.tflite')))), mean: 128, std: 128 },
];

const rows = [];
const budgetRows = [];
const add = (f, variant, metrics, base) => {
  rows.push({ model: f.name, variant, metrics, base });
  log(`${f.short}: ${variant} AP ${(100 * metrics.AP).toFixed(2)}`);
};
for (const f of floats) {
  const base = await ap(f.model, evalSet, f.mean, f.std);
  add(f, 'float32', base, base);
  const quantize = (scheme, method, extra = {}) =>
    postTrainingQuantize(f.model, calibration, { scheme, method: parseCalibrationMethod(method), mean: f.mean, std: f.std, weightBackend: backend, ...extra });
  for (const scheme of ['uint8', 'int8']) {
    for (const method of METHODS) add(f, `${scheme} PTQ, ${method}`, await ap((await quantize(scheme, method)).model, evalSet, f.mean, f.std), base);
    for (const [label, extra] of [
      ['equalization', { equalize: true }],
      ['bias correction', { biasCorrection: true }],
      ['equalization + bias correction', { equalize: true, biasCorrection: true }],
      ['AdaRound (depthwise)', { adaround: true }],
      ['equalization + AdaRound + bias correction', { equalize: true, adaround: true, biasCorrection: true }],
    ]) {
      add(f, `${scheme} PTQ, minmax + ${label}`, await ap((await quantize(scheme, 'minmax', extra)).model, evalSet, f.mean, f.std), base);
    }
  }
  if (f.budget) {
    // The layers are chosen on the calibration images (annotated too); the table reports the evaluation split.
    const ptq = await quantize('uint8', 'minmax');
    const result = await searchAccuracyBudget(ptq, {
      budget: BUDGET_POINTS / 100,
      evaluate: async (m) => (await ap(m, calibSet, f.mean, f.std)).AP,
      images: calibration.slice(0, 4),
      mean: f.mean,
      std: f.std,
      onStep: (s) => log(`${f.short}: budget step ${s.kept.length}: AP ${(100 * s.metric).toFixed(2)} on the calibration images`),
    });
    for (const [k, s] of result.steps.entries()) {
      const evalMetrics = await ap(s.model, evalSet, f.mean, f.std);
      budgetRows.push({ step: k, kept: s.kept.at(-1) ?? '(all quantized)', selection: s.metric, selectionDrop: s.drop, eval: evalMetrics.AP, evalDrop: base.AP - evalMetrics.AP, bytes: s.bytes, ms: s.latencyMs });
    }
    add(f, `uint8 PTQ, minmax + accuracy budget ${BUDGET_POINTS.toFixed(1)} (${result.steps.length - 1} layers float)`, await ap(result.model, evalSet, f.mean, f.std), base);
    f.budgetResult = { floatSelection: result.floatMetric, met: result.met };
  }
}

// The seed's QAT model (TOCO) against its float twin.
{
  const f = floats[1];
  const qat = await loadModel(path.join(shared, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite'));
  const r = await evaluateDetector(qat, evalSet, { imagesDir, labels });
  qat.dispose();
  add(f, 'uint8 QAT (TOCO, shared model)', r.metrics, rows.find((x) => x.model === f.name && x.variant === 'float32').base);
}

// The peer: TensorFlow 2.21's converter, int8 PTQ (Optimize.DEFAULT + representative data: the same 16
// images, preprocessed by liteq) of the SSD v2 float graph (tflite_graph.pb with its FakeQuant nodes
// made Identity: the graph the float twin was made from).
let peerNote = '';
try {
  const python = ensureVenv(process.env.LITEQ_BENCH_TF_VENV ?? path.join(root, 'test/bench/.cache/tf-venv'), 'tensorflow-cpu==2.21.0', 'tensorflow', () => log('installing tensorflow-cpu==2.21.0 into the bench venv (offline pip)...'));
  const dir = mkdtempSync(path.join(tmpdir(), 'liteq-accuracy-'));
  try {
    const raw = new Float32Array(decoded.length * 300 * 300 * 3);
    decoded.forEach((img, k) => raw.set(Float32Array.from(resizeBilinear(img, 300, 300).data, (v) => (v - 128) / 128), k * 300 * 300 * 3));
    writeFileSync(path.join(dir, 'calibration.f32'), new Uint8Array(raw.buffer));
    const out = path.join(dir, 'tf_int8.tflite');
    const r = spawnSync(python, [path.join(root, 'scripts/tf_int8_ptq.py'), path.join(shared, 'models/graphdef/tflite_graph.pb'), out, path.join(dir, 'calibration.f32')], { encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' } });
    if (r.status !== 0) throw new Error(`tf_int8_ptq.py failed: ${(r.stderr || '').trim().split('\n').slice(-3).join(' / ')}`);
    const f = floats[1];
    const tf = readTflite(new Uint8Array(readFileSync(out)));
    add(f, 'int8 PTQ by TensorFlow 2.21 (peer; same 16 images)', await ap(tf, evalSet, f.mean, f.std), rows.find((x) => x.model === f.name && x.variant === 'float32').base);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} catch (e) {
  peerNote = `\nTensorFlow 2.21's own int8 PTQ row is missing: ${e.message}\n`;
  log(peerNote.trim());
}

const pts = (v) => (100 * v).toFixed(1);
const signed = (d) => {
  const r = Math.round(1000 * d) / 10;
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r).toFixed(1)}`;
};
const lines = [
  `| model | variant | AP | ΔAP vs float | AP50 | AP75 | AR100 |`,
  `|---|---|---:|---:|---:|---:|---:|`,
  ...rows.map((r) => `| ${r.model} | ${r.variant} | ${pts(r.metrics.AP)} | ${r.variant === 'float32' ? '—' : signed(r.metrics.AP - r.base.AP)} | ${pts(r.metrics.AP50)} | ${pts(r.metrics.AP75)} | ${pts(r.metrics.AR100)} |`),
];
const lite = floats[0];
const budget = [
  `| kept float | layer added | AP, calibration images (chooses) | Δ | AP, evaluation images | Δ | size | latency 1 thread |`,
  `|---:|---|---:|---:|---:|---:|---:|---:|`,
  ...budgetRows.map((b) => `| ${b.step} | ${b.kept.replace('FeatureExtractor/MobilenetV2/', '')} | ${pts(b.selection)} | ${signed(-b.selectionDrop)} | ${pts(b.eval)} | ${signed(-b.evalDrop)} | ${(b.bytes / 1048576).toFixed(2)} MiB | ${b.ms.toFixed(1)} ms |`),
];
const md =
  `${lines.join('\n')}\n\nCOCO AP@[.5:.95] in points on ${evalSet.images.length} images of instances_val2017_tiny.json; PTQ calibrated on the other ${calibrationFiles.length} (the first by file name), so no image is in both.\n` +
  `\nAccuracy budget (${lite.short} uint8 minmax, ${BUDGET_POINTS.toFixed(1)} AP point; layers ranked by output SQNR on 4 calibration images, chosen by AP on the ${calibSet.images.length} calibration images, ` +
  `float ${pts(lite.budgetResult.floatSelection)} there; budget ${lite.budgetResult.met ? 'met' : 'NOT met'}):\n\n${budget.join('\n')}\n${peerNote}`;
mkdirSync(path.join(root, 'out'), { recursive: true });
writeFileSync(path.join(root, 'out/accuracy.md'), md);
process.stdout.write(md);
