// COCO bounding-box evaluation with the semantics of pycocotools' COCOeval (iouType "bbox"), so the
// numbers are comparable with published ones:
// - IoU thresholds .50:.05:.95 and recall thresholds 0:.01:1 built like numpy.linspace (i*step + start);
// - per image and category: detections sorted by score (stable), at most maxDets[-1] kept; ground truth
//   sorted so ignored boxes (crowd, or area outside the range) come last; greedy matching in score
//   order, each detection taking the best still-free box with IoU >= threshold (a crowd box can take
//   any number of detections, and a match on an ignored box makes the detection ignored too);
// - IoU on boxes without the +1 pixel; against a crowd box it is intersection / detection area;
// - area ranges all/small/medium/large on the annotation's `area` field (detections: w*h), inclusive
//   bounds; unmatched detections outside the range are ignored;
// - matching is done once with maxDets[-1]; maxDets 1 and 10 take each image's top detections of it;
// - 101-point interpolated precision on the precision envelope; -1 where a category has no
//   (non-ignored) ground truth, and means over the entries that are not -1.
import type { CocoDataset, CocoResult } from './coco-dataset.js';

export interface CocoEvalOptions {
  /** Images to evaluate (default: every image of the dataset). */
  imageIds?: number[];
  /** Categories to evaluate (default: every category of the dataset). */
  categoryIds?: number[];
  /** Default [1, 10, 100]; matching uses the last. */
  maxDets?: number[];
}

export interface CocoCategoryResult {
  id: number;
  name: string;
  /** Non-crowd ground-truth boxes of this category in the evaluated images. */
  gt: number;
  /** AP@[.5:.95], area all, maxDets 100; -1 when the category has no ground truth. */
  AP: number;
  AP50: number;
}

export interface CocoMetrics {
  AP: number;
  AP50: number;
  AP75: number;
  APs: number;
  APm: number;
  APl: number;
  AR1: number;
  AR10: number;
  AR100: number;
  ARs: number;
  ARm: number;
  ARl: number;
}

export interface CocoEvalResult extends CocoMetrics {
  perCategory: CocoCategoryResult[];
  images: number;
  iouThresholds: number[];
  recallThresholds: number[];
  maxDets: number[];
  areaRanges: { label: 'all' | 'small' | 'medium' | 'large'; range: [number, number] }[];
  /** precision[t][r][k][a][m] flattened in that order (T x R x K x A x M); -1 = undefined. */
  precision: Float64Array;
  /** recall[t][k][a][m] flattened (T x K x A x M); -1 = undefined. */
  recall: Float64Array;
}

/** numpy.linspace(start, stop, num): y_i = i * ((stop - start) / (num - 1)) + start, y_last = stop. */
function linspace(start: number, stop: number, num: number): number[] {
  const step = (stop - start) / (num - 1);
  const y = Array.from({ length: num }, (_, i) => i * step + start);
  y[num - 1] = stop;
  return y;
}

export const IOU_THRESHOLDS: readonly number[] = linspace(0.5, 0.95, Math.round((0.95 - 0.5) / 0.05) + 1);
export const RECALL_THRESHOLDS: readonly number[] = linspace(0, 1, Math.round(1 / 0.01) + 1);
export const AREA_RANGES: readonly { label: 'all' | 'small' | 'medium' | 'large'; range: [number, number] }[] = [
  { label: 'all', range: [0, 1e10] },
  { label: 'small', range: [0, 32 ** 2] },
  { label: 'medium', range: [32 ** 2, 96 ** 2] },
  { label: 'large', range: [96 ** 2, 1e10] },
];

type Box = readonly [number, number, number, number];

/**
 * IoU of two [x, y, w, h] boxes as pycocotools computes it (no +1); against a crowd ground truth it is
 * intersection over the detection's area.
 */
export function bboxIou(dt: Box, gt: Box, crowd = false): number {
  const w = Math.min(dt[2] + dt[0], gt[2] + gt[0]) - Math.max(dt[0], gt[0]);
  if (w <= 0) return 0;
  const h = Math.min(dt[3] + dt[1], gt[3] + gt[1]) - Math.max(dt[1], gt[1]);
  if (h <= 0) return 0;
  const i = w * h;
  const da = dt[2] * dt[3];
  const u = crowd ? da : da + gt[2] * gt[3] - i;
  return i / u;
}

interface Gt {
  bbox: Box;
  area: number;
  crowd: boolean;
}

interface Dt {
  bbox: Box;
  area: number;
  score: number;
}

interface ImageEval {
  /** Scores of the kept detections, best first. */
  dtScores: Float64Array;
  /** [T x D]: 1 when matched. */
  dtMatched: Uint8Array;
  /** [T x D]: 1 when ignored. */
  dtIgnore: Uint8Array;
  /** [G]: 1 when ignored (sorted order). */
  gtIgnore: Uint8Array;
}

/** Indices of `values` sorted by `key` ascending, ties kept in input order (numpy's mergesort). */
function stableArgsort(n: number, key: (i: number) => number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  return idx.sort((a, b) => key(a) - key(b) || a - b);
}

function evaluateImage(gts: Gt[], dts: Dt[], range: [number, number], maxDet: number, ious: Float64Array | undefined, nT: number): ImageEval | null {
  if (gts.length === 0 && dts.length === 0) return null;
  const ignoreOf = (g: Gt) => (g.crowd || g.area < range[0] || g.area > range[1] ? 1 : 0);
  const gtOrder = stableArgsort(gts.length, (i) => ignoreOf(gts[i]!));
  const G = gts.length;
  const gtIgnore = Uint8Array.from(gtOrder, (i) => ignoreOf(gts[i]!));
  const crowd = gtOrder.map((i) => gts[i]!.crowd);
  // dts are already sorted by score and truncated to maxDets[-1] (as the IoU matrix rows are).
  const D = Math.min(dts.length, maxDet);
  const dtMatched = new Uint8Array(nT * D);
  const dtIgnore = new Uint8Array(nT * D);
  if (ious && D > 0 && G > 0) {
    const iouAt = (d: number, g: number) => ious[d * G + gtOrder[g]!]!;
    const gtMatched = new Uint8Array(G);
    for (let t = 0; t < nT; t++) {
      gtMatched.fill(0);
      for (let d = 0; d < D; d++) {
        let best = Math.min(IOU_THRESHOLDS[t]!, 1 - 1e-10);
        let m = -1;
        for (let g = 0; g < G; g++) {
          if (gtMatched[g] && !crowd[g]) continue; // taken, and not a crowd box
          if (m > -1 && gtIgnore[m] === 0 && gtIgnore[g] === 1) break; // matched a real box; only ignored ones remain
          const iou = iouAt(d, g);
          if (iou < best) continue;
          best = iou;
          m = g;
        }
        if (m === -1) continue;
        dtIgnore[t * D + d] = gtIgnore[m]!;
        dtMatched[t * D + d] = 1;
        gtMatched[m] = 1;
      }
    }
  }
  for (let d = 0; d < D; d++) {
    const a = dts[d]!.area;
    if (a >= range[0] && a <= range[1]) continue;
    for (let t = 0; t < nT; t++) if (!dtMatched[t * D + d]) dtIgnore[t * D + d] = 1;
  }
  return { dtScores: Float64Array.from(dts.slice(0, D), (d) => d.score), dtMatched, dtIgnore, gtIgnore };
}

/** np.searchsorted(sorted, v, side='left'): the first index whose value is >= v. */
function searchLeft(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** COCO bbox evaluation of `results` against `dataset` (pycocotools COCOeval semantics). */
export function evaluateCoco(dataset: CocoDataset, results: CocoResult[], opts: CocoEvalOptions = {}): CocoEvalResult {
  const imgIds = [...new Set(opts.imageIds ?? dataset.images.map((i) => i.id))].sort((a, b) => a - b);
  const catIds = [...new Set(opts.categoryIds ?? dataset.categories.map((c) => c.id))].sort((a, b) => a - b);
  const maxDets = opts.maxDets ?? [1, 10, 100];
  const maxDetLast = maxDets[maxDets.length - 1]!;
  const imgSet = new Set(imgIds);
  const catSet = new Set(catIds);
  const key = (img: number, cat: number) => `${img}:${cat}`;

  const gts = new Map<string, Gt[]>();
  for (const a of dataset.annotations) {
    if (!imgSet.has(a.image_id) || !catSet.has(a.category_id)) continue;
    const k = key(a.image_id, a.category_id);
    if (!gts.has(k)) gts.set(k, []);
    gts.get(k)!.push({ bbox: a.bbox, area: a.area ?? a.bbox[2] * a.bbox[3], crowd: Boolean(a.iscrowd) });
  }
  const dts = new Map<string, Dt[]>();
  for (const r of results) {
    if (!imgSet.has(r.image_id) || !catSet.has(r.category_id)) continue;
    const k = key(r.image_id, r.category_id);
    if (!dts.has(k)) dts.set(k, []);
    dts.get(k)!.push({ bbox: r.bbox, area: r.bbox[2] * r.bbox[3], score: r.score });
  }
  // Per image and category: detections by score (stable), the first maxDets[-1], and their IoUs.
  const ious = new Map<string, Float64Array>();
  for (const [k, list] of dts) {
    const order = stableArgsort(list.length, (i) => -list[i]!.score);
    const sorted = order.slice(0, maxDetLast).map((i) => list[i]!);
    dts.set(k, sorted);
    const g = gts.get(k) ?? [];
    const m = new Float64Array(sorted.length * g.length);
    sorted.forEach((d, di) => g.forEach((gt, gi) => (m[di * g.length + gi] = bboxIou(d.bbox, gt.bbox, gt.crowd))));
    ious.set(k, m);
  }

  const T = IOU_THRESHOLDS.length;
  const R = RECALL_THRESHOLDS.length;
  const K = catIds.length;
  const A = AREA_RANGES.length;
  const M = maxDets.length;
  const precision = new Float64Array(T * R * K * A * M).fill(-1);
  const recall = new Float64Array(T * K * A * M).fill(-1);
  const eps = 2.220446049250313e-16; // np.spacing(1)

  for (let k = 0; k < K; k++) {
    for (let a = 0; a < A; a++) {
      const evals: ImageEval[] = [];
      for (const img of imgIds) {
        const kk = key(img, catIds[k]!);
        const e = evaluateImage(gts.get(kk) ?? [], dts.get(kk) ?? [], AREA_RANGES[a]!.range, maxDetLast, ious.get(kk), T);
        if (e) evals.push(e);
      }
      if (evals.length === 0) continue;
      let npig = 0;
      for (const e of evals) for (const v of e.gtIgnore) if (v === 0) npig++;
      if (npig === 0) continue;
      for (let m = 0; m < M; m++) {
        const maxDet = maxDets[m]!;
        // Concatenate each image's top maxDet detections, then sort all by score (stable).
        const scores: number[] = [];
        const src: [ImageEval, number][] = [];
        for (const e of evals) {
          const n = Math.min(maxDet, e.dtScores.length);
          for (let d = 0; d < n; d++) {
            scores.push(e.dtScores[d]!);
            src.push([e, d]);
          }
        }
        const order = stableArgsort(scores.length, (i) => -scores[i]!);
        const nd = order.length;
        for (let t = 0; t < T; t++) {
          const rc = new Float64Array(nd);
          const pr = new Float64Array(nd);
          let tp = 0;
          let fp = 0;
          for (let i = 0; i < nd; i++) {
            const [e, d] = src[order[i]!]!;
            const D = e.dtScores.length;
            const ignored = e.dtIgnore[t * D + d] === 1;
            const matched = e.dtMatched[t * D + d] === 1;
            if (matched && !ignored) tp++;
            if (!matched && !ignored) fp++;
            rc[i] = tp / npig;
            pr[i] = tp / (fp + tp + eps);
          }
          recall[((t * K + k) * A + a) * M + m] = nd ? rc[nd - 1]! : 0;
          for (let i = nd - 1; i > 0; i--) if (pr[i]! > pr[i - 1]!) pr[i - 1] = pr[i]!;
          for (let r = 0; r < R; r++) {
            const pi = searchLeft(rc, RECALL_THRESHOLDS[r]!);
            precision[(((t * R + r) * K + k) * A + a) * M + m] = pi < nd ? pr[pi]! : 0;
          }
        }
      }
    }
  }

  const meanValid = (vals: Iterable<number>) => {
    let s = 0;
    let n = 0;
    for (const v of vals) {
      if (v > -1) {
        s += v;
        n++;
      }
    }
    return n ? s / n : -1;
  };
  const mIndex = (md: number) => maxDets.indexOf(md);
  function* apValues(t: number | undefined, a: number, m: number, k?: number) {
    if (m < 0) return;
    for (let ti = 0; ti < T; ti++) {
      if (t !== undefined && ti !== t) continue;
      for (let r = 0; r < R; r++) {
        for (let ki = 0; ki < K; ki++) {
          if (k !== undefined && ki !== k) continue;
          yield precision[(((ti * R + r) * K + ki) * A + a) * M + m]!;
        }
      }
    }
  }
  function* arValues(a: number, m: number) {
    if (m < 0) return;
    for (let t = 0; t < T; t++) for (let k = 0; k < K; k++) yield recall[((t * K + k) * A + a) * M + m]!;
  }
  const tIndex = (iou: number) => IOU_THRESHOLDS.findIndex((v) => Math.abs(v - iou) < 1e-12);
  const last = M - 1;
  const m100 = mIndex(100) >= 0 ? mIndex(100) : last;

  const names = new Map(dataset.categories.map((c) => [c.id, c.name]));
  const gtCount = new Map<number, number>();
  for (const [k, list] of gts) {
    const cat = Number(k.split(':')[1]);
    gtCount.set(cat, (gtCount.get(cat) ?? 0) + list.filter((g) => !g.crowd).length);
  }
  return {
    AP: meanValid(apValues(undefined, 0, m100)),
    AP50: meanValid(apValues(tIndex(0.5), 0, m100)),
    AP75: meanValid(apValues(tIndex(0.75), 0, m100)),
    APs: meanValid(apValues(undefined, 1, m100)),
    APm: meanValid(apValues(undefined, 2, m100)),
    APl: meanValid(apValues(undefined, 3, m100)),
    AR1: meanValid(arValues(0, mIndex(1))),
    AR10: meanValid(arValues(0, mIndex(10))),
    AR100: meanValid(arValues(0, m100)),
    ARs: meanValid(arValues(1, m100)),
    ARm: meanValid(arValues(2, m100)),
    ARl: meanValid(arValues(3, m100)),
    perCategory: catIds.map((id, k) => ({
      id,
      name: names.get(id) ?? `category ${id}`,
      gt: gtCount.get(id) ?? 0,
      AP: meanValid(apValues(undefined, 0, m100, k)),
      AP50: meanValid(apValues(tIndex(0.5), 0, m100, k)),
    })),
    images: imgIds.length,
    iouThresholds: [...IOU_THRESHOLDS],
    recallThresholds: [...RECALL_THRESHOLDS],
    maxDets,
    areaRanges: AREA_RANGES.map((r) => ({ label: r.label, range: [...r.range] as [number, number] })),
    precision,
    recall,
  };
}

/** The 12 numbers of COCOeval.summarize(), as it prints them. */
export function formatCocoSummary(m: CocoMetrics): string {
  const rows: [string, string, string, number, number][] = [
    ['Precision', '0.50:0.95', 'all', 100, m.AP],
    ['Precision', '0.50', 'all', 100, m.AP50],
    ['Precision', '0.75', 'all', 100, m.AP75],
    ['Precision', '0.50:0.95', 'small', 100, m.APs],
    ['Precision', '0.50:0.95', 'medium', 100, m.APm],
    ['Precision', '0.50:0.95', 'large', 100, m.APl],
    ['Recall', '0.50:0.95', 'all', 1, m.AR1],
    ['Recall', '0.50:0.95', 'all', 10, m.AR10],
    ['Recall', '0.50:0.95', 'all', 100, m.AR100],
    ['Recall', '0.50:0.95', 'small', 100, m.ARs],
    ['Recall', '0.50:0.95', 'medium', 100, m.ARm],
    ['Recall', '0.50:0.95', 'large', 100, m.ARl],
  ];
  return rows
    .map(([kind, iou, area, md, v]) => {
      const title = kind === 'Precision' ? 'Average Precision  (AP)' : 'Average Recall     (AR)';
      return ` ${title} @[ IoU=${iou.padEnd(9)} | area=${area.padStart(6)} | maxDets=${String(md).padStart(3)} ] = ${v.toFixed(3)}`;
    })
    .join('\n');
}
