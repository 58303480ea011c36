// `liteq convert`: tflite_convert's GraphDef path (TOCO), flag for flag. Accepts the original
// snake_case spellings and kebab-case (argv is normalized before parsing), `--flag value` and
// `--flag=value`.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { assertNotInput, convert, InvalidInputError, loadGraphFile, resolveBackend, writeFileAtomic, writeTflite, type ConvertOptions, type InferenceType } from '@liteq/core';

/** `--input_arrays=a` → `--input-arrays=a` for the convert command only (values are left alone). */
export function normalizeConvertArgv(argv: string[]): string[] {
  if (argv[0] !== 'convert') return argv;
  return argv.map((a) => {
    if (!a.startsWith('--')) return a;
    const eq = a.indexOf('=');
    const flag = eq < 0 ? a : a.slice(0, eq);
    const rest = eq < 0 ? '' : a.slice(eq);
    return flag.replace(/_/g, '-') + rest;
  });
}

const list = (v: string): string[] => v.split(',').map((s) => s.trim()).filter(Boolean);

function numbers(v: string): number[] {
  const out = list(v).map(Number);
  if (!out.length || out.some((n) => !Number.isFinite(n))) throw new InvalidArgumentError('expected comma-separated numbers');
  return out;
}

function shapes(v: string): number[][] {
  return v.split(':').map((s) => {
    const d = numbers(s);
    if (d.some((x) => !Number.isInteger(x) || x < 1)) throw new InvalidArgumentError('expected positive integer dims, e.g. 1,300,300,3 (several inputs: 1,224,224,3:1,10)');
    return d;
  });
}

function number(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
}

function inferenceType(v: string): InferenceType {
  const u = v.toUpperCase();
  if (u === 'FLOAT' || u === 'QUANTIZED_UINT8') return u;
  if (u === 'UINT8') return 'QUANTIZED_UINT8';
  throw new InvalidArgumentError('expected FLOAT or QUANTIZED_UINT8');
}

function bool(v: string): boolean {
  if (/^(true|1|yes)$/i.test(v)) return true;
  if (/^(false|0|no)$/i.test(v)) return false;
  throw new InvalidArgumentError('expected true or false');
}

function only(expected: string) {
  return (v: string): string => {
    if (v.toUpperCase() !== expected) throw new InvalidArgumentError(`liteq convert only does ${expected}`);
    return v;
  };
}

interface ConvertFlags {
  graphDefFile: string;
  outputFile: string;
  inputArrays: string[];
  outputArrays: string[];
  inputShape?: number[][];
  inputShapes?: number[][];
  inferenceType: InferenceType;
  inferenceInputType?: InferenceType;
  meanValues?: number[];
  stdDevValues?: number[];
  defaultRangesMin?: number;
  defaultRangesMax?: number;
  allowCustomOps?: boolean;
  changeConcatInputRanges?: boolean;
  dropControlDependency?: boolean;
  quiet?: boolean;
}

export function registerConvert(program: Command): void {
  program
    .command('convert')
    .description('convert a TensorFlow GraphDef (.pb/.pbtxt, or TF.js model.json) to .tflite, float or QUANTIZED_UINT8 from FakeQuant ranges — tflite_convert\'s flags, snake_case or kebab-case')
    .requiredOption('--graph-def-file <file>', 'frozen GraphDef (.pb or .pbtxt), e.g. export_tflite_ssd_graph.py\'s tflite_graph.pb')
    .requiredOption('--output-file <file>', 'the .tflite to write (atomically; never one of the inputs)')
    .requiredOption('--input-arrays <names>', 'comma-separated input node names', list)
    .requiredOption('--output-arrays <names>', 'comma-separated output tensors (node or node:k)', list)
    .option('--input-shape <dims>', 'alias of --input-shapes', shapes)
    .option('--input-shapes <dims>', 'input shapes, e.g. 1,300,300,3 (inputs separated by ":")', shapes)
    .option('--inference-type <type>', 'FLOAT or QUANTIZED_UINT8', inferenceType, 'FLOAT' as InferenceType)
    .option('--inference-input-type <type>', 'type of the inputs (default: --inference-type)', inferenceType)
    .option('--mean-values <m>', 'per input: real = (q - mean) / std (QUANTIZED_UINT8)', numbers)
    .option('--std-dev-values <s>', 'per input, see --mean-values', numbers)
    .option('--default-ranges-min <x>', 'range for activations without one (with --default-ranges-max)', number)
    .option('--default-ranges-max <x>', 'see --default-ranges-min', number)
    .option('--allow-custom-ops [bool]', 'emit unmapped ops (e.g. TFLite_Detection_PostProcess) as CUSTOM ops with their attrs', bool)
    .option('--change-concat-input-ranges [bool]', 'give concat inputs the output range (default false)', bool)
    .option('--drop-control-dependency [bool]', 'drop control edges (always done: TFLite has none)', bool)
    .option('--input-format <f>', 'TENSORFLOW_GRAPHDEF (the only one)', only('TENSORFLOW_GRAPHDEF'))
    .option('--output-format <f>', 'TFLITE (the only one)', only('TFLITE'))
    .option('-q, --quiet', 'print nothing on success')
    .action(async (f: ConvertFlags) => {
      const t0 = performance.now();
      const input = f.graphDefFile;
      // Refuse before the (slow) conversion if the output would replace the graph (or its directory's model.json).
      const protectedFiles = [input];
      if ((await stat(input)).isDirectory()) protectedFiles.push(path.join(input, 'model.json'));
      assertNotInput(f.outputFile, protectedFiles);
      if (f.inputShape && f.inputShapes) throw new InvalidInputError('give --input_shape or --input_shapes, not both');
      const graph = await loadGraphFile(input);
      const backend = await resolveBackend().catch(() => undefined);
      const warnings: string[] = [];
      const inputShapes = f.inputShapes ?? f.inputShape;
      const options: ConvertOptions = {
        inputArrays: f.inputArrays,
        outputArrays: f.outputArrays,
        inferenceType: f.inferenceType,
        allowCustomOps: f.allowCustomOps ?? false,
        changeConcatInputRanges: f.changeConcatInputRanges ?? false,
        onWarning: (w) => warnings.push(w),
        ...(inputShapes ? { inputShapes } : {}),
        ...(f.inferenceInputType ? { inferenceInputType: f.inferenceInputType } : {}),
        ...(f.meanValues ? { meanValues: f.meanValues } : {}),
        ...(f.stdDevValues ? { stdDevValues: f.stdDevValues } : {}),
        ...(f.defaultRangesMin !== undefined ? { defaultRangesMin: f.defaultRangesMin } : {}),
        ...(f.defaultRangesMax !== undefined ? { defaultRangesMax: f.defaultRangesMax } : {}),
        ...(backend ? { backend } : {}),
      };
      const model = convert(graph, options);
      const bytes = writeTflite(model);
      await writeFileAtomic(f.outputFile, bytes, protectedFiles);
      if (!f.quiet) {
        for (const w of warnings) process.stderr.write(`liteq: warning: ${w}\n`);
        const sg = model.subgraphs[0]!;
        process.stdout.write(
          `wrote ${f.outputFile}: ${bytes.byteLength} bytes, ${sg.operators.length} ops, ${sg.tensors.length} tensors, ${f.inferenceType} ` +
            `(${((performance.now() - t0) / 1000).toFixed(2)} s)\n`,
        );
      }
    });
}
