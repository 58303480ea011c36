// Running an SSD model over a COCO-annotated image folder: detections in COCO results format
// (TFLite class -> COCO category id), then pycocotools-style evaluation.
import { InvalidInputError } from '../errors.js';
import { host } from '../host/host.js';
import type { RgbImage } from '../image/rgb.js';
import type { LiteqModel } from '../runtime/model.js';
import { detect, readLabels, type Detection } from '../ssd/detect.js';
import type { CocoDataset, CocoImage, CocoResult } from './coco-dataset.js';
import { evaluateCoco, type CocoEvalResult } from './coco.js';

export interface DetectorEvalOptions {
  /** Folder holding the dataset's images (by `file_name`). */
  imagesDir: string;
  /** Label map (array or file): classes map to categories by name first. */
  labels?: string[] | string;
  /** Minimum score of a detection; default 0 (everything the post-process emits). */
  threshold?: number;
  /** Only the first N images (by image id). */
  maxImages?: number;
  /** Float inputs: (x - mean) / std; default 127.5 / 127.5. */
  mean?: number;
  std?: number;
  /** Images decoded ahead while the model runs; default 2. */
  concurrency?: number;
  /** Called after each image. */
  onProgress?: (done: number, total: number) => void;
}

export interface DetectorEvalResult {
  metrics: CocoEvalResult;
  results: CocoResult[];
  images: CocoImage[];
  /** Wall time of the whole run, ms. */
  ms: number;
}

/**
 * TFLite class -> COCO category id: by label name when a label map is given and the name is a
 * category; otherwise class + 1 (the 90-class COCO SSDs: class c is category id c + 1).
 */
export function classToCategoryMap(dataset: CocoDataset, labels: string[] = []): (cls: number) => number {
  const byName = new Map(dataset.categories.map((c) => [c.name.trim().toLowerCase(), c.id]));
  return (cls) => byName.get((labels[cls] ?? '').trim().toLowerCase()) ?? cls + 1;
}

/** The images an evaluation covers: sorted by id, the first `maxImages`. */
export function selectImages(dataset: CocoDataset, maxImages?: number): CocoImage[] {
  const sorted = [...dataset.images].sort((a, b) => a.id - b.id);
  return maxImages !== undefined ? sorted.slice(0, Math.max(0, maxImages)) : sorted;
}

export function toCocoResults(imageId: number, detections: Detection[], categoryOf: (cls: number) => number): CocoResult[] {
  return detections.map((d) => ({
    image_id: imageId,
    category_id: categoryOf(d.class),
    bbox: [d.box.xmin, d.box.ymin, d.box.xmax - d.box.xmin, d.box.ymax - d.box.ymin],
    score: d.score,
  }));
}

/** Runs `fn` over `items` with at most `limit` in flight; results in input order. */
export async function mapBounded<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** dir/name with one separator (paths in Node, URLs in a browser). */
const joinPath = (dir: string, name: string) => (dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`);

/** Runs an SSD model on every selected image of a COCO dataset and evaluates its detections. */
export async function evaluateDetector(model: LiteqModel, dataset: CocoDataset, opts: DetectorEvalOptions): Promise<DetectorEvalResult> {
  const start = performance.now();
  const labels = typeof opts.labels === 'string' ? await readLabels(opts.labels) : (opts.labels ?? []);
  const categoryOf = classToCategoryMap(dataset, labels);
  const images = selectImages(dataset, opts.maxImages);
  if (images.length === 0) throw new InvalidInputError('no images to evaluate');
  let done = 0;
  // The native run is serialized per model and runs off the main thread; concurrency overlaps the
  // decoding and resizing of the next image with the current inference.
  const perImage = await mapBounded(images, opts.concurrency ?? 2, async (img) => {
    const file = joinPath(opts.imagesDir, img.file_name);
    let rgb: RgbImage;
    try {
      rgb = await host().decodeImage(file, file);
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') throw new InvalidInputError(`${file}: image ${img.id} of the annotations is missing`);
      throw e;
    }
    const dets = await detect(model, rgb, { threshold: opts.threshold ?? 0, labels, mean: opts.mean, std: opts.std });
    opts.onProgress?.(++done, images.length);
    return toCocoResults(img.id, dets, categoryOf);
  });
  const results = perImage.flat();
  const metrics = evaluateCoco(dataset, results, { imageIds: images.map((i) => i.id) });
  return { metrics, results, images, ms: performance.now() - start };
}
