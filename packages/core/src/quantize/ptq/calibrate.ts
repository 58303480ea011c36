// Calibration: run the float model in liteq's executor over sample images and gather statistics for
// every float activation tensor (see stats.ts for the methods).
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError, UnsupportedError } from '../../errors.js';
import { decodeImage, resizeBilinear } from '../../image.js';
import type { Model } from '../../ir/types.js';
import { createModel } from '../../model.js';
import { TensorStats, type CalibrationMethod } from './stats.js';

const IMAGE_EXT = /\.(jpe?g|png|webp|bmp|gif|tiff?)$/i;

/**
 * Sample image paths: a directory (its images, sorted by name) or a COCO instances json (its
 * `images[].file_name`, resolved next to the json, or in a sibling directory named after the split).
 */
export async function listCalibrationImages(source: string, samples?: number): Promise<string[]> {
  const st = await stat(source).catch(() => undefined);
  if (!st) throw new InvalidInputError(`--calibration ${source}: no such file or directory`);
  let files: string[];
  if (st.isDirectory()) {
    files = (await readdir(source)).filter((f) => IMAGE_EXT.test(f)).sort().map((f) => path.join(source, f));
  } else {
    let json: { images?: { file_name?: string }[] };
    try {
      json = JSON.parse(await readFile(source, 'utf8')) as typeof json;
    } catch (e) {
      throw new InvalidInputError(`--calibration ${source}: not a directory of images nor a COCO instances json (${(e as Error).message})`);
    }
    if (!Array.isArray(json.images)) throw new InvalidInputError(`--calibration ${source}: a COCO instances json needs an "images" array`);
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
  if (files.length === 0) throw new InvalidInputError(`--calibration ${source}: no images found`);
  return samples !== undefined ? files.slice(0, samples) : files;
}

export interface CalibrateOptions {
  method: CalibrationMethod;
  /** Input normalization: x_float = (pixel - mean) / std. */
  mean: number;
  std: number;
  threads?: number;
  /** Called after each sample (e.g. a progress line). */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** The float range of every float activation of subgraph 0 (by tensor index), from the images. */
export async function calibrate(model: Model, images: string[], opts: CalibrateOptions): Promise<Map<number, { min: number; max: number }>> {
  const sg = model.subgraphs[0]!;
  if (sg.inputs.length !== 1) throw new UnsupportedError('calibration needs a model with exactly one (image) input');
  const input = sg.tensors[sg.inputs[0]!]!;
  const [n, h, w, c] = input.shape;
  if (input.dtype !== 'float32' || input.shape.length !== 4 || n !== 1 || c !== 3 || !h || !w) {
    throw new UnsupportedError(`calibration needs a float32 [1,H,W,3] image input; "${input.name}" is ${input.dtype} [${input.shape.join(',')}]`);
  }
  // Every float tensor that some op produces (activations), plus the input.
  const produced = new Set<number>(sg.inputs);
  for (const op of sg.operators) for (const o of op.outputs) produced.add(o);
  const indices = [...produced].filter((i) => sg.tensors[i]!.dtype === 'float32' && !sg.tensors[i]!.data);
  const stats = new Map(indices.map((i) => [i, new TensorStats(opts.method)]));
  const lm = await createModel(model, { preserveIntermediates: true, threads: opts.threads ?? 0, file: 'calibration' });
  try {
    let done = 0;
    for (const file of images) {
      const img = await decodeImage(file);
      const rgb = img.width === w && img.height === h ? img.data : resizeBilinear(img, w, h).data;
      const x = Float32Array.from(rgb, (v) => (v - opts.mean) / opts.std);
      const outs = await lm.runTensors([x], indices);
      outs.forEach((o, k) => stats.get(indices[k]!)!.add(o.data as Float32Array));
      opts.onProgress?.(++done, images.length, file);
    }
  } finally {
    lm.dispose();
  }
  return new Map([...stats].map(([i, s]) => [i, s.range()]));
}
