// `liteq sweep`: COCO mAP of an SSD model for every (mean, std) input normalization in a grid — the
// float model run with each, or (with --scheme) the model quantized with each (calibrated and with
// its input params from that mean/std), to see what a wrong --mean/--std costs.
import { InvalidArgumentError, type Command } from 'commander';
import {
  calibrate,
  checkMeanStd,
  createModel,
  evaluateDetector,
  impliedPreprocessing,
  InvalidInputError,
  listCalibrationImages,
  parseCalibrationMethod,
  quantizeModel,
  readCocoDataset,
  readLabels,
  readTflite,
  resolveBackend,
  type CalibrationMethod,
  type QuantScheme,
  readFileLarge,
} from '@liteq/core';
import { BACKEND_FLAG, type BackendName, runtimeOpts, MAX_MEMORY_FLAG, numbers, positiveInt } from '../options.js';
import { cliText } from '../report-error.js';
import { table } from '../table.js';

const cliTextOrNull = (s: string | undefined) => (s === undefined ? null : cliText(s));

interface SweepFlags {
  mean: number[];
  std: number[];
  images: string;
  annotations: string;
  labels?: string;
  maxImages?: number;
  scheme?: QuantScheme;
  calibration?: string;
  samples: number;
  method: string;
  threads?: number;
  json?: boolean;
  quiet?: boolean;
  backend?: BackendName;
  maxMemory?: number;
}

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('COCO mAP of an SSD model for every --mean × --std pair (float inputs; with --scheme, the model quantized with each pair)')
    .argument('<model>', 'SSD .tflite with a float input')
    .requiredOption('--mean <list>', 'input means to try, e.g. 0,127.5,128', numbers)
    .requiredOption('--std <list>', 'input stds to try, e.g. 127.5,128,255', numbers)
    .requiredOption('--images <dir>', 'folder holding the images named in the annotations')
    .requiredOption('--annotations <file>', 'COCO instances JSON')
    .option('--labels <file>', 'label map (default: class c is category id c+1)')
    .option('--max-images <n>', 'only the first N images (by image id)', positiveInt)
    .option('--scheme <s>', 'quantize with each pair first: uint8 | int8', (v: string) => {
      if (v !== 'uint8' && v !== 'int8') throw new InvalidArgumentError('expected uint8 or int8');
      return v as QuantScheme;
    })
    .option('--calibration <dir|json>', 'calibration images for --scheme (default: --images)')
    .option('--samples <n>', 'calibration images for --scheme', positiveInt, 8)
    .option('--method <m>', 'calibration method for --scheme', 'minmax')
    .option('-t, --threads <n>', 'threads for one inference', positiveInt)
    .option(...BACKEND_FLAG)
    .option(...MAX_MEMORY_FLAG)
    .option('--json', 'print JSON: {rows: [{mean, std, AP, AP50, AP75, warning}]}')
    .option('-q, --quiet', 'no progress')
    .action(async (modelFile: string, f: SweepFlags) => {
      let method: CalibrationMethod;
      try {
        method = parseCalibrationMethod(f.method);
      } catch (e) {
        throw new InvalidInputError(`--method: ${(e as Error).message}`);
      }
      const ir = readTflite(await readFileLarge(modelFile), modelFile);
      const sg = ir.subgraphs[0]!;
      if (sg.tensors[sg.inputs[0]!]?.dtype !== 'float32') throw new InvalidInputError(`${modelFile}: --mean/--std only matter for a float input; sweep the float model (liteq dequantize makes one)`);
      if (f.std.some((s) => !(s > 0))) throw new InvalidInputError('--std values must be > 0');
      const dataset = await readCocoDataset(f.annotations);
      const labels = f.labels ? await readLabels(f.labels) : [];
      const implied = impliedPreprocessing(ir);
      const backend = await resolveBackend(f.backend);
      const calImages = f.scheme ? await listCalibrationImages(f.calibration ?? f.images, f.samples) : [];
      const rows: { mean: number; std: number; AP: number; AP50: number; AP75: number; warning: string | null }[] = [];
      const pairs = f.mean.flatMap((mean) => f.std.map((std) => ({ mean, std })));
      for (const [k, { mean, std }] of pairs.entries()) {
        const label = `[${k + 1}/${pairs.length}] mean ${mean} std ${std}`;
        let model = ir;
        if (f.scheme) {
          if (!f.quiet) process.stderr.write(`${label}: calibrating on ${calImages.length} image(s)\n`);
          const ranges = await calibrate(ir, calImages, { method, mean, std, ...(f.threads ? { threads: f.threads } : {}), ...runtimeOpts(f) });
          model = quantizeModel(ir, { scheme: f.scheme, ranges, mean, std, backend, io: 'uint8' });
        }
        const lm = await createModel(model, { file: modelFile, ...(f.threads ? { threads: f.threads } : {}), ...runtimeOpts(f) });
        try {
          const r = await evaluateDetector(lm, dataset, {
            imagesDir: f.images,
            labels,
            ...(f.maxImages ? { maxImages: f.maxImages } : {}),
            mean,
            std,
            onProgress: (done, total) => {
              if (!f.quiet && (done === total || done % 10 === 0)) process.stderr.write(`${label}: ${done}/${total} images\n`);
            },
          });
          rows.push({ mean, std, AP: r.metrics.AP, AP50: r.metrics.AP50, AP75: r.metrics.AP75, warning: cliTextOrNull(checkMeanStd(mean, std, implied)) });
        } finally {
          lm.dispose();
        }
      }
      if (f.json) {
        process.stdout.write(`${JSON.stringify({ model: modelFile, scheme: f.scheme ?? 'float', implied: implied ?? null, rows }, null, 2)}\n`);
        return;
      }
      const best = Math.max(...rows.map((r) => r.AP));
      const fmt = (x: number) => (x < 0 ? '-' : x.toFixed(3));
      process.stdout.write(
        `${table(
          ['mean', 'std', 'AP', 'AP50', 'AP75', 'note'],
          rows.map((r) => [String(r.mean), String(r.std), fmt(r.AP), fmt(r.AP50), fmt(r.AP75), `${r.AP === best ? 'best' : ''}${r.warning ? `${r.AP === best ? ', ' : ''}differs from the model's preprocessing` : ''}`]),
          ['r', 'r', 'r', 'r', 'r', 'l'],
        )}\n`,
      );
      if (implied) process.stdout.write(`the model implies mean ${implied.mean}, std ${implied.std} (${implied.source})\n`);
    });
}
