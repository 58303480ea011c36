// COCO instances annotations (instances_*.json) and detection results: their shapes, and a reader that
// validates before it trusts (a malformed file is an error naming the field, never a crash later).
import { InvalidInputError } from '../errors.js';
import { host } from '../host/host.js';

export interface CocoImage {
  id: number;
  file_name: string;
  width?: number;
  height?: number;
}

export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  /** [x, y, width, height] in pixels. */
  bbox: [number, number, number, number];
  /** Object area (of the segmentation in COCO): decides small/medium/large. Default: bbox w*h. */
  area?: number;
  iscrowd?: number | boolean;
}

export interface CocoCategory {
  id: number;
  name: string;
}

/** The parts of an instances_*.json that bbox evaluation reads. */
export interface CocoDataset {
  images: CocoImage[];
  annotations: CocoAnnotation[];
  categories: CocoCategory[];
}

/** One detection in COCO results format. */
export interface CocoResult {
  image_id: number;
  category_id: number;
  /** [x, y, width, height] in pixels. */
  bbox: [number, number, number, number];
  score: number;
}

/** Validates a COCO instances file (the fields bbox evaluation needs). */
export function parseCocoDataset(json: unknown, file = '<annotations>'): CocoDataset {
  const bad = (why: string) => new InvalidInputError(`${file}: not a COCO instances file: ${why}`);
  if (!json || typeof json !== 'object') throw bad('not a JSON object');
  const j = json as Record<string, unknown>;
  for (const k of ['images', 'annotations', 'categories']) if (!Array.isArray(j[k])) throw bad(`"${k}" is not an array`);
  const images = j.images as CocoImage[];
  const annotations = j.annotations as CocoAnnotation[];
  const categories = j.categories as CocoCategory[];
  images.forEach((im, i) => {
    if (typeof im?.id !== 'number' || typeof im.file_name !== 'string') throw bad(`images[${i}] needs a numeric "id" and a "file_name"`);
  });
  categories.forEach((c, i) => {
    if (typeof c?.id !== 'number' || typeof c.name !== 'string') throw bad(`categories[${i}] needs a numeric "id" and a "name"`);
  });
  annotations.forEach((a, i) => {
    if (typeof a?.image_id !== 'number' || typeof a.category_id !== 'number') throw bad(`annotations[${i}] needs numeric "image_id" and "category_id"`);
    if (!Array.isArray(a.bbox) || a.bbox.length !== 4 || a.bbox.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      throw bad(`annotations[${i}].bbox is not [x, y, width, height]`);
    }
  });
  return { images, annotations, categories };
}

/** Reads and validates an instances_*.json. */
export async function readCocoDataset(file: string): Promise<CocoDataset> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(await host().readFile(file)));
  } catch (e) {
    if ((e as { code?: string }).code) throw e;
    throw new InvalidInputError(`${file}: not JSON: ${(e as Error).message}`);
  }
  return parseCocoDataset(json, file);
}

