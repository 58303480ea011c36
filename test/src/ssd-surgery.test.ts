// SSD surgery (export_tflite_ssd_graph.py without TensorFlow) on the shared TF.js SSDLite MobileNet v2
// frozen graph, checked against the graph itself run by TF.js (tfjs-converter + the CPU backend):
// - a float .tflite made with `ssdSurgery` + `convert` runs in TFLite 2.9 and, cut before the custom
//   op, its box encodings decoded with the anchors (docs/SEMANTICS.md) and its sigmoid scores equal the
//   TF.js graph's own pre-NMS Postprocessor outputs within 1.5e-6;
// - the full model's TFLite_Detection_PostProcess detections equal the TF.js outputs followed by the
//   TFLite fast-NMS rule (implemented below) on several images.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  convert,
  decodeImage,
  describePipelineConfig,
  loadGraphFile,
  readPipelineConfig,
  readTflite,
  resizeBilinear,
  ssdSurgery,
  UnsupportedError,
  writeTflite,
  type SsdSurgeryResult,
  type TfGraph,
} from '@liteq/core';
import { runTflite } from './tflite-runtime.js';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const SHARED = process.env['LITEQ_SHARED'] ?? resolve(HERE, '../../../shared');
const CLI = resolve(HERE, '../../packages/cli/bin/liteq.js');
const TFJS_DIR = join(SHARED, 'models/tfjs/ssdlite_mobilenet_v2_coco');
const CONFIG = join(SHARED, 'configs/ssd_mobilenet_v2_quantized_300x300_coco.config');
const RAW_KITE = join(SHARED, 'data/raw_300x300/kite_and_cold.rgb');
const IMAGES = ['images/tflite_support/cats_and_dogs.jpg', 'images/tflite_support/multi_objects.jpg'].map((p) => join(SHARED, 'data', p));
const N = 1917;
const C = 90;

const f32 = Math.fround;

/** The TF.js graph model from disk (Node has no file:// fetch): topology, manifest weights, concatenated shards. */
async function loadTfjsGraph(): Promise<GraphModel> {
  const json = JSON.parse(readFileSync(join(TFJS_DIR, 'model.json'), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  const shards = json.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(TFJS_DIR, p))));
  const all = new Uint8Array(shards.reduce((n, s) => n + s.byteLength, 0));
  let o = 0;
  for (const s of shards) {
    all.set(s, o);
    o += s.byteLength;
  }
  const handler: tf.io.IOHandler = {
    load: async () => ({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((g) => g.weights), weightData: all.buffer }),
  };
  return loadGraphModel(handler);
}

interface PreNms {
  /** [N,4] ymin, xmin, ymax, xmax. */
  boxes: Float32Array;
  /** [N,C] sigmoid scores, background dropped. */
  scores: Float32Array;
}

async function runTfjs(model: GraphModel, pixels: Uint8Array): Promise<PreNms> {
  const x = tf.tensor(Int32Array.from(pixels), [1, 300, 300, 3], 'int32');
  try {
    const [scores, boxes] = (await model.executeAsync({ image_tensor: x }, ['Postprocessor/Slice', 'Postprocessor/ExpandDims_1'])) as tf.Tensor[];
    expect(scores!.shape).toEqual([1, N, C]);
    expect(boxes!.shape).toEqual([1, N, 1, 4]);
    const out = { scores: scores!.dataSync() as Float32Array, boxes: boxes!.dataSync() as Float32Array };
    scores!.dispose();
    boxes!.dispose();
    return out;
  } finally {
    x.dispose();
  }
}

/** The feature extractor's input: (2/255)·x − 1 in float32, as the graph's Preprocessor computes it. */
function normalized(pixels: Uint8Array): Uint8Array {
  const k = f32(2 / 255);
  const v = Float32Array.from(pixels, (p) => f32(f32(k * p) - 1));
  return new Uint8Array(v.buffer);
}

const floats = (b: Uint8Array): Float32Array => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

/** TFLite_Detection_PostProcess DecodeCenterSizeBoxes (docs/SEMANTICS.md), float32. */
function decodeBoxes(enc: Float32Array, anchors: Float32Array, s: SsdSurgeryResult['params']): Float32Array {
  const out = new Float32Array(enc.length);
  for (let i = 0; i < enc.length; i += 4) {
    const [ya, xa, ha, wa] = [anchors[i]!, anchors[i + 1]!, anchors[i + 2]!, anchors[i + 3]!];
    const yc = f32(f32(f32(enc[i]! / s.yScale) * ha) + ya);
    const xc = f32(f32(f32(enc[i + 1]! / s.xScale) * wa) + xa);
    const hh = f32(f32(0.5 * f32(Math.exp(f32(enc[i + 2]! / s.hScale)))) * ha);
    const hw = f32(f32(0.5 * f32(Math.exp(f32(enc[i + 3]! / s.wScale)))) * wa);
    out.set([f32(yc - hh), f32(xc - hw), f32(yc + hh), f32(xc + hw)], i);
  }
  return out;
}

interface Detection {
  box: number[];
  cls: number;
  score: number;
}

function iou(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const area = (r: ArrayLike<number>): number => Math.max(0, r[2]! - r[0]!) * Math.max(0, r[3]! - r[1]!);
  const aa = area(a);
  const ab = area(b);
  if (aa <= 0 || ab <= 0) return 0;
  const ih = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!));
  const iw = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
  const inter = ih * iw;
  return inter / (aa + ab - inter);
}

/** TFLite's fast NMS (NonMaxSuppressionMultiClassFastHelper, max_classes_per_detection 1). */
function fastNms(p: PreNms, maxDetections: number, scoreThreshold: number, iouThreshold: number): Detection[] {
  const cand: { i: number; cls: number; score: number }[] = [];
  for (let i = 0; i < N; i++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (p.scores[i * C + c]! > p.scores[i * C + best]!) best = c;
    const score = p.scores[i * C + best]!;
    if (score >= scoreThreshold) cand.push({ i, cls: best, score });
  }
  cand.sort((a, b) => b.score - a.score); // stable
  const kept: typeof cand = [];
  for (const c of cand) {
    if (kept.length >= maxDetections) break;
    const box = p.boxes.subarray(c.i * 4, c.i * 4 + 4);
    if (kept.every((k) => iou(p.boxes.subarray(k.i * 4, k.i * 4 + 4), box) <= iouThreshold)) kept.push(c);
  }
  return kept.map((k) => ({ box: Array.from(p.boxes.subarray(k.i * 4, k.i * 4 + 4)), cls: k.cls, score: k.score }));
}

function tfliteDetections(outs: Awaited<ReturnType<typeof runTflite>>): Detection[] {
  const [boxes, classes, scores, count] = outs.map((o) => floats(o.bytes));
  return Array.from({ length: count![0]! }, (_, k) => ({ box: Array.from(boxes!.subarray(k * 4, k * 4 + 4)), cls: classes![k]!, score: scores![k]! }));
}

/** Both ways: every detection with score ≥ 0.5 has a same-class partner with IoU ≥ 0.9 and a close score. */
function agreement(a: Detection[], b: Detection[]): { matched: number; total: number; worstIou: number; worstScore: number } {
  let matched = 0;
  let total = 0;
  let worstIou = 1;
  let worstScore = 0;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    for (const d of x.filter((e) => e.score >= 0.5)) {
      total++;
      const best = y.filter((e) => e.cls === d.cls).map((e) => ({ e, v: iou(e.box, d.box) })).sort((p, q) => q.v - p.v)[0];
      if (best && best.v >= 0.9 && Math.abs(best.e.score - d.score) < 1e-3) {
        matched++;
        worstIou = Math.min(worstIou, best.v);
        worstScore = Math.max(worstScore, Math.abs(best.e.score - d.score));
      }
    }
  }
  return { matched, total, worstIou, worstScore };
}

describe('ssd surgery on the TF.js SSDLite MobileNet v2 frozen graph', () => {
  let graph: TfGraph;
  let full: SsdSurgeryResult;
  let raw: SsdSurgeryResult;
  let fullModel: Uint8Array;
  let rawModel: Uint8Array;
  let tfjs: GraphModel;

  beforeAll(async () => {
    graph = await loadGraphFile(TFJS_DIR);
    full = ssdSurgery(graph);
    raw = ssdSurgery(graph, { outputs: 'raw' });
    fullModel = writeTflite(convert(full.graph, { inputArrays: full.inputArrays, outputArrays: full.outputArrays, inputShapes: full.inputShapes, allowCustomOps: true }));
    rawModel = writeTflite(convert(raw.graph, { inputArrays: raw.inputArrays, outputArrays: raw.outputArrays, inputShapes: raw.inputShapes }));
    tfjs = await loadTfjsGraph();
  }, 120_000);

  it('cuts where the exporter does and carries the anchors and NMS parameters', () => {
    expect(full.located).toMatchObject({ preprocessed: 'Preprocessor/sub', boxEncodings: 'Squeeze', classPredictions: 'concat_1', scoreConverter: 'SIGMOID' });
    expect(full.inputArrays).toEqual(['normalized_input_image_tensor']);
    expect(full.inputShapes).toEqual([[1, 300, 300, 3]]);
    expect(full.outputArrays).toEqual(['TFLite_Detection_PostProcess', 'TFLite_Detection_PostProcess:1', 'TFLite_Detection_PostProcess:2', 'TFLite_Detection_PostProcess:3']);
    expect(full.anchors.length).toBe(N * 4);
    expect(full.params).toMatchObject({ numClasses: C, maxClassesPerDetection: 1, useRegularNms: false, yScale: 10, xScale: 10, hScale: 5, wScale: 5 });
    expect(full.graph.nodes.some((n) => n.name.startsWith('Preprocessor/') && n.op !== 'Const')).toBe(false);
    expect(full.graph.nodes.some((n) => n.name.startsWith('Postprocessor/') && n.op !== 'Const')).toBe(false);

    const ir = readTflite(fullModel);
    const sg = ir.subgraphs[0]!;
    expect(sg.inputs.map((t) => sg.tensors[t]!.name)).toEqual(['normalized_input_image_tensor']);
    expect(sg.inputs.map((t) => sg.tensors[t]!.dtype)).toEqual(['float32']);
    expect(sg.outputs.map((t) => sg.tensors[t]!.name)).toEqual(full.outputArrays);
  });

  it('the config gives the same anchors (generated) and its NMS parameters', () => {
    const cfg = describePipelineConfig(readPipelineConfig(readFileSync(CONFIG, 'utf8'), CONFIG));
    const s = ssdSurgery(graph, { config: cfg, anchors: 'config' });
    expect(Buffer.from(s.anchors.buffer).equals(Buffer.from(full.anchors.buffer))).toBe(true);
    expect(s.params).toEqual({ maxDetections: 100, maxClassesPerDetection: 1, detectionsPerClass: 100, useRegularNms: false, nmsScoreThreshold: 1e-8, nmsIouThreshold: 0.6, numClasses: 90, yScale: 10, xScale: 10, hScale: 5, wScale: 5 });
    const o = ssdSurgery(graph, { config: cfg, postProcess: { maxDetections: 10, nmsIouThreshold: 0.5, useRegularNms: true } });
    expect(o.params).toMatchObject({ maxDetections: 10, nmsIouThreshold: 0.5, useRegularNms: true });
  });

  it('pre-NMS boxes and scores in TFLite 2.9 equal the TF.js graph\'s own within 1.5e-6 (kite_and_cold 300x300)', async () => {
    const pixels = new Uint8Array(readFileSync(RAW_KITE));
    const ref = await runTfjs(tfjs, pixels);
    const [enc, sc] = await runTflite(rawModel, [normalized(pixels)]);
    expect(enc!.shape).toEqual([1, N, 4]);
    expect(sc!.shape).toEqual([1, N, C + 1]);
    const boxes = decodeBoxes(floats(enc!.bytes), raw.anchors, raw.params);
    const scores91 = floats(sc!.bytes);
    let boxErr = 0;
    let scoreErr = 0;
    for (let i = 0; i < N * 4; i++) boxErr = Math.max(boxErr, Math.abs(boxes[i]! - ref.boxes[i]!));
    for (let i = 0; i < N; i++) for (let c = 0; c < C; c++) scoreErr = Math.max(scoreErr, Math.abs(scores91[i * (C + 1) + c + 1]! - ref.scores[i * C + c]!));
    console.log(`ssd surgery pre-NMS vs TF.js: max |box| error ${boxErr.toExponential(2)}, max |score| error ${scoreErr.toExponential(2)}`);
    // The README's claim: float rounding of a different summation order, nothing more.
    expect(boxErr).toBeLessThan(1.5e-6);
    expect(scoreErr).toBeLessThan(1.5e-6);

    // The top detection is the README's: kite (class 37), 0.894.
    const top = fastNms({ boxes: ref.boxes, scores: ref.scores }, 1, 1e-8, 0.6)[0]!;
    expect(top.cls).toBe(37);
    expect(top.score).toBeCloseTo(0.894, 3);

    const dets = tfliteDetections(await runTflite(fullModel, [normalized(pixels)]));
    const want = fastNms(ref, full.params.maxDetections, full.params.nmsScoreThreshold, full.params.nmsIouThreshold);
    const a = agreement(dets, want);
    console.log(`ssd surgery detections (kite_and_cold raw): ${a.matched}/${a.total} matched, worst IoU ${a.worstIou.toFixed(4)}, worst |score| ${a.worstScore.toExponential(2)}`);
    expect(a.total).toBeGreaterThan(4);
    expect(a.matched).toBe(a.total);
  }, 120_000);

  it('detections on JPEG images equal the TF.js graph followed by fast NMS', async () => {
    let total = 0;
    for (const file of IMAGES) {
      const img = resizeBilinear(await decodeImage(file), 300, 300);
      const ref = await runTfjs(tfjs, img.data);
      const dets = tfliteDetections(await runTflite(fullModel, [normalized(img.data)]));
      const want = fastNms(ref, full.params.maxDetections, full.params.nmsScoreThreshold, full.params.nmsIouThreshold);
      const a = agreement(dets, want);
      console.log(`ssd surgery detections (${file.split('/').pop()}): ${a.matched}/${a.total} matched, worst IoU ${a.worstIou.toFixed(4)}, worst |score| ${a.worstScore.toExponential(2)}`);
      total += a.total;
      expect(a.matched).toBe(a.total);
      // Below 0.5 too: the top 5 come in the same order, same class, same box.
      for (let k = 0; k < 5; k++) {
        expect(dets[k]!.cls).toBe(want[k]!.cls);
        expect(iou(dets[k]!.box, want[k]!.box)).toBeGreaterThan(0.9);
        expect(Math.abs(dets[k]!.score - want[k]!.score)).toBeLessThan(1.5e-6);
      }
    }
    expect(total).toBeGreaterThan(0);
  }, 180_000);

  it('refuses a config that is not SSD and a graph without a box predictor, naming the flags', () => {
    const cfg = describePipelineConfig(readPipelineConfig('model { faster_rcnn { num_classes: 90 } }', 'frcnn.config'));
    expect(() => ssdSurgery(graph, { config: cfg })).toThrow(UnsupportedError);
    expect(() => ssdSurgery(graph, { config: cfg })).toThrow(/needs an SSD pipeline\.config.*faster_rcnn/);
    const headless: TfGraph = { ...graph, nodes: graph.nodes.filter((n) => !['concat', 'concat_1'].includes(n.name)) };
    expect(() => ssdSurgery(headless)).toThrow(UnsupportedError);
    expect(() => ssdSurgery(headless)).toThrow(/could not locate the box encodings.*BoxPredictor.*name them with `boxEncodings` and `classPredictions`/s);
  });

  it('`liteq convert --ssd` writes the same model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liteq-ssd-'));
    const out = join(dir, 'ssdlite.tflite');
    const { stdout, stderr } = await run(process.execPath, [CLI, 'convert', '--ssd', `--graph_def_file=${TFJS_DIR}`, `--output_file=${out}`, '--input_shape=1,300,300,3', '--pipeline-config', CONFIG]);
    expect(stdout).toMatch(/wrote .*ssdlite\.tflite: \d+ bytes, \d+ ops/);
    expect(stderr).toMatch(/normalized_input_image_tensor \[1,300,300,3\] replaces Preprocessor\/sub/);
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(fullModel))).toBe(true);
    const bad = await run(process.execPath, [CLI, 'convert', '--ssd', `--graph_def_file=${join(SHARED, 'models/graphdef/tflite_graph.pb')}`, `--output_file=${join(dir, 'x.tflite')}`]).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).not.toBe(0);
    expect((bad as { stderr: string }).stderr).toMatch(/already ends in TFLite_Detection_PostProcess/);
  }, 120_000);
});
