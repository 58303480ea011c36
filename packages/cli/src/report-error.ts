import { DiskSpaceError, BackendUnavailableError, ExecutionError, InvalidInputError, MemoryLimitError, ModelFormatError, UnsupportedError } from '@liteq/core';

// Core's messages name API options in backticks (`meanValues`, `inputShapes=1,300,300,3`); on the
// command line they are flags. Options not listed stay as written.
const FLAG_OF_OPTION: Record<string, string> = {
  inputArrays: '--input_arrays',
  outputArrays: '--output_arrays',
  inputShapes: '--input_shapes',
  inferenceType: '--inference_type',
  inferenceInputType: '--inference_input_type',
  meanValues: '--mean_values',
  stdDevValues: '--std_dev_values',
  defaultRangesMin: '--default_ranges_min',
  defaultRangesMax: '--default_ranges_max',
  allowCustomOps: '--allow_custom_ops',
  changeConcatInputRanges: '--change_concat_input_ranges',
  ssd: '--ssd',
  inputShape: '--input_shape',
  config: '--pipeline-config',
  boxEncodings: '--box-encodings',
  classPredictions: '--class-predictions',
  preprocessedInput: '--preprocessed-input',
  'postProcess.numClasses': '--num-classes',
  scheme: '--scheme',
  ranges: '--calibration',
  io: '--io',
  mean: '--mean',
  std: '--std',
  threshold: '--threshold',
  maxMemory: '--max-memory',
};

/** A core message as the command line says it: option names become flags. */
export function cliText(message: string): string {
  return message.replace(/`([A-Za-z][\w.]*)(=[^`]*)?`/g, (whole, name: string, value: string | undefined) => {
    const flag = FLAG_OF_OPTION[name];
    return flag ? `${flag}${value ?? ''}` : whole;
  });
}

/** A warning from core on stderr. */
export function warn(message: string): void {
  process.stderr.write(`liteq: warning: ${cliText(message)}\n`);
}

/** Prints an error for a person (no stack for expected failures) and returns the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof ModelFormatError || e instanceof UnsupportedError || e instanceof InvalidInputError) {
    process.stderr.write(`liteq: ${cliText(e.message)}\n`);
    return 2;
  }
  if (e instanceof BackendUnavailableError || e instanceof ExecutionError || e instanceof MemoryLimitError || e instanceof DiskSpaceError) {
    process.stderr.write(`liteq: ${cliText(e.message)}\n`);
    return 1;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && err.path) {
    process.stderr.write(`liteq: ${err.path}: ${err.code === 'ENOENT' ? 'no such file or directory' : err.message}\n`);
    return 2;
  }
  process.stderr.write(`liteq: internal error: ${err?.stack ?? String(e)}\n`);
  return 1;
}
