// `liteq quantize` (post-training quantization of a float .tflite with calibration images) and
// `liteq dequantize` (a quantized .tflite → its float twin).
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { BACKEND_FLAG, type BackendName, runtimeOpts, MAX_MEMORY_FLAG, choice, number, positiveInt } from '../options.js';
import { createProgress } from '../progress.js';
import { warn } from '../report-error.js';
import {
  assertNotInput,
  calibrate,
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
  writeFileAtomic,
  writeTflite,
  type CalibrationMethod,
  type IoType,
  type QuantScheme,
} from '@liteq/core';

function method(v: string): CalibrationMethod {
  try {
    return parseCalibrationMethod(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

interface QuantizeFlags {
  output: string;
  calibration?: string;
  samples: number;
  scheme: QuantScheme;
  method: CalibrationMethod;
  mean?: number;
  std?: number;
  io?: IoType;
  pipelineConfig?: string;
  threads?: number;
  quiet?: boolean;
  backend?: BackendName;
  maxMemory?: number;
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
    .option('--io <t>', 'model input/output type: uint8 | int8 | float (default: the scheme\'s type)', choice(['uint8', 'int8', 'float'] as const))
    .option('--pipeline-config <file>', 'the model\'s pipeline.config, to check --mean/--std against its preprocessing')
    .option('--threads <n>', 'executor threads for calibration', positiveInt)
    .option(...BACKEND_FLAG)
    .option(...MAX_MEMORY_FLAG)
    .option('-q, --quiet', 'no progress, no summary')
    .action(async (model: string, f: QuantizeFlags) => {
      const t0 = performance.now();
      assertNotInput(f.output, [model, ...(f.calibration ? [f.calibration] : [])]);
      const ir = readTflite(new Uint8Array(await readFile(model)), model);
      const config = f.pipelineConfig ? describePipelineConfig(readPipelineConfig(await readFile(f.pipelineConfig, 'utf8'), f.pipelineConfig)) : undefined;
      const implied = impliedPreprocessing(ir, config);
      const mean = f.mean ?? implied?.mean ?? 127.5;
      const std = f.std ?? implied?.std ?? 127.5;
      if (!(std > 0)) throw new InvalidInputError('--std must be > 0');
      // Only calibration and the quantized input depend on the normalization.
      const usesMeanStd = f.scheme === 'uint8' || f.scheme === 'int8';
      const mismatch = usesMeanStd ? checkMeanStd(mean, std, implied) : undefined;
      if (mismatch) warn(mismatch);
      const backend = await resolveBackend(f.backend);
      let ranges: Map<number, { min: number; max: number }> | undefined;
      let calibrationCount = 0;
      if (f.scheme === 'uint8' || f.scheme === 'int8') {
        if (!f.calibration) throw new InvalidInputError(`--scheme ${f.scheme} needs --calibration DIR|instances.json (images to measure activation ranges on)`);
        const images = await listCalibrationImages(f.calibration, f.samples);
        calibrationCount = images.length;
        const progress = createProgress('calibrating', !f.quiet, { unit: 'images', summary: true });
        try {
          ranges = await calibrate(ir, images, {
            method: f.method,
            mean,
            std,
            ...(f.threads ? { threads: f.threads } : {}),
            ...runtimeOpts(f),
            onProgress: (done, total) => progress.update(done, total),
          });
        } finally {
          progress.done();
        }
      }
      const q = quantizeModel(ir, {
        scheme: f.scheme,
        mean,
        std,
        backend,
        onWarning: (w) => !f.quiet && warn(w),
        ...(ranges ? { ranges } : {}),
        ...(f.io ? { io: f.io } : {}),
      });
      const bytes = writeTflite(q);
      await writeFileAtomic(f.output, bytes, [model]);
      if (!f.quiet) {
        const sg = q.subgraphs[0]!;
        process.stdout.write(
          `wrote ${f.output}: ${bytes.byteLength} bytes, ${sg.operators.length} ops, ${sg.tensors.length} tensors, scheme ${f.scheme}` +
            `${ranges ? `, ${f.method.kind} ranges from ${ranges.size ? Math.min(f.samples, calibrationCount) : 0} image(s), mean ${mean} std ${std}` : ''} (${((performance.now() - t0) / 1000).toFixed(2)} s)\n`,
        );
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
      const ir = readTflite(new Uint8Array(await readFile(model)), model);
      const out = dequantizeModel(ir);
      const bytes = writeTflite(out);
      await writeFileAtomic(f.output, bytes, [model]);
      if (!f.quiet) process.stdout.write(`wrote ${f.output}: ${bytes.byteLength} bytes, ${out.subgraphs[0]!.operators.length} ops, float\n`);
    });

}
