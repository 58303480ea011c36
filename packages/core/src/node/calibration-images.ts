// Calibration images on disk: a directory of images or a COCO instances json, decoded with sharp
// as calibration reaches them.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError } from '../errors.js';
import type { Model } from '../ir/types.js';
import type { MinMax } from '../quantize/numerics/ranges.js';
import { calibrateImages, type CalibrateOptions } from '../quantize/calibration/calibrate.js';
import { decodeImage } from './image.js';

const IMAGE_EXT = /\.(jpe?g|png|webp|bmp|gif|tiff?)$/i;

/**
 * Sample image paths: a directory (its images, sorted by name) or a COCO instances json (its
 * `images[].file_name`, resolved next to the json, or in a sibling directory named after the split).
 */
export async function listCalibrationImages(source: string, samples?: number): Promise<string[]> {
  const st = await stat(source).catch(() => undefined);
  if (!st) throw new InvalidInputError(`calibration images ${source}: no such file or directory`);
  let files: string[];
  if (st.isDirectory()) {
    files = (await readdir(source)).filter((f) => IMAGE_EXT.test(f)).sort().map((f) => path.join(source, f));
  } else {
    let json: { images?: { file_name?: string }[] };
    try {
      json = JSON.parse(await readFile(source, 'utf8')) as typeof json;
    } catch (e) {
      throw new InvalidInputError(`calibration images ${source}: not a directory of images nor a COCO instances json (${(e as Error).message})`);
    }
    if (!Array.isArray(json.images)) throw new InvalidInputError(`calibration images ${source}: a COCO instances json needs an "images" array`);
    const dir = path.dirname(source);
    // Next to the json, in a directory named after the split (instances_val2017_tiny.json → val2017),
    // or in any sibling directory.
    const split = /instances_([a-z]+\d*)/i.exec(path.basename(source))?.[1];
    const subdirs = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
    const dirs = [...new Set([dir, ...(split ? [path.join(dir, split), path.join(dir, '..', split)] : []), ...subdirs])];
    files = [];
    for (const img of json.images) {
      if (!img.file_name) continue;
      let found: string | undefined;
      for (const d of dirs) {
        const p = path.join(d, img.file_name);
        if (await stat(p).then((s) => s.isFile()).catch(() => false)) {
          found = p;
          break;
        }
      }
      if (found) files.push(found);
      if (samples !== undefined && files.length >= samples) break;
    }
  }
  if (files.length === 0) throw new InvalidInputError(`calibration images ${source}: no images found`);
  return samples !== undefined ? files.slice(0, samples) : files;
}

/** calibrateImages over image files (decoded one at a time). */
export async function calibrate(model: Model, files: readonly string[], opts: CalibrateOptions): Promise<Map<number, MinMax>> {
  return calibrateImages(model, files.map((f) => ({ name: f, load: () => decodeImage(f) })), opts);
}
