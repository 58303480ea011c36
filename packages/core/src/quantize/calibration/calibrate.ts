// Calibration: run the float model in liteq's executor over sample images and gather statistics for
// every float activation tensor (see stats.ts for the methods). Images come decoded or decodable, from
// whatever the platform has (node/calibration-images.ts: a directory or a COCO json on disk).
import { UnsupportedError } from '../../errors.js';
import { resizeBilinear, type RgbImage } from '../../image/rgb.js';
import type { Model } from '../../ir/types.js';
import { createModel } from '../../runtime/model.js';
import type { MinMax } from '../numerics/ranges.js';
import { TensorStats, type CalibrationMethod } from './stats.js';

export interface CalibrateOptions {
  method: CalibrationMethod;
  /** Input normalization: x_float = (pixel - mean) / std. */
  mean: number;
  std: number;
  threads?: number;
  /** Backend to run the float model on (default: LITEQ_BACKEND, else the best that loads). */
  backend?: string;
  /** Memory limit for the calibration model (LoadModelOptions.maxMemory). */
  maxMemory?: number;
  /** Called after each sample (e.g. a progress line). */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** A calibration image: its name (for progress) and how to get its pixels (decoded on demand). */
export interface CalibrationImage {
  name: string;
  load(): Promise<RgbImage>;
}

/** The float range of every float activation of subgraph 0 (by tensor index), from the images. */
export async function calibrateImages(model: Model, images: readonly CalibrationImage[], opts: CalibrateOptions): Promise<Map<number, MinMax>> {
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
  const lm = await createModel(model, { preserveIntermediates: true, threads: opts.threads ?? 0, file: 'calibration', ...(opts.backend ? { backend: opts.backend } : {}), ...(opts.maxMemory !== undefined ? { maxMemory: opts.maxMemory } : {}) });
  try {
    let done = 0;
    for (const image of images) {
      const img = await image.load();
      const rgb = img.width === w && img.height === h ? img.data : resizeBilinear(img, w, h).data;
      const x = Float32Array.from(rgb, (v) => (v - opts.mean) / opts.std);
      const outs = await lm.runTensors([x], indices);
      outs.forEach((o, k) => stats.get(indices[k]!)!.add(o.data as Float32Array));
      opts.onProgress?.(++done, images.length, image.name);
    }
  } finally {
    lm.dispose();
  }
  return new Map([...stats].map(([i, s]) => [i, s.range()]));
}
