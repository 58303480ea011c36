// Accuracy-budgeted mixed precision (the idea of NNCF's quantize_with_accuracy_control, for TFLite):
// rank the affine layers by how much the model's outputs improve when that layer alone stays in higher
// precision, then keep the most damaging ones in that precision one at a time, evaluating after each,
// until the metric is within the budget of the float model's — or the steps run out. Every step is
// recorded (kept layers, metric, size, latency) for the printout and the HTML report.
import { InvalidInputError } from '../../errors.js';
import { dequantize, errorStats } from '../../eval/compare.js';
import type { Model } from '../../ir/types.js';
import { createModel, type LiteqModel } from '../../runtime/model.js';
import { imageToInput } from '../../ssd/detect.js';
import type { CalibrationImage } from '../calibration/calibrate.js';
import { writeTflite } from '../../formats/tflite/index.js';
import { affineUnits, mixPrecision, type Precision } from '../schemes/mixed.js';
import type { PtqResult } from './pipeline.js';

export interface BudgetOptions {
  /** Largest allowed drop of the metric against the float model (metric units, e.g. 0.005 AP). */
  budget: number;
  /** The metric on the budget's evaluation set (higher is better), e.g. COCO AP. */
  evaluate: (model: Model, what: string) => Promise<number>;
  /** Images to rank the layers on (a few calibration images). */
  images: readonly CalibrationImage[];
  mean: number;
  std: number;
  /** Precision the kept layers get (default float). */
  precision?: Precision;
  /** At most this many layers kept (default 24). */
  maxSteps?: number;
  backend?: string;
  threads?: number;
  onRanking?: (done: number, total: number) => void;
  onStep?: (step: BudgetStep) => void;
}

export interface BudgetStep {
  /** Layers kept so far (first output names), most damaging first. */
  kept: string[];
  metric: number;
  /** Float metric minus this one. */
  drop: number;
  bytes: number;
  /** Median single-thread latency over a few runs on the first ranking image, ms. */
  latencyMs: number;
  /** The model of this step. */
  model: Model;
}

export interface BudgetResult {
  model: Model;
  floatMetric: number;
  budget: number;
  met: boolean;
  steps: BudgetStep[];
  /** Every candidate layer with the output SQNR (dB) the model reaches when it alone is kept. */
  ranking: { name: string; sqnr: number }[];
  /** Output SQNR of the fully quantized model (dB). */
  baseSqnr: number;
  precision: Precision;
}

export async function searchAccuracyBudget(ptq: PtqResult, o: BudgetOptions): Promise<BudgetResult> {
  if (!(o.budget >= 0)) throw new InvalidInputError('the accuracy budget must be a number >= 0');
  if (o.images.length === 0) throw new InvalidInputError('the accuracy budget needs images to rank the layers on');
  const precision = o.precision ?? 'float';
  const sources = { float: ptq.float, ...(ptq.int8 ? { int8: ptq.int8 } : {}) };
  const run = { ...(o.backend ? { backend: o.backend } : {}), threads: o.threads ?? 0 };
  const floatMetric = await o.evaluate(ptq.float, 'float');

  // Reference outputs: what the post-process (or the graph output) reads, from the float model.
  const fsg = ptq.float.subgraphs[0]!;
  const outNames = new Set<string>();
  for (const op of fsg.operators) if (op.op.kind === 'custom') for (const i of op.inputs) if (i >= 0 && !fsg.tensors[i]!.data) outNames.add(fsg.tensors[i]!.name);
  const customOut = new Set(fsg.operators.filter((op) => op.op.kind === 'custom').flatMap((op) => op.outputs));
  for (const i of fsg.outputs) if (!customOut.has(i)) outNames.add(fsg.tensors[i]!.name);
  const names = [...outNames];
  const decoded = await Promise.all(o.images.map((i) => i.load()));
  const collect = async (model: Model): Promise<Float64Array[][]> => {
    const lm = await createModel(model, { preserveIntermediates: true, file: 'accuracy budget', ...run });
    try {
      const index = new Map(model.subgraphs[0]!.tensors.map((t, i) => [t.name, i]));
      const idx = names.map((n) => index.get(n));
      if (idx.some((i) => i === undefined)) throw new InvalidInputError(`accuracy budget: output ${names[idx.findIndex((i) => i === undefined)]} is missing in the mixed model`);
      const out: Float64Array[][] = [];
      for (const img of decoded) out.push((await lm.runTensors([imageToInput(lm, img, o)], idx as number[])).map((t) => dequantize(t)));
      return out;
    } finally {
      lm.dispose();
    }
  };
  const reference = await collect(ptq.float);
  const sqnrOf = (got: Float64Array[][]) => {
    let sum = 0, n = 0;
    got.forEach((outs, k) => outs.forEach((t, j) => {
      const s = errorStats(reference[k]![j]!, t).sqnr;
      sum += Number.isFinite(s) ? s : 200;
      n++;
    }));
    return sum / Math.max(1, n);
  };
  const baseSqnr = sqnrOf(await collect(ptq.model));

  const units = affineUnits(ptq.model);
  const ranking: { name: string; sqnr: number; unit: string[] }[] = [];
  for (const unit of units) {
    const m = mixPrecision(ptq.model, sources, new Map(unit.map((n) => [n, precision])));
    ranking.push({ name: unit[0]!, sqnr: sqnrOf(await collect(m)), unit });
    o.onRanking?.(ranking.length, units.length);
  }
  ranking.sort((a, b) => b.sqnr - a.sqnr);

  const steps: BudgetStep[] = [];
  const step = async (model: Model, kept: string[]) => {
    const metric = await o.evaluate(model, kept.length ? `${kept.length} kept` : 'all quantized');
    const s: BudgetStep = { kept, metric, drop: floatMetric - metric, bytes: writeTflite(model).byteLength, latencyMs: await latency(model, decoded[0]!, o), model };
    steps.push(s);
    o.onStep?.(s);
    return s;
  };
  let model = ptq.model;
  let last = await step(model, []);
  const keep = new Map<string, Precision>();
  const maxSteps = Math.min(o.maxSteps ?? 24, ranking.length);
  for (let k = 0; k < maxSteps && last.drop > o.budget; k++) {
    for (const n of ranking[k]!.unit) keep.set(n, precision);
    model = mixPrecision(ptq.model, sources, keep);
    last = await step(model, ranking.slice(0, k + 1).map((r) => r.name));
  }
  return { model, floatMetric, budget: o.budget, met: last.drop <= o.budget, steps, ranking: ranking.map(({ name, sqnr }) => ({ name, sqnr })), baseSqnr, precision };
}

async function latency(model: Model, image: Parameters<typeof imageToInput>[1], o: Pick<BudgetOptions, 'backend' | 'mean' | 'std'>): Promise<number> {
  const lm: LiteqModel = await createModel(model, { threads: 1, file: 'latency', ...(o.backend ? { backend: o.backend } : {}) });
  try {
    const x = imageToInput(lm, image, o);
    lm.runSync([x]);
    const t: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      lm.runSync([x]);
      t.push(performance.now() - t0);
    }
    return t.sort((a, b) => a - b)[4]!;
  } finally {
    lm.dispose();
  }
}
