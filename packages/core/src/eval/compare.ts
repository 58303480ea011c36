// Per-tensor error between two versions of one network (e.g. float vs uint8): every operator output of
// model A is matched to one of model B (by tensor name, else by position in op order), both are
// dequantized (real = scale * (q - zero_point)), and A is taken as the reference signal.
import { InvalidInputError } from '../errors.js';
import type { RgbImage } from '../image/rgb.js';
import type { OutputTensor, TensorData } from '../ir/tensor-data.js';
import type { LiteqModel } from '../runtime/model.js';
import { imageToInput } from '../ssd/detect.js';

export interface TensorError {
  /** Position in A's op order (0 = first op). */
  opIndex: number;
  /** A's op producing the tensor ("CONV_2D", custom code, ...). */
  op: string;
  name: string;
  /** Tensor index in A and in B. */
  indexA: number;
  indexB: number;
  nameB: string;
  shape: number[];
  dtypeA: string;
  dtypeB: string;
  /** Signal-to-quantization-noise ratio in dB, 10 log10(sum a^2 / sum (a-b)^2), mean over images (Infinity = identical). */
  sqnr: number;
  /** Mean squared error, mean over images. */
  mse: number;
  /** Cosine similarity, mean over images. */
  cosine: number;
  /** Largest |a - b| over all images. */
  maxAbsError: number;
}

export interface CompareResult {
  /** How B's tensors were found: by A's tensor names, or by position among op outputs. */
  matchedBy: 'name' | 'position';
  /** One entry per compared tensor, in A's op order. */
  tensors: TensorError[];
  /** A's op outputs with no counterpart in B (or a different element count), with why. */
  skipped: { name: string; reason: string }[];
  /** The lowest-SQNR tensors, worst first. */
  worst: TensorError[];
  images: number;
}

export interface CompareOptions {
  /** Float inputs fed from pixels: (x - mean) / std (default 127.5 / 127.5) — unless the other model is quantized, see compareModels. */
  mean?: number;
  std?: number;
  /** How many worst tensors to list; default 5. */
  worst?: number;
  /** Skip outputs of these custom ops (default: TFLite_Detection_PostProcess, whose outputs are not elementwise comparable). */
  skipCustomOps?: string[];
  onProgress?: (done: number, total: number) => void;
}

interface OpOutput {
  opIndex: number;
  op: string;
  tensor: number;
}

function opOutputs(model: LiteqModel, skipCustom: Set<string>): OpOutput[] {
  const sg = model.ir.subgraphs[0];
  if (!sg) throw new InvalidInputError(`${model.file}: no subgraph`);
  const out: OpOutput[] = [];
  sg.operators.forEach((o, opIndex) => {
    const op = o.op.kind === 'custom' ? o.op.customCode : o.op.opcode;
    if (o.op.kind === 'custom' && skipCustom.has(o.op.customCode)) return;
    for (const t of o.outputs) if (t >= 0) out.push({ opIndex, op: String(op), tensor: t });
  });
  return out;
}

/** Real values of a tensor: float as is, quantized as scale * (q - zero_point). */
export function dequantize(t: Pick<OutputTensor, 'data' | 'scale' | 'zeroPoint' | 'dtype'>): Float64Array {
  const src = t.data as ArrayLike<number | bigint>;
  const out = new Float64Array(src.length);
  const quantized = t.dtype !== 'float32' && t.dtype !== 'float64' && t.scale > 0;
  for (let i = 0; i < src.length; i++) {
    const v = Number(src[i]!);
    out[i] = quantized ? t.scale * (v - t.zeroPoint) : v;
  }
  return out;
}

export interface ErrorStats {
  sqnr: number;
  mse: number;
  cosine: number;
  maxAbsError: number;
}

/** Error of `b` against the reference `a` (same length). */
export function errorStats(a: ArrayLike<number>, b: ArrayLike<number>): ErrorStats {
  if (a.length !== b.length) throw new InvalidInputError(`cannot compare ${a.length} values with ${b.length}`);
  let sig = 0;
  let noise = 0;
  let dot = 0;
  let nb = 0;
  let maxAbs = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const e = x - y;
    sig += x * x;
    noise += e * e;
    dot += x * y;
    nb += y * y;
    const ae = Math.abs(e);
    if (ae > maxAbs) maxAbs = ae;
  }
  const n = Math.max(1, a.length);
  const sqnr = noise === 0 ? Infinity : sig === 0 ? -Infinity : 10 * Math.log10(sig / noise);
  const cosine = sig === 0 && nb === 0 ? 1 : sig === 0 || nb === 0 ? 0 : dot / Math.sqrt(sig * nb);
  return { sqnr, mse: noise / n, cosine, maxAbsError: maxAbs };
}

/**
 * The two models' inputs for one image. When one model has a quantized image input and the other a
 * float one, the float model gets the quantized input's real values (scale * (q - zp)), so the
 * comparison measures the network, not two preprocessings.
 */
export function pairedInputs(a: LiteqModel, b: LiteqModel, image: RgbImage, opts: Pick<CompareOptions, 'mean' | 'std'> = {}): [TensorData, TensorData] {
  const ia = imageToInput(a, image, opts);
  const ib = imageToInput(b, image, opts);
  const qa = a.inputs[0]!;
  const qb = b.inputs[0]!;
  const isFloat = (d: string) => d === 'float32';
  if (!isFloat(qa.dtype) && isFloat(qb.dtype) && qa.scale > 0) return [ia, Float32Array.from(dequantize({ ...qa, data: ia }))];
  if (isFloat(qa.dtype) && !isFloat(qb.dtype) && qb.scale > 0) return [Float32Array.from(dequantize({ ...qb, data: ib })), ib];
  return [ia, ib];
}

/**
 * Compares every operator output of A with its counterpart in B over the images. Both models must
 * have been loaded with `preserveIntermediates: true`.
 */
export async function compareModels(a: LiteqModel, b: LiteqModel, images: RgbImage[], opts: CompareOptions = {}): Promise<CompareResult> {
  if (images.length === 0) throw new InvalidInputError('compare needs at least one image');
  const skipCustom = new Set(opts.skipCustomOps ?? ['TFLite_Detection_PostProcess']);
  const outsA = opOutputs(a, skipCustom);
  const outsB = opOutputs(b, skipCustom);
  const tA = a.ir.subgraphs[0]!.tensors;
  const tB = b.ir.subgraphs[0]!.tensors;
  const byNameB = new Map<string, number>();
  for (const o of outsB) byNameB.set(tB[o.tensor]!.name, o.tensor);
  const named = outsA.filter((o) => byNameB.has(tA[o.tensor]!.name)).length;
  const matchedBy: 'name' | 'position' = named >= Math.ceil(outsA.length / 2) ? 'name' : 'position';
  const elements = (shape: number[]) => shape.reduce((x, y) => x * y, 1);

  const pairs: { a: OpOutput; b: number }[] = [];
  const skipped: { name: string; reason: string }[] = [];
  outsA.forEach((o, i) => {
    const name = tA[o.tensor]!.name;
    const bi = matchedBy === 'name' ? byNameB.get(name) : outsB[i]?.tensor;
    if (bi === undefined) {
      skipped.push({ name, reason: matchedBy === 'name' ? 'no tensor of that name in B' : 'B has fewer op outputs' });
      return;
    }
    if (elements(tA[o.tensor]!.shape) !== elements(tB[bi]!.shape)) {
      skipped.push({ name, reason: `shape [${tA[o.tensor]!.shape.join(',')}] vs [${tB[bi]!.shape.join(',')}] in B` });
      return;
    }
    pairs.push({ a: o, b: bi });
  });

  const sums = pairs.map(() => ({ sqnr: 0, mse: 0, cosine: 0, maxAbsError: 0 }));
  let done = 0;
  for (const image of images) {
    const [ia, ib] = pairedInputs(a, b, image, opts);
    const ra = await a.runTensors([ia], pairs.map((p) => p.a.tensor));
    const rb = await b.runTensors([ib], pairs.map((p) => p.b));
    pairs.forEach((_, i) => {
      const s = errorStats(dequantize(ra[i]!), dequantize(rb[i]!));
      const acc = sums[i]!;
      acc.sqnr += s.sqnr;
      acc.mse += s.mse;
      acc.cosine += s.cosine;
      acc.maxAbsError = Math.max(acc.maxAbsError, s.maxAbsError);
    });
    opts.onProgress?.(++done, images.length);
  }
  const n = images.length;
  const tensors: TensorError[] = pairs.map((p, i) => {
    const ta = tA[p.a.tensor]!;
    const tb = tB[p.b]!;
    const s = sums[i]!;
    return {
      opIndex: p.a.opIndex,
      op: p.a.op,
      name: ta.name,
      indexA: p.a.tensor,
      indexB: p.b,
      nameB: tb.name,
      shape: [...ta.shape],
      dtypeA: ta.dtype,
      dtypeB: tb.dtype,
      sqnr: s.sqnr / n,
      mse: s.mse / n,
      cosine: s.cosine / n,
      maxAbsError: s.maxAbsError,
    };
  });
  const worst = [...tensors].sort((x, y) => x.sqnr - y.sqnr || x.opIndex - y.opIndex).slice(0, opts.worst ?? 5);
  return { matchedBy, tensors, skipped, worst, images: n };
}

/**
 * Float-input preprocessing for a float model that is compared with a quantized one: the quantized
 * model's input quantization (real = scale * (q - zp), i.e. mean zp, std 1/scale), so both see the
 * same real input. Undefined when `quantized` has no quantized input.
 */
export function floatPreprocessingFrom(quantized: LiteqModel): { mean: number; std: number } | undefined {
  const q = quantized.inputs[0];
  if (!q || q.dtype === 'float32' || !(q.scale > 0)) return undefined;
  return { mean: q.zeroPoint, std: 1 / q.scale };
}
