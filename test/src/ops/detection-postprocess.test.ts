// TFLite_Detection_PostProcess against TFLite 2.9: identical floats in every output slot the runtime
// writes (fast NMS: count * max_classes_per_detection slots, per anchor min(max_classes, num_classes)
// classes; regular NMS: max_detections slots), and the shared SSD models end to end against the
// recorded runtime outputs in ../shared/reference. The runtime runs on one thread: TFLite 2.9's
// regular NMS has a multi-threaded path that orders ties differently (and corrupts its heap on some
// inputs); liteq follows the single-threaded path.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createModel, loadModel, withFlexTypes, writeTflite, type Model, type Tensor } from '@liteq/core';
import { runTflite } from '../tflite-runtime.js';
import { Rng } from './single-op.js';

const SHARED = process.env['LITEQ_SHARED'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared');
const OP = 'TFLite_Detection_PostProcess';

function tensor(name: string, shape: number[], dtype: 'uint8' | 'float32', q?: [number, number]): Tensor {
  return { name, shape, dtype, isVariable: false, hasRank: true, quantization: q ? { scale: [q[0]], zeroPoint: [BigInt(q[1])], quantizedDimension: 0, min: [], max: [] } : undefined };
}

interface Options { maxDet: number; mcpd: number; regular: boolean; numClasses: number }

function detectionModel(n: number, cb: number, u8: boolean, scoresU8: boolean, o: Options, rng: Rng): Model {
  const map = withFlexTypes(
    {
      max_detections: o.maxDet, max_classes_per_detection: o.mcpd, detections_per_class: rng.pick([1, 5, 100]), use_regular_nms: o.regular,
      nms_score_threshold: Math.fround(rng.pick([0, 1e-8, 0.3, 0.5])), nms_iou_threshold: Math.fround(rng.pick([0.6, 0.5, 0.3, 1])),
      num_classes: o.numClasses, y_scale: 10, x_scale: 10, h_scale: 5, w_scale: 5,
    },
    { nms_score_threshold: 'float', nms_iou_threshold: 'float', y_scale: 'float', x_scale: 'float', h_scale: 'float', w_scale: 'float' },
  );
  const m = o.maxDet * o.mcpd;
  const tensors = [
    tensor('boxes', [1, n, 4], u8 ? 'uint8' : 'float32', u8 ? [Math.fround(0.05 + rng.next() * 0.1), rng.int(100, 160)] : undefined),
    tensor('scores', [1, n, cb], scoresU8 ? 'uint8' : 'float32', scoresU8 ? [1 / 256, 0] : undefined),
    tensor('anchors', [n, 4], u8 ? 'uint8' : 'float32', u8 ? [Math.fround(0.004), 0] : undefined),
    tensor('det_boxes', [1, m, 4], 'float32'),
    tensor('det_classes', [1, m], 'float32'),
    tensor('det_scores', [1, m], 'float32'),
    tensor('count', [1], 'float32'),
  ];
  const op = { op: { kind: 'custom' as const, customCode: OP, version: 1, customOptionsMap: map }, inputs: [0, 1, 2], outputs: [3, 4, 5, 6], intermediates: [], mutatingVariableInputs: [] };
  return { version: 3, description: 'liteq detection test', subgraphs: [{ name: 'main', tensors, operators: [op], inputs: [0, 1, 2], outputs: [3, 4, 5, 6] }], metadata: [], signatureDefs: [] };
}

function randomInputs(n: number, cb: number, u8: boolean, scoresU8: boolean, rng: Rng): Uint8Array[] {
  const f = (vals: number[]) => new Uint8Array(Float32Array.from(vals).buffer);
  const anchors = Array.from({ length: n * 4 }, (_, i) => (i % 4 < 2 ? rng.next() : 0.05 + 0.45 * rng.next()));
  const boxes = Array.from({ length: n * 4 }, () => (u8 ? rng.int(80, 180) : (rng.next() - 0.5) * 4));
  // Repeated score values make ties, which exercise the sort orders.
  const scores = Array.from({ length: n * cb }, () => rng.pick([0, 128, 200, rng.int(0, 255), rng.int(0, 255)]));
  return [
    u8 ? Uint8Array.from(boxes) : f(boxes),
    scoresU8 ? Uint8Array.from(scores) : f(scores.map((s) => s / 256)),
    u8 ? Uint8Array.from(anchors.map((v) => Math.max(1, Math.min(255, Math.round(v / 0.004))))) : f(anchors),
  ];
}

/** Slots of the outputs that TFLite writes; the rest keep stale arena bytes in the runtime. */
function compareDetections(expected: Float32Array[], actual: Float32Array[], o: Options): string[] {
  const diffs: string[] = [];
  const count = expected[3]![0]!;
  if (!Object.is(count, actual[3]![0])) diffs.push(`count ${count} vs ${actual[3]![0]}`);
  const perAnchor = Math.min(o.mcpd, o.numClasses);
  for (let slot = 0; slot < o.maxDet * o.mcpd; slot++) {
    const valid = o.regular ? slot < o.maxDet : slot < count * o.mcpd && slot % o.mcpd < perAnchor;
    if (!valid) continue;
    const pairs: [number, number][] = [[expected[1]![slot]!, actual[1]![slot]!], [expected[2]![slot]!, actual[2]![slot]!]];
    for (let c = 0; c < 4; c++) pairs.push([expected[0]![slot * 4 + c]!, actual[0]![slot * 4 + c]!]);
    if (pairs.some(([a, b]) => !Object.is(a, b))) diffs.push(`slot ${slot}: [${pairs.map((p) => p[0])}] vs [${pairs.map((p) => p[1])}]`);
  }
  return diffs;
}

const asFloats = (b: Uint8Array) => new Float32Array(b.slice().buffer);

describe(`${OP} matches TFLite 2.9`, () => {
  it('in every written slot, identical floats, on 80 random single-op models', async () => {
    const rng = new Rng(9090);
    const failures: string[] = [];
    for (let i = 0; i < 80; i++) {
      const n = rng.pick([1, 5, 20, 50, 200]);
      const numClasses = rng.pick([1, 3, 10, 90]);
      const cb = numClasses + rng.pick([0, 1]);
      const u8 = rng.next() < 0.6;
      const scoresU8 = u8 ? rng.next() < 0.8 : rng.next() < 0.3;
      const o: Options = { maxDet: rng.pick([1, 3, 10, 20]), mcpd: rng.pick([1, 1, 2, 3]), regular: rng.next() < 0.4, numClasses };
      const model = detectionModel(n, cb, u8, scoresU8, o, rng);
      const inputs = randomInputs(n, cb, u8, scoresU8, rng);
      const expected = (await runTflite(writeTflite(model), inputs)).map((r) => asFloats(r.bytes));
      const liteq = await createModel(model, { threads: 1 });
      try {
        const actual = (await liteq.run(inputs.map((b, k) => (k === 1 ? scoresU8 : u8) ? b : new Float32Array(b.slice().buffer)))).map((t) => t.data as Float32Array);
        const diffs = compareDetections(expected, actual, o);
        if (diffs.length) failures.push(`${u8 ? 'u8' : 'f32'} ${o.regular ? 'regular' : 'fast'} n=${n} classes=${numClasses}/${cb}: ${diffs.slice(0, 3).join('; ')}`);
      } finally {
        liteq.dispose();
      }
    }
    expect(failures).toEqual([]);
  });

  describe.each(['ssd_mobilenet_v2_coco_quant_postprocess', 'ssd_mobilenet_v1_coco_quant_2018_06_29'])('%s end to end', (name) => {
    const path = join(SHARED, 'models/tflite', `${name}.tflite`);
    it.each(['kite_and_cold', 'grace_hopper', 'cats_and_dogs', 'pets'])('equals the recorded TFLite outputs on %s', async (image) => {
      const refDir = join(SHARED, 'reference', name, image);
      const model = await loadModel(path, { threads: 1 });
      try {
        const input = new Uint8Array(readFileSync(join(SHARED, 'data/raw_300x300', `${image}.rgb`)));
        const outs = await model.run([input]);
        const expected = [0, 1, 2, 3].map((k) => asFloats(new Uint8Array(readFileSync(join(refDir, `output_${k}.bin`)))));
        const m = expected[1]!.length;
        const diffs = compareDetections(expected, outs.map((t) => t.data as Float32Array), { maxDet: m, mcpd: 1, regular: false, numClasses: 90 });
        expect(diffs).toEqual([]);
      } finally {
        model.dispose();
      }
    });
  });
});
