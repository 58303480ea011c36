// Post-training quantization with the repairs, in order: cross-layer equalization of the float model
// (equalize.ts), calibration, empirical bias correction (bias-correction.ts), the scheme, then the ops
// kept in higher precision (schemes/mixed.ts). Each step is optional; with none it is calibrate() +
// quantizeModel().
import { InvalidInputError } from '../../errors.js';
import type { RgbImage } from '../../image/rgb.js';
import type { Model } from '../../ir/types.js';
import { calibrateImages, type CalibrationImage } from '../calibration/calibrate.js';
import type { CalibrationMethod } from '../calibration/stats.js';
import type { MinMax } from '../numerics/ranges.js';
import type { WeightBackend } from '../numerics/weights.js';
import { quantizeModel } from '../schemes/index.js';
import { keepUnits, mixPrecision, type Precision } from '../schemes/mixed.js';
import type { IoType } from '../schemes/options.js';
import { adaroundDepthwise, type AdaroundReport } from './adaround.js';
import { correctBiases, type BiasCorrectionReport } from './bias-correction.js';
import { equalizeModel, type EqualizeReport } from './equalize.js';

export interface PtqOptions {
  scheme: 'uint8' | 'int8';
  method: CalibrationMethod;
  mean: number;
  std: number;
  io?: IoType;
  /** Cross-layer equalization before calibration. */
  equalize?: boolean;
  /** Depthwise weights rounded to minimize each layer's output error (adaround.ts). */
  adaround?: boolean;
  /** Empirical bias correction; a number sets the measure-and-correct passes (default 2). */
  biasCorrection?: boolean | number;
  /** Ops to keep in float or, in a uint8 model, int8 per channel, by first output name. */
  keep?: ReadonlyMap<string, Precision>;
  /** The same by patterns, matched against the output names of the float model as quantized (after equalization). */
  keepPatterns?: { float?: RegExp; int8?: RegExp };
  /** Weight quantization backend (native bulk quantizers). */
  weightBackend?: WeightBackend;
  /** Executor backend for calibration and bias correction. */
  backend?: string;
  threads?: number;
  maxMemory?: number;
  description?: string;
  onProgress?: (stage: 'calibrating' | 'rounding' | 'bias correction', done: number, total: number) => void;
  onWarning?: (message: string) => void;
}

export interface PtqResult {
  model: Model;
  /** The float model the scheme quantized (equalized and bias-corrected when asked). */
  float: Model;
  ranges: Map<number, MinMax>;
  equalization?: EqualizeReport;
  biasCorrection?: BiasCorrectionReport;
  adaround?: AdaroundReport;
  /** The same float model through the int8 scheme (made when int8 islands are asked for). */
  int8?: Model;
}

/** Calibration images decoded once (bias correction reads each several times). */
export async function decodedOnce(images: readonly CalibrationImage[]): Promise<CalibrationImage[]> {
  const decoded: RgbImage[] = [];
  for (const i of images) decoded.push(await i.load());
  return images.map((i, k) => ({ name: i.name, load: async () => decoded[k]! }));
}

export async function postTrainingQuantize(model: Model, images: readonly CalibrationImage[], o: PtqOptions): Promise<PtqResult> {
  if (images.length === 0) throw new InvalidInputError(`\`scheme=${o.scheme}\` needs calibration images`);
  const imgs = o.biasCorrection || o.adaround ? await decodedOnce(images) : images;
  let float = model;
  let equalization: EqualizeReport | undefined;
  const run = { ...(o.backend ? { backend: o.backend } : {}), ...(o.threads ? { threads: o.threads } : {}) };
  if (o.equalize) ({ model: float, report: equalization } = equalizeModel(float));
  const ranges = await calibrateImages(float, imgs, {
    method: o.method,
    mean: o.mean,
    std: o.std,
    ...run,
    ...(o.maxMemory !== undefined ? { maxMemory: o.maxMemory } : {}),
    onProgress: (d, t) => o.onProgress?.('calibrating', d, t),
  });
  const quantize = (f: Model, scheme: 'uint8' | 'int8' = o.scheme, io: IoType | undefined = o.io) =>
    quantizeModel(f, {
      scheme,
      ranges,
      mean: o.mean,
      std: o.std,
      ...(io ? { io } : {}),
      ...(o.weightBackend ? { backend: o.weightBackend } : {}),
      ...(o.description ? { description: o.description } : {}),
      onWarning: (w) => o.onWarning?.(w),
    });
  const unrounded = float;
  let adaround: AdaroundReport | undefined;
  if (o.adaround) {
    let seen = 0;
    ({ model: float, report: adaround } = await adaroundDepthwise(float, { scheme: o.scheme, images: imgs, mean: o.mean, std: o.std, ...run, onImage: () => o.onProgress?.('rounding', ++seen, imgs.length) }));
  }
  let biasCorrection: BiasCorrectionReport | undefined;
  if (o.biasCorrection) {
    const passes = typeof o.biasCorrection === 'number' ? o.biasCorrection : 2;
    ({ model: float, report: biasCorrection } = await correctBiases(float, {
      images: imgs,
      mean: o.mean,
      std: o.std,
      quantize: (f) => quantize(f),
      reference: unrounded,
      passes,
      ...run,
      onProgress: (done, total) => o.onProgress?.('bias correction', done, total),
    }));
  }
  let q = quantize(float);
  const p = o.keepPatterns;
  const keep = new Map([...(o.keep ?? []), ...(p?.float ? opsMatching(float, p.float, 'float') : []), ...(p?.int8 ? opsMatching(float, p.int8, 'int8') : [])]);
  const int8 = o.scheme === 'uint8' && [...keep.values()].includes('int8') ? quantize(float, 'int8', 'int8') : undefined;
  if (keep.size) q = mixPrecision(q, { float, ...(int8 ? { int8 } : {}) }, keep);
  return { model: q, float, ranges, ...(equalization ? { equalization } : {}), ...(biasCorrection ? { biasCorrection } : {}), ...(adaround ? { adaround } : {}), ...(int8 ? { int8 } : {}) };
}

/**
 * The ops of `model` whose first output name matches `pattern` (for --keep-float / --keep-int8), with
 * the MINIMUM that carries an equalized layer's RELU6 bound kept alongside its layer.
 */
export function opsMatching(model: Model, pattern: RegExp, precision: Precision): Map<string, Precision> {
  const out = new Map<string, Precision>();
  for (const unit of keepUnits(model)) if (unit.some((n) => pattern.test(n))) for (const n of unit) out.set(n, precision);
  if (out.size === 0) throw new InvalidInputError(`keep ${precision}: no op output name matches /${pattern.source}/`);
  return out;
}
