// SSD detection on images: preprocess to the model's input, run, read TFLite_Detection_PostProcess's
// outputs, and map normalized boxes to pixels of the original image. Paths and encoded images are
// read and decoded by the host (host/host.ts).
import { InvalidInputError, UnsupportedError } from '../errors.js';
import { host } from '../host/host.js';
import { resizeBilinear, type RgbImage } from '../image/rgb.js';
import type { OutputTensor, TensorData, TensorInfo } from '../ir/tensor-data.js';
import type { Model } from '../ir/types.js';

/** What detection needs of a loaded model (runtime/model.ts's LiteqModel is one). */
export interface DetectableModel {
  readonly ir: Model;
  readonly file: string;
  readonly inputs: readonly TensorInfo[];
  run(inputs: TensorData[]): Promise<OutputTensor[]>;
}

export interface Detection {
  /** Label from the label map, or "class N" without one. */
  label: string;
  /** 0-based class index as TFLite outputs it (no background). */
  class: number;
  score: number;
  /** Pixels of the original image. */
  box: { xmin: number; ymin: number; xmax: number; ymax: number };
}

export interface DetectOptions {
  /** Minimum score; default 0.5. */
  threshold?: number;
  /** Label map (one per line, index = class) as an array or a file path. */
  labels?: string[] | string;
  /** For float inputs: x' = (x - mean) / std; default 127.5 / 127.5 (SSD MobileNet's (2/255)x - 1). */
  mean?: number;
  std?: number;
}

/** Reads a label map file (a path in Node, a URL in a browser); see parseLabels. */
export async function readLabels(file: string): Promise<string[]> {
  return parseLabels(new TextDecoder('utf-8').decode(await host().readFile(file)));
}

/** A label map: one label per line; "N label" or "N: label" lines give explicit indices. */
export function parseLabels(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const labels: string[] = [];
  const explicit = lines.filter((l) => l.trim()).every((l) => /^\s*\d+[\s:]+\S/.test(l));
  lines.forEach((line) => {
    if (!line.trim()) return;
    if (explicit) {
      const m = /^\s*(\d+)[\s:]+(.*)$/.exec(line)!;
      labels[Number(m[1])] = m[2]!.trim();
    } else {
      labels.push(line.trim());
    }
  });
  return labels;
}

/** The model's input tensor for an RGB image: resized, and converted to the input dtype. */
export function imageToInput(model: DetectableModel, image: RgbImage, opts: Pick<DetectOptions, 'mean' | 'std'> = {}): TensorData {
  const info = model.inputs[0];
  if (!info || model.inputs.length !== 1) throw new UnsupportedError(`${model.file}: image input needs a model with exactly one input`);
  const [n, h, w, c] = info.shape;
  if (info.shape.length !== 4 || n !== 1 || c !== 3 || !h || !w) {
    throw new UnsupportedError(`${model.file}: input "${info.name}" [${info.shape.join(',')}] is not an RGB image batch of 1 [1,H,W,3]`);
  }
  const rgb = image.width === w && image.height === h ? image.data : resizeBilinear(image, w, h).data;
  switch (info.dtype) {
    case 'uint8':
      return rgb;
    case 'int8':
      return Int8Array.from(rgb, (v) => v - 128);
    case 'float32': {
      const mean = opts.mean ?? 127.5;
      const std = opts.std ?? 127.5;
      return Float32Array.from(rgb, (v) => (v - mean) / std);
    }
    default:
      throw new UnsupportedError(`${model.file}: image input of dtype ${info.dtype}`);
  }
}

/** Indices of the post-process outputs: boxes [1,M,4], classes [1,M], scores [1,M], count [1]. */
function postProcessOutputs(model: DetectableModel): { boxes: number; classes: number; scores: number; count: number } {
  const sg = model.ir.subgraphs[0]!;
  const pp = sg.operators.find((op) => op.op.kind === 'custom' && op.op.customCode === 'TFLite_Detection_PostProcess');
  if (!pp || pp.outputs.length !== 4) {
    throw new UnsupportedError(`${model.file}: not an SSD detection model (no TFLite_Detection_PostProcess op with 4 outputs)`);
  }
  const pos = pp.outputs.map((t) => sg.outputs.indexOf(t));
  if (pos.some((p) => p < 0)) throw new UnsupportedError(`${model.file}: TFLite_Detection_PostProcess outputs are not model outputs`);
  return { boxes: pos[0]!, classes: pos[1]!, scores: pos[2]!, count: pos[3]! };
}

function checkThreshold(threshold: number): void {
  if (!(threshold >= 0 && threshold <= 1)) throw new InvalidInputError(`threshold ${threshold} is not in [0, 1]`);
}

/**
 * Detections from an SSD model's outputs (as `model.run` returns them) for an image of
 * `width` x `height` pixels: score >= threshold, boxes in pixels, labels from the map.
 */
export function decodeDetections(
  model: DetectableModel,
  out: OutputTensor[],
  size: { width: number; height: number },
  labels: string[] = [],
  threshold = 0.5,
): Detection[] {
  checkThreshold(threshold);
  const which = postProcessOutputs(model);
  const boxes = out[which.boxes]!.data as Float32Array;
  const classes = out[which.classes]!.data as Float32Array;
  const scores = out[which.scores]!.data as Float32Array;
  const count = Math.min((out[which.count]!.data as Float32Array)[0] ?? 0, scores.length);
  const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  const result: Detection[] = [];
  for (let i = 0; i < count; i++) {
    if (scores[i]! < threshold) continue;
    const cls = Math.round(classes[i]!);
    result.push({
      label: labels[cls] ?? `class ${cls}`,
      class: cls,
      score: scores[i]!,
      box: {
        ymin: clamp(boxes[i * 4]! * size.height, size.height),
        xmin: clamp(boxes[i * 4 + 1]! * size.width, size.width),
        ymax: clamp(boxes[i * 4 + 2]! * size.height, size.height),
        xmax: clamp(boxes[i * 4 + 3]! * size.width, size.width),
      },
    });
  }
  return result;
}

/** Runs an SSD model on one image (path, encoded bytes, or decoded RGB). */
export async function detect(model: DetectableModel, image: string | Uint8Array | RgbImage, opts: DetectOptions = {}): Promise<Detection[]> {
  postProcessOutputs(model); // not an SSD model: say so before decoding the image
  const rgb = image instanceof Uint8Array || typeof image === 'string' ? await host().decodeImage(image, typeof image === 'string' ? image : '<image>') : image;
  const labels = typeof opts.labels === 'string' ? await readLabels(opts.labels) : (opts.labels ?? []);
  const threshold = opts.threshold ?? 0.5;
  checkThreshold(threshold); // before the inference, not after it
  const out = await model.run([imageToInput(model, rgb, opts)]);
  return decodeDetections(model, out, rgb, labels, threshold);
}
