// Per-channel statistics of named activations over the calibration images, in real values (quantized
// tensors dequantized): the mean (bias correction) and the largest |x| (activation-aware equalization).
import { InvalidInputError } from '../../errors.js';
import type { OutputTensor } from '../../ir/tensor-data.js';
import type { Model } from '../../ir/types.js';
import { createModel } from '../../runtime/model.js';
import { imageToInput } from '../../ssd/detect.js';
import type { CalibrationImage } from '../calibration/calibrate.js';

export interface ChannelStats {
  mean: Float64Array;
  absMax: Float64Array;
}

export interface ChannelStatsOptions {
  images: readonly CalibrationImage[];
  /** Input normalization of a float model: x = (pixel - mean) / std. */
  mean: number;
  std: number;
  backend?: string;
  threads?: number;
  /** Called after each image. */
  onImage?: () => void;
}

/** Statistics per last-dimension channel of each named tensor the model has (others are left out). */
export async function channelStats(model: Model, names: readonly string[], o: ChannelStatsOptions): Promise<Map<string, ChannelStats>> {
  const sg = model.subgraphs[0]!;
  const index = new Map(sg.tensors.map((t, i) => [t.name, i]));
  const wanted = [...new Set(names)].filter((n) => index.has(n));
  const indices = wanted.map((n) => index.get(n)!);
  if (o.images.length === 0 && wanted.length) throw new InvalidInputError('channel statistics need at least one calibration image');
  const acc = new Map<string, ChannelStats>();
  await forEachImageRun(model, indices, o, 'channel statistics', (outs) => outs.forEach((t, k) => accumulate(acc, wanted[k]!, t, o.images.length)));
  return acc;
}

/** Runs the model on each image (with its intermediates kept) and hands `fn` the tensors at `indices`. */
export async function forEachImageRun(model: Model, indices: number[], o: ChannelStatsOptions, file: string, fn: (outs: OutputTensor[]) => void): Promise<void> {
  const lm = await createModel(model, { preserveIntermediates: true, threads: o.threads ?? 0, file, ...(o.backend ? { backend: o.backend } : {}) });
  try {
    for (const image of o.images) {
      fn(await lm.runTensors([imageToInput(lm, await image.load(), o)], indices));
      o.onImage?.();
    }
  } finally {
    lm.dispose();
  }
}

function accumulate(acc: Map<string, ChannelStats>, name: string, t: OutputTensor, images: number): void {
  const c = t.shape.at(-1) ?? 1;
  let s = acc.get(name);
  if (!s) acc.set(name, (s = { mean: new Float64Array(c), absMax: new Float64Array(c) }));
  const d = t.data;
  const scale = t.dtype === 'float32' ? 1 : t.scale;
  const zp = t.dtype === 'float32' ? 0 : t.zeroPoint;
  const w = 1 / ((d.length / c) * images);
  for (let k = 0; k < d.length; k++) {
    const v = (Number(d[k]!) - zp) * scale;
    const ch = k % c;
    s.mean[ch] = s.mean[ch]! + v * w;
    if (Math.abs(v) > s.absMax[ch]!) s.absMax[ch] = Math.abs(v);
  }
}
