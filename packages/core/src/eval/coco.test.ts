// COCO bbox evaluation on hand-made cases whose answers follow from pycocotools' definitions.
import { describe, expect, it } from 'vitest';
import { bboxIou, evaluateCoco, IOU_THRESHOLDS, RECALL_THRESHOLDS } from './coco.js';
import type { CocoAnnotation, CocoDataset, CocoResult } from './coco-dataset.js';
import { errorStats } from './compare.js';

type B = [number, number, number, number];
let annId = 1;
function ds(anns: { img?: number; cat?: number; bbox: B; area?: number; crowd?: boolean }[], cats = [1, 2], imgs = [1]): CocoDataset {
  const annotations: CocoAnnotation[] = anns.map((a) => ({
    id: annId++,
    image_id: a.img ?? 1,
    category_id: a.cat ?? 1,
    bbox: a.bbox,
    area: a.area ?? a.bbox[2] * a.bbox[3],
    iscrowd: a.crowd ? 1 : 0,
  }));
  return { images: imgs.map((id) => ({ id, file_name: `${id}.jpg` })), annotations, categories: cats.map((id) => ({ id, name: `c${id}` })) };
}
const det = (bbox: B, score: number, img = 1, cat = 1): CocoResult => ({ image_id: img, category_id: cat, bbox, score });

describe('thresholds', () => {
  it('are built like numpy.linspace', () => {
    expect(IOU_THRESHOLDS).toHaveLength(10);
    expect(IOU_THRESHOLDS[0]).toBe(0.5);
    expect(IOU_THRESHOLDS[9]).toBe(0.95);
    expect(IOU_THRESHOLDS[5]).toBe(0.75);
    expect(RECALL_THRESHOLDS).toHaveLength(101);
    expect(RECALL_THRESHOLDS[7]).toBe(7 * 0.01);
    expect(RECALL_THRESHOLDS[100]).toBeCloseTo(1, 12);
  });
});

describe('bboxIou', () => {
  it('has no +1 pixel and uses the detection area for crowd boxes', () => {
    expect(bboxIou([0, 0, 10, 10], [0, 0, 10, 10])).toBeCloseTo(1, 12);
    expect(bboxIou([0, 0, 10, 10], [5, 0, 10, 10])).toBeCloseTo(50 / 150, 15);
    expect(bboxIou([0, 0, 10, 10], [10, 0, 10, 10])).toBe(0);
    expect(bboxIou([0, 0, 10, 10], [0, 0, 100, 100], true)).toBeCloseTo(1, 12);
  });
});

describe('evaluateCoco', () => {
  it('perfect detections give 1.0 everywhere they are defined', () => {
    const d = ds([{ bbox: [10, 10, 50, 50] }, { bbox: [100, 100, 20, 20], cat: 2 }, { bbox: [0, 0, 200, 200], img: 2 }], [1, 2], [1, 2]);
    const r = evaluateCoco(d, [det([10, 10, 50, 50], 0.9), det([100, 100, 20, 20], 0.8, 1, 2), det([0, 0, 200, 200], 0.7, 2)]);
    for (const k of ['AP', 'AP50', 'AP75', 'AR1', 'AR10', 'AR100'] as const) expect(r[k]).toBeCloseTo(1, 12);
    expect(r.precision[1 * 4 * 3]).toBe(1 / (1 + 2 ** -52)); // t 0, r 0, category 2, area all, maxDets 1: // pycocotools' precision tp / (tp + fp + eps)
    expect(r.APs).toBeCloseTo(1, 12); // the 20x20 box
    expect(r.APm).toBeCloseTo(1, 12); // 50x50
    expect(r.APl).toBeCloseTo(1, 12); // 200x200
    for (const c of r.perCategory) expect(c.AP).toBeCloseTo(1, 12);
  });

  it('a shifted box counts at exactly the IoU thresholds it reaches', () => {
    // 100x100 box shifted by 20 px: IoU = 8000 / 12000 = 0.667 -> matched at .50 .55 .60 .65 (4 of 10).
    const d = ds([{ bbox: [0, 0, 100, 100] }]);
    const r = evaluateCoco(d, [det([20, 0, 100, 100], 0.9)]);
    expect(r.AP50).toBeCloseTo(1, 12);
    expect(r.AP75).toBe(0);
    expect(r.AP).toBeCloseTo(0.4, 12);
    expect(r.AR100).toBeCloseTo(0.4, 12);
    // Shift by 10: IoU = 9000/11000 = 0.818 -> .50 ... .80 (7 of 10).
    expect(evaluateCoco(d, [det([10, 0, 100, 100], 0.9)]).AP).toBeCloseTo(0.7, 12);
  });

  it('duplicates are false positives, and precision is interpolated over 101 recall points', () => {
    const d = ds([{ bbox: [0, 0, 100, 100] }, { bbox: [200, 0, 100, 100] }]);
    // Scores: TP (gt0), duplicate of gt0 (FP), TP (gt1). Precision 1, 1/2, 2/3; recall .5, .5, 1.
    // Envelope: 1 up to recall .5, then 2/3. 51 points at 1 and 50 at 2/3 -> (51 + 50*2/3) / 101.
    const r = evaluateCoco(d, [det([0, 0, 100, 100], 0.9), det([0, 0, 100, 100], 0.8), det([200, 0, 100, 100], 0.7)]);
    const want = (51 + (50 * 2) / 3) / 101;
    expect(r.AP).toBeCloseTo(want, 12);
    expect(r.AR100).toBeCloseTo(1, 12);
    // With the duplicate scoring lowest it costs nothing.
    expect(evaluateCoco(d, [det([0, 0, 100, 100], 0.9), det([200, 0, 100, 100], 0.8), det([0, 0, 100, 100], 0.7)]).AP).toBeCloseTo(1, 12);
  });

  it('missing detections lower recall and AP', () => {
    const d = ds([{ bbox: [0, 0, 100, 100] }, { bbox: [200, 0, 100, 100] }, { bbox: [400, 0, 100, 100] }, { bbox: [600, 0, 100, 100] }]);
    const r = evaluateCoco(d, [det([0, 0, 100, 100], 0.9)]);
    expect(r.AR100).toBe(0.25);
    // Precision 1 up to recall .25: recall points 0 .. .25 (26 of 101).
    expect(r.AP).toBeCloseTo(26 / 101, 12);
  });

  it('detections on crowd regions are ignored, not penalized', () => {
    const d = ds([{ bbox: [0, 0, 100, 100] }, { bbox: [200, 0, 300, 300], crowd: true }]);
    const crowdHits = [det([210, 10, 30, 30], 0.95), det([300, 100, 40, 40], 0.94), det([250, 50, 100, 100], 0.93)];
    const r = evaluateCoco(d, [...crowdHits, det([0, 0, 100, 100], 0.5)]);
    expect(r.AP).toBeCloseTo(1, 12);
    expect(r.AR100).toBeCloseTo(1, 12);
    // A crowd box alone gives no ground truth: the category is undefined (-1).
    const onlyCrowd = evaluateCoco(ds([{ bbox: [200, 0, 300, 300], crowd: true }]), crowdHits);
    expect(onlyCrowd.AP).toBe(-1);
    expect(onlyCrowd.perCategory[0]!.AP).toBe(-1);
    // The same detections without the crowd box are false positives.
    const noCrowd = evaluateCoco(ds([{ bbox: [0, 0, 100, 100] }]), [...crowdHits, det([0, 0, 100, 100], 0.5)]);
    expect(noCrowd.AP).toBeCloseTo(0.25, 12);
  });

  it('prefers a free real box over a crowd box and never matches a real box twice', () => {
    const d = ds([{ bbox: [0, 0, 100, 100], crowd: true }, { bbox: [0, 0, 100, 100] }]);
    const r = evaluateCoco(d, [det([0, 0, 100, 100], 0.9), det([0, 0, 100, 100], 0.8)]);
    // First detection takes the real box, the second falls on the crowd box (ignored).
    expect(r.AP).toBeCloseTo(1, 12);
  });

  it('splits small / medium / large by the annotation area, inclusive bounds', () => {
    const d = ds([
      { bbox: [0, 0, 30, 30] }, // small
      { bbox: [100, 0, 50, 50], area: 1024 }, // area exactly 32^2: small and medium
      { bbox: [200, 0, 200, 200] }, // large
    ]);
    const dets = [det([0, 0, 30, 30], 0.9), det([200, 0, 200, 200], 0.8)];
    const r = evaluateCoco(d, dets);
    expect(r.AR100).toBeCloseTo(2 / 3, 12);
    expect(r.ARs).toBe(0.5); // 1 of 2 small boxes
    expect(r.ARm).toBe(0); // the 1024 box, missed
    expect(r.APm).toBe(0);
    expect(r.ARl).toBeCloseTo(1, 12);
    // The large detection matches an ignored (large) box for "small": AP small = precision 1 up to recall .5.
    expect(r.APs).toBeCloseTo(51 / 101, 12);
  });

  it('empty categories are -1 and left out of the mean; maxDets caps per image', () => {
    const d = ds([{ bbox: [0, 0, 10, 10] }, { bbox: [20, 0, 10, 10] }], [1, 2, 3]);
    const r = evaluateCoco(d, [det([0, 0, 10, 10], 0.5), det([20, 0, 10, 10], 0.9), det([50, 50, 10, 10], 0.9, 1, 3)]);
    expect(r.perCategory[0]!.AP).toBeCloseTo(1, 12);
    expect(r.perCategory.slice(1).map((c) => c.AP)).toEqual([-1, -1]);
    expect(r.AP).toBeCloseTo(1, 12);
    expect(r.AR1).toBe(0.5);
    expect(r.AR10).toBeCloseTo(1, 12);
  });

  it('ties in score keep input order (stable sort)', () => {
    const d = ds([{ bbox: [0, 0, 100, 100] }]);
    // Equal scores: the FP listed first ranks first -> precision at recall 1 is 1/2.
    expect(evaluateCoco(d, [det([500, 500, 10, 10], 0.5), det([0, 0, 100, 100], 0.5)]).AP).toBeCloseTo(0.5, 12);
    expect(evaluateCoco(d, [det([0, 0, 100, 100], 0.5), det([500, 500, 10, 10], 0.5)]).AP).toBeCloseTo(1, 12);
  });

  it('restricts to the given images', () => {
    const d = ds([{ bbox: [0, 0, 10, 10] }, { bbox: [0, 0, 10, 10], img: 2 }], [1], [1, 2]);
    const r = evaluateCoco(d, [det([0, 0, 10, 10], 0.9)], { imageIds: [1] });
    expect(r.images).toBeCloseTo(1, 12);
    expect(r.AP).toBeCloseTo(1, 12);
    expect(evaluateCoco(d, [det([0, 0, 10, 10], 0.9)]).AR100).toBe(0.5);
  });
});

describe('errorStats', () => {
  it('gives SQNR, MSE, cosine and max error', () => {
    const s = errorStats([1, 2, 3, 4], [1, 2, 3, 5]);
    expect(s.mse).toBe(0.25);
    expect(s.maxAbsError).toBeCloseTo(1, 12);
    expect(s.sqnr).toBeCloseTo(10 * Math.log10(30 / 1), 12);
    expect(s.cosine).toBeCloseTo(34 / Math.sqrt(30 * 39), 12);
    expect(errorStats([1, 2], [1, 2]).sqnr).toBe(Infinity);
  });
});
