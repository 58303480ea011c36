// `liteq convert`: tflite_convert's GraphDef path (TOCO), flag for flag. Accepts the original
// snake_case spellings and kebab-case (argv is normalized before parsing), `--flag value` and
// `--flag=value`.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  assertNotInput,
  checkMeanStd,
  convert,
  impliedPreprocessing,
  describePipelineConfig,
  InvalidInputError,
  loadGraphFile,
  readPipelineConfig,
  resolveBackend,
  ssdSurgery,
  writeModelFile,
  type ConvertOptions,
  type InferenceType,
  type SsdPostProcessParams,
  type SsdSurgeryOptions,
} from '@liteq/core';
import { bool, list, nonNegativeInt, number, numbers } from '../options.js';
import { warn } from '../report-error.js';

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

function shapes(v: string): number[][] {
  return v.split(':').map((s) => {
    const d = numbers(s);
    if (d.some((x) => !Number.isInteger(x) || x < 1)) throw new InvalidArgumentError('expected positive integer dims, e.g. 1,300,300,3 (several inputs: 1,224,224,3:1,10)');
    return d;
  });
}

function inferenceType(v: string): InferenceType {
  const u = v.toUpperCase();
  if (u === 'FLOAT' || u === 'QUANTIZED_UINT8') return u;
  if (u === 'UINT8') return 'QUANTIZED_UINT8';
  throw new InvalidArgumentError('expected FLOAT or QUANTIZED_UINT8');
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
  inputArrays?: string[];
  outputArrays?: string[];
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
  ssd?: boolean;
  pipelineConfig?: string;
  boxEncodings?: string;
  classPredictions?: string;
  preprocessedInput?: string;
  anchors?: 'graph' | 'config';
  maxDetections?: number;
  maxClassesPerDetection?: number;
  detectionsPerClass?: number;
  useRegularNms?: boolean;
  nmsScoreThreshold?: number;
  nmsIouThreshold?: number;
  numClasses?: number;
  yScale?: number;
  xScale?: number;
  hScale?: number;
  wScale?: number;
}

function anchorSource(v: string): 'graph' | 'config' {
  if (v === 'graph' || v === 'config') return v;
  throw new InvalidArgumentError('expected graph or config');
}

/** --ssd: export_tflite_ssd_graph.py's surgery on a frozen inference graph, then the usual conversion. */
async function ssdOptions(f: ConvertFlags, graph: Awaited<ReturnType<typeof loadGraphFile>>, inputShapes: number[][] | undefined, notes: string[]) {
  if (inputShapes && inputShapes.length !== 1) throw new InvalidInputError('--ssd takes one --input_shape (1,H,W,3)');
  const opts: SsdSurgeryOptions = {};
  if (f.pipelineConfig) opts.config = describePipelineConfig(readPipelineConfig(new Uint8Array(await readFile(f.pipelineConfig)), f.pipelineConfig));
  if (inputShapes) opts.inputShape = inputShapes[0]!;
  if (f.boxEncodings) opts.boxEncodings = f.boxEncodings;
  if (f.classPredictions) opts.classPredictions = f.classPredictions;
  if (f.preprocessedInput) opts.preprocessedInput = f.preprocessedInput;
  if (f.anchors) opts.anchors = f.anchors;
  const pp: Partial<SsdPostProcessParams> = {};
  for (const k of ['maxDetections', 'maxClassesPerDetection', 'detectionsPerClass', 'useRegularNms', 'nmsScoreThreshold', 'nmsIouThreshold', 'numClasses', 'yScale', 'xScale', 'hScale', 'wScale'] as const) {
    if (f[k] !== undefined) (pp as Record<string, unknown>)[k] = f[k];
  }
  opts.postProcess = pp;
  const s = ssdSurgery(graph, opts);
  notes.push(...s.notes);
  for (const [flag, given, want] of [['--input_arrays', f.inputArrays, s.inputArrays], ['--output_arrays', f.outputArrays, s.outputArrays]] as const) {
    if (given && given.join(',') !== want.join(',')) throw new InvalidInputError(`with --ssd, ${flag} is ${want.join(',')} (leave it out)`);
  }
  return s;
}

export function registerConvert(program: Command): void {
  program
    .command('convert')
    .description('convert a TensorFlow GraphDef (.pb/.pbtxt, or TF.js model.json) to .tflite, float or QUANTIZED_UINT8 from FakeQuant ranges — tflite_convert\'s flags, snake_case or kebab-case')
    .requiredOption('--graph-def-file <file>', 'frozen GraphDef (.pb or .pbtxt), e.g. export_tflite_ssd_graph.py\'s tflite_graph.pb')
    .requiredOption('--output-file <file>', 'the .tflite to write (atomically; never one of the inputs)')
    .option('--input-arrays <names>', 'comma-separated input node names (required without --ssd)', list)
    .option('--output-arrays <names>', 'comma-separated output tensors (node or node:k) (required without --ssd)', list)
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
    .option('--ssd', 'SSD surgery first (export_tflite_ssd_graph.py): a frozen inference graph or TF.js model in, normalized_input_image_tensor → TFLite_Detection_PostProcess out')
    .option('--pipeline-config <file>', '--ssd: the model\'s pipeline.config (input size, anchors, box coder, NMS, score converter)')
    .option('--box-encodings <node>', '--ssd: the raw box encodings [1,N,4] (default: found by structure, e.g. Squeeze of concat)')
    .option('--class-predictions <node>', '--ssd: the raw class predictions [1,N,C+1] (default: found by structure, e.g. concat_1)')
    .option('--preprocessed-input <node>', '--ssd: the preprocessed image the feature extractor reads (default: what leaves Preprocessor/)')
    .option('--anchors <source>', '--ssd: graph (its anchor constant; default when present) or config (generated)', anchorSource)
    .option('--max-detections <n>', '--ssd: default post_processing max_total_detections', nonNegativeInt)
    .option('--max-classes-per-detection <n>', '--ssd: default 1', nonNegativeInt)
    .option('--detections-per-class <n>', '--ssd: default 100 (regular NMS)', nonNegativeInt)
    .option('--use-regular-nms [bool]', '--ssd: default false (fast NMS)', bool)
    .option('--nms-score-threshold <x>', '--ssd: default post_processing score_threshold', number)
    .option('--nms-iou-threshold <x>', '--ssd: default post_processing iou_threshold', number)
    .option('--num-classes <n>', '--ssd: default the config\'s num_classes (else from the class predictions)', nonNegativeInt)
    .option('--y-scale <x>', '--ssd: box coder scale (default from the config, else 10)', number)
    .option('--x-scale <x>', '--ssd: box coder scale (default from the config, else 10)', number)
    .option('--h-scale <x>', '--ssd: box coder scale (default from the config, else 5)', number)
    .option('--w-scale <x>', '--ssd: box coder scale (default from the config, else 5)', number)
    .option('-q, --quiet', 'print nothing on success')
    .action(async (f: ConvertFlags) => {
      const t0 = performance.now();
      const input = f.graphDefFile;
      // Refuse before the (slow) conversion if the output would replace the graph (or its directory's model.json).
      const protectedFiles = [input];
      if ((await stat(input)).isDirectory()) protectedFiles.push(path.join(input, 'model.json'));
      assertNotInput(f.outputFile, protectedFiles);
      if (f.inputShape && f.inputShapes) throw new InvalidInputError('give --input_shape or --input_shapes, not both');
      if (f.pipelineConfig) protectedFiles.push(f.pipelineConfig);
      let graph = await loadGraphFile(input);
      const backend = await resolveBackend().catch(() => undefined);
      const warnings: string[] = [];
      const notes: string[] = [];
      let inputShapes = f.inputShapes ?? f.inputShape;
      let inputArrays = f.inputArrays ?? [];
      let outputArrays = f.outputArrays ?? [];
      if (f.ssd) {
        const s = await ssdOptions(f, graph, inputShapes, notes);
        ({ graph, inputArrays, outputArrays, inputShapes } = s);
      } else if (f.pipelineConfig || f.boxEncodings || f.classPredictions || f.preprocessedInput) {
        throw new InvalidInputError('--pipeline-config, --box-encodings, --class-predictions and --preprocessed-input go with --ssd');
      }
      const options: ConvertOptions = {
        inputArrays,
        outputArrays,
        inferenceType: f.inferenceType,
        allowCustomOps: f.allowCustomOps ?? f.ssd ?? false,
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
      // --mean_values/--std_dev_values against the preprocessing the model family implies (SSD MobileNet: 127.5/127.5).
      const meanStdWarning = f.meanValues?.length && f.stdDevValues?.length ? checkMeanStd(f.meanValues[0]!, f.stdDevValues[0]!, impliedPreprocessing(model)) : undefined;
      if (meanStdWarning) warnings.push(meanStdWarning.replace('`mean=', '`meanValues=').replace('`std=', '`stdDevValues='));
      const size = await writeModelFile(f.outputFile, model, protectedFiles);
      if (!f.quiet) {
        for (const n of notes) process.stderr.write(`liteq: ssd: ${n}\n`);
        for (const w of warnings) warn(w);
        const sg = model.subgraphs[0]!;
        process.stdout.write(
          `wrote ${f.outputFile}: ${size} bytes, ${sg.operators.length} ops, ${sg.tensors.length} tensors, ${f.inferenceType} ` +
            `(${((performance.now() - t0) / 1000).toFixed(2)} s)\n`,
        );
      }
    });
}
