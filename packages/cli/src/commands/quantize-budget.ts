// `liteq quantize --accuracy-budget POINTS`: the search (core's searchAccuracyBudget) with COCO AP on
// --images/--annotations as the metric, the path printed as a table, and an optional HTML report (the
// path, the layer ranking, and the per-layer SQNR of the result with the kept layers marked).
import path from 'node:path';
import {
  compareModels,
  compareSections,
  createModel,
  decodeImage,
  escapeHtml,
  evaluateDetector,
  htmlDocument,
  htmlTable,
  InvalidInputError,
  readCocoDataset,
  readLabels,
  searchAccuracyBudget,
  svgChart,
  writeFileAtomic,
  type BudgetResult,
  type Model,
  type PtqResult,
} from '@liteq/core';
import { runtimeOpts, type BackendName } from '../options.js';
import { createProgress } from '../progress.js';
import { formatBytes, table } from '../table.js';

export interface BudgetFlags {
  accuracyBudget?: number;
  images?: string;
  annotations?: string;
  labels?: string;
  maxImages?: number;
  budgetSteps?: number;
  report?: string;
  quiet?: boolean;
  threads?: number;
  backend?: BackendName;
  maxMemory?: number;
}

const pts = (ap: number) => (100 * ap).toFixed(2);

/** Runs the budget search; returns the model of its last step. */
export async function budgetSearch(ptq: PtqResult, calibration: readonly string[], f: BudgetFlags, mean: number, std: number, inputs: string[]): Promise<Model> {
  const full = await readCocoDataset(f.annotations!);
  // Never judge on the images the ranges came from.
  const calib = new Set(calibration.map((c) => path.basename(c)));
  const disjoint = full.images.filter((i) => !calib.has(path.basename(i.file_name)));
  const images = disjoint.sort((a, b) => a.id - b.id).slice(0, f.maxImages ?? Infinity);
  if (images.length === 0) throw new InvalidInputError(`${f.annotations}: no annotated image is left once the ${calib.size} calibration image(s) are set aside`);
  const dataset = { ...full, images };
  const labels = f.labels ? await readLabels(f.labels) : [];
  const log = (s: string) => !f.quiet && process.stderr.write(`${s}\n`);
  log(`accuracy budget: ${f.accuracyBudget} AP point(s) on ${images.length} image(s) of ${f.annotations} (${full.images.length - disjoint.length} calibration image(s) left out)`);
  const evaluate = async (m: Model, what: string) => {
    const lm = await createModel(m, { file: what, ...runtimeOpts(f) });
    const progress = createProgress(`eval ${what}`, !f.quiet, { unit: 'images' });
    try {
      return (await evaluateDetector(lm, dataset, { imagesDir: f.images!, labels, mean, std, onProgress: (d, t) => progress.update(d, t) })).metrics.AP;
    } finally {
      progress.done();
      lm.dispose();
    }
  };
  const ranking = createProgress('ranking layers', !f.quiet, { unit: 'layers' });
  const rankImages = calibration.slice(0, 4).map((file) => ({ name: file, load: () => decodeImage(file) }));
  let result: BudgetResult;
  try {
    result = await searchAccuracyBudget(ptq, {
      budget: f.accuracyBudget! / 100,
      evaluate,
      images: rankImages,
      mean,
      std,
      ...(f.budgetSteps ? { maxSteps: f.budgetSteps } : {}),
      ...runtimeOpts(f),
      onRanking: (d, t) => ranking.update(d, t),
      onStep: (s) => {
        ranking.done();
        log(`  step ${s.kept.length}: AP ${pts(s.metric)} (${s.drop > 0 ? '−' : '+'}${pts(Math.abs(s.drop))})${s.kept.length ? `, kept ${s.kept.at(-1)}` : ''}`);
      },
    });
  } finally {
    ranking.done();
  }
  if (!f.quiet) process.stdout.write(`${pathTable(result)}\n${result.met ? 'budget met' : `budget NOT met after ${result.steps.length - 1} kept layer(s) (raise --budget-steps)`}: float AP ${pts(result.floatMetric)}, final ${pts(result.steps.at(-1)!.metric)}\n`);
  if (f.report) await writeFileAtomic(f.report, await report(ptq, result, rankImages, mean, std, f), inputs);
  return result.model;
}

function pathTable(r: BudgetResult): string {
  const rows = r.steps.map((s, k) => [String(k), s.kept.at(-1) ?? '(all quantized)', pts(s.metric), `${s.drop > 0 ? '−' : '+'}${pts(Math.abs(s.drop))}`, formatBytes(s.bytes), `${s.latencyMs.toFixed(2)} ms`]);
  return table(['kept', `layer kept ${r.precision}`, 'AP', 'ΔAP vs float', 'size', 'latency 1t'], rows, ['r', 'l', 'r', 'r', 'r', 'r']);
}

async function report(ptq: PtqResult, r: BudgetResult, images: { load(): Promise<import('@liteq/core').RgbImage> }[], mean: number, std: number, f: BudgetFlags): Promise<string> {
  const a = await createModel(ptq.float, { preserveIntermediates: true, file: 'float', ...runtimeOpts(f) });
  const b = await createModel(r.model, { preserveIntermediates: true, file: 'mixed', ...runtimeOpts(f) });
  let cmp;
  try {
    cmp = await compareModels(a, b, await Promise.all(images.map((i) => i.load())), { mean, std });
  } finally {
    a.dispose();
    b.dispose();
  }
  const steps = htmlTable(
    ['kept', 'layer kept', 'AP', 'ΔAP vs float', 'size (bytes)', 'latency 1 thread (ms)'],
    r.steps.map((s, k) => [String(k), s.kept.at(-1) ?? '(all quantized)', pts(s.metric), pts(-s.drop), String(s.bytes), s.latencyMs.toFixed(2)]),
    2,
  );
  const rank = svgChart({
    title: `output SQNR (dB) with one layer kept ${r.precision}, best first (all quantized: ${r.baseSqnr.toFixed(2)} dB)`,
    yLabel: 'output SQNR (dB)',
    names: r.ranking.map((x) => x.name),
    series: [{ label: 'output SQNR dB', values: r.ranking.map((x) => x.sqnr), color: '#4363d8' }],
    kind: 'bar',
    id: 'ranking-chart',
    marks: { indices: new Set(r.ranking.flatMap((x, i) => (r.steps.at(-1)!.kept.includes(x.name) ? [i] : []))), label: 'kept', color: '#e6194b' },
  });
  return htmlDocument('liteq quantize — accuracy budget', [
    `<p>Budget: AP within ${escapeHtml(String(f.accuracyBudget))} point(s) of the float model (${pts(r.floatMetric)}) on ${escapeHtml(f.annotations!)}. ` +
      `${r.met ? 'Met' : '<strong>Not met</strong>'} with ${r.steps.length - 1} layer(s) kept ${r.precision}.</p>`,
    `<h2>Path</h2>${steps}`,
    `<h2>Layer ranking</h2>${rank}`,
    ...compareSections(cmp, 'float', 'result'),
  ]);
}
