// `liteq quantize` (post-training quantization of a float .tflite with calibration images) and
// `liteq dequantize` (a quantized .tflite → its float twin).
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { BACKEND_FLAG, type BackendName, runtimeOpts, MAX_MEMORY_FLAG, choice, number, positiveInt } from '../options.js';
import { createProgress } from '../progress.js';
import { warn } from '../report-error.js';
import { budgetSearch, type BudgetFlags } from './quantize-budget.js';
import { largeModelStreaming } from './quantize-stream.js';
import {
  assertNotInput,
  decodeImage,
  postTrainingQuantize,
  type PtqResult,
  checkMeanStd,
  dequantizeModel,
  describePipelineConfig,
  impliedPreprocessing,
  InvalidInputError,
  listCalibrationImages,
  parseCalibrationMethod,
  quantizeModel,
  readPipelineConfig,
  readTflite,
  resolveBackend,
  writeModelFile,
  type CalibrationMethod,
  type IoType,
  type Model,
  type QuantScheme,
  readFileLarge,
} from '@liteq/core';

function method(v: string): CalibrationMethod {
  try {
    return parseCalibrationMethod(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

interface QuantizeFlags extends BudgetFlags {
  output: string;
  calibration?: string;
  samples: number;
  scheme: QuantScheme;
  method: CalibrationMethod;
  mean?: number;
  std?: number;
  io?: IoType;
  pipelineConfig?: string;
  equalize?: boolean;
  biasCorrection?: boolean | number;
  adaround?: boolean;
  keepFloat?: string;
  keepInt8?: string;
  dynamicForm?: 'hybrid' | 'dequantize';
}

function regex(v: string): RegExp {
  try {
    return new RegExp(v);
  } catch (e) {
    throw new InvalidArgumentError(`not a regular expression: ${(e as Error).message}`);
  }
}

export function registerQuantize(program: Command): void {
  program
    .command('quantize')
    .description('post-training quantization of a float .tflite: uint8 (TOCO legacy), int8 (full integer), dynamic (int8 weights) or float16')
    .argument('<model>', 'float .tflite')
    .requiredOption('-o, --output <file>', 'the .tflite to write (atomically; never the input)')
    .option('--calibration <dir|json>', 'calibration images: a directory, or a COCO instances json (its images)')
    .option('--samples <n>', 'calibration images to use', positiveInt, 100)
    .option('--scheme <s>', 'uint8 | int8 | dynamic | float16', choice(['uint8', 'int8', 'dynamic', 'float16'] as const), 'uint8' as QuantScheme)
    .option('--method <m>', 'activation ranges: minmax | ema[=DECAY] | percentile[=P] | entropy | mse', method, { kind: 'minmax' } as CalibrationMethod)
    .option('--mean <m>', 'input normalization: x = (pixel - mean) / std (default: what the model implies, else 127.5)', number)
    .option('--std <s>', 'see --mean (default: what the model implies, else 127.5)', number)
    .option('--dynamic-form <f>', '--scheme dynamic: hybrid (int8 weights read by FULLY_CONNECTED/CONV_2D, as TensorFlow\'s converter writes) or dequantize (every weight behind DEQUANTIZE)', choice(['hybrid', 'dequantize'] as const))
    .option('--io <t>', 'model input/output type: uint8 | int8 | float (default: the scheme\'s type)', choice(['uint8', 'int8', 'float'] as const))
    .option('--pipeline-config <file>', 'the model\'s pipeline.config, to check --mean/--std against its preprocessing')
    .option('--equalize', 'cross-layer equalization of the float model before calibration (uint8/int8)')
    .option('--bias-correction [passes]', 'empirical bias correction on the calibration images (uint8/int8; default 2 passes)', positiveInt)
    .option('--adaround', 'depthwise weights rounded up or down to minimize each layer\'s output error on the calibration images (uint8/int8)')
    .option('--keep-float <regex>', 'ops whose output name matches stay float (DEQUANTIZE/QUANTIZE at the boundaries)')
    .option('--keep-int8 <regex>', 'uint8 only: ops whose output name matches run int8 per channel (QUANTIZE requantizes at the boundaries)')
    .option('--accuracy-budget <points>', 'keep the most damaging layers in float, one at a time, until COCO AP is within this many points of float (needs --images and --annotations)', number)
    .option('--images <dir>', '--accuracy-budget: folder of the annotated images (calibration images in it are left out)')
    .option('--annotations <file>', '--accuracy-budget: COCO instances JSON')
    .option('--labels <file>', '--accuracy-budget: label map (classes map to categories by name)')
    .option('--max-images <n>', '--accuracy-budget: evaluate on the first N images only', positiveInt)
    .option('--budget-steps <n>', '--accuracy-budget: most layers to keep (default 24)', positiveInt)
    .option('--report <file>', '--accuracy-budget: write the path and per-layer SQNR as an HTML report')
    .option('--threads <n>', 'executor threads for calibration', positiveInt)
    .option(...BACKEND_FLAG)
    .option(...MAX_MEMORY_FLAG)
    .option('-q, --quiet', 'no progress, no summary')
    .action(async (model: string, f: QuantizeFlags) => {
      const t0 = performance.now();
      assertNotInput(f.output, [model, ...(f.calibration ? [f.calibration] : [])]);
      const backend = await resolveBackend(f.backend);
      const streaming = await largeModelStreaming(model, f.output, f.scheme, backend, !f.quiet);
      const ir = readTflite(streaming?.input ?? (await readFileLarge(model)), model);
      const config = f.pipelineConfig ? describePipelineConfig(readPipelineConfig(await readFile(f.pipelineConfig, 'utf8'), f.pipelineConfig)) : undefined;
      const implied = impliedPreprocessing(ir, config);
      const mean = f.mean ?? implied?.mean ?? 127.5;
      const std = f.std ?? implied?.std ?? 127.5;
      if (!(std > 0)) throw new InvalidInputError('--std must be > 0');
      // Only calibration and the quantized input depend on the normalization.
      const usesMeanStd = f.scheme === 'uint8' || f.scheme === 'int8';
      const mismatch = usesMeanStd ? checkMeanStd(mean, std, implied) : undefined;
      if (mismatch) warn(mismatch);
      const integer = f.scheme === 'uint8' || f.scheme === 'int8';
      const repairs = f.equalize || f.biasCorrection || f.adaround || f.keepFloat || f.keepInt8 || f.accuracyBudget !== undefined;
      if (repairs && !integer) throw new InvalidInputError(`--equalize, --bias-correction, --adaround, --keep-float, --keep-int8 and --accuracy-budget apply to --scheme uint8 and int8, not ${f.scheme}`);
      if (f.dynamicForm && f.scheme !== 'dynamic') throw new InvalidInputError(`--dynamic-form applies to --scheme dynamic, not ${f.scheme}`);
      if (f.keepInt8 && f.scheme !== 'uint8') throw new InvalidInputError('--keep-int8 makes int8 islands in a uint8 model: use it with --scheme uint8');
      if (f.accuracyBudget !== undefined && (!f.images || !f.annotations)) throw new InvalidInputError('--accuracy-budget needs --images DIR and --annotations FILE (the set the AP is measured on)');
      let ranges: Map<number, { min: number; max: number }> | undefined;
      let calibrationCount = 0;
      let ptq: PtqResult | undefined;
      let calibrationFiles: string[] = [];
      if (integer) {
        if (!f.calibration) throw new InvalidInputError(`--scheme ${f.scheme} needs --calibration DIR|instances.json (images to measure activation ranges on)`);
        const files = (calibrationFiles = await listCalibrationImages(f.calibration, f.samples));
        calibrationCount = files.length;
        const images = files.map((file) => ({ name: file, load: () => decodeImage(file) }));
        let progress = createProgress('calibrating', !f.quiet, { unit: 'images', summary: true });
        let stage = 'calibrating';
        try {
          ptq = await postTrainingQuantize(ir, images, {
            scheme: f.scheme as 'uint8' | 'int8',
            method: f.method,
            mean,
            std,
            ...(f.io ? { io: f.io } : {}),
            equalize: Boolean(f.equalize),
            biasCorrection: f.biasCorrection ?? false,
            adaround: Boolean(f.adaround),
            keepPatterns: { ...(f.keepFloat ? { float: regex(f.keepFloat) } : {}), ...(f.keepInt8 ? { int8: regex(f.keepInt8) } : {}) },
            weightBackend: backend,
            ...runtimeOpts(f),
            ...(f.threads ? { threads: f.threads } : {}),
            onWarning: (w) => !f.quiet && warn(w),
            onProgress: (s, done, total) => {
              if (s !== stage) {
                progress.done();
                progress = createProgress((stage = s), !f.quiet, { unit: 'images', summary: true });
              }
              progress.update(done, total);
            },
          });
          ranges = ptq.ranges;
        } finally {
          progress.done();
        }
      }
      const inputs = [model, ...(f.calibration ? [f.calibration] : []), ...(f.annotations ? [f.annotations] : [])];
      if (f.report) assertNotInput(f.report, inputs);
      let q: Model;
      let size: number;
      try {
        q = ptq ? (f.accuracyBudget !== undefined ? await budgetSearch(ptq, calibrationFiles, f, mean, std, inputs) : ptq.model) : quantizeModel(ir, {
          scheme: f.scheme,
          mean,
          std,
          backend: streaming ? streaming.weights(ir) : backend,
          onWarning: (w) => !f.quiet && warn(w),
          ...(ranges ? { ranges } : {}),
          ...(f.io ? { io: f.io } : {}),
          ...(f.dynamicForm ? { dynamicForm: f.dynamicForm } : {}),
        });
        size = streaming ? await streaming.write(q) : await writeModelFile(f.output, q, [model]);
      } catch (e) {
        streaming?.abort(); // a streamed output's temporary file
        throw e;
      }
      if (!f.quiet) {
        const sg = q.subgraphs[0]!;
        const kept = countKept(q);
        const repaired = [
          ...(ptq?.equalization ? [`equalized ${ptq.equalization.pairs.length} layer pairs (${ptq.equalization.boundOps} RELU6 bounds rescaled per channel)`] : []),
          ...(ptq?.adaround ? [`${ptq.adaround.flipped} of ${ptq.adaround.weights} depthwise weights rounded away from nearest (layer error ${(ptq.adaround.errorNearest / Math.max(1e-30, ptq.adaround.errorChosen)).toFixed(1)}× lower)`] : []),
          ...(ptq?.biasCorrection ? [`bias-corrected ${ptq.biasCorrection.layers} layers`] : []),
          ...(kept ? [kept] : []),
        ];
        process.stdout.write(
          `wrote ${f.output}: ${size} bytes, ${sg.operators.length} ops, ${sg.tensors.length} tensors, scheme ${f.scheme}` +
            `${ranges ? `, ${f.method.kind} ranges from ${ranges.size ? Math.min(f.samples, calibrationCount) : 0} image(s), mean ${mean} std ${std}` : ''}` +
            `${repaired.length ? `, ${repaired.join(', ')}` : ''} (${((performance.now() - t0) / 1000).toFixed(2)} s)\n`,
        );
        if (f.report && f.accuracyBudget !== undefined) process.stdout.write(`wrote ${f.report}\n`);
      }
    });

  program
    .command('dequantize')
    .description('a quantized .tflite (uint8/int8/float16 weights) → its float twin')
    .argument('<model>', 'quantized .tflite')
    .requiredOption('-o, --output <file>', 'the float .tflite to write (atomically; never the input)')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (model: string, f: { output: string; quiet?: boolean }) => {
      assertNotInput(f.output, [model]);
      const ir = readTflite(await readFileLarge(model), model);
      const out = dequantizeModel(ir);
      const size = await writeModelFile(f.output, out, [model]);
      if (!f.quiet) process.stdout.write(`wrote ${f.output}: ${size} bytes, ${out.subgraphs[0]!.operators.length} ops, float\n`);
    });

}

/** "N ops kept float, M int8" for a mixed model (affine ops whose weights are not the scheme's type). */
function countKept(q: Model): string {
  const sg = q.subgraphs[0]!;
  const counts = new Map<string, number>();
  for (const op of sg.operators) {
    if (op.op.kind !== 'builtin' || !['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED'].includes(op.op.opcode)) continue;
    const d = sg.tensors[op.inputs[1]!]!.dtype;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  if (counts.size < 2) return '';
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  return `${[...counts].filter(([d]) => d !== main).map(([d, n]) => `${n} layer(s) kept ${d === 'float32' ? 'float' : d}`).join(', ')}`;
}
