// liteq command line. Parses arguments, shows progress, writes outputs; all work is done by @liteq/core.
import { Command, CommanderError } from 'commander';
import { registerInspect } from './commands/inspect.js';
import { registerDemo } from './commands/demo.js';
import { registerDetect } from './commands/detect.js';
import { registerRun } from './commands/run.js';
import { registerConfig } from './commands/config.js';
import { normalizeConvertArgv, registerConvert } from './commands/convert.js';
import { reportError } from './report-error.js';
import { registerEval } from './commands/eval.js';
import { registerCompare } from './commands/compare.js';
import { registerQuantize } from './commands/quantize.js';
import { registerSweep } from './commands/sweep.js';
import { registerServe } from './commands/serve.js';

export const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('liteq')
    .description('Convert, quantize, run and evaluate TensorFlow Lite detection models — without TensorFlow.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run `liteq help <command>` for usage)')
    .exitOverride();
  registerInspect(program);
  registerRun(program);
  registerDetect(program);
  registerDemo(program);
  registerConfig(program);
  registerConvert(program);
  registerEval(program);
  registerCompare(program);
  registerQuantize(program);
  registerSweep(program);
  registerServe(program);
  return program;
}

/** Runs the CLI; resolves to the process exit code (0 ok, 1 failure, 2 bad usage or bad input file). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(normalizeConvertArgv(argv), { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help / --version end with a "success" CommanderError; usage errors were already printed.
      return e.exitCode === 0 ? 0 : 2;
    }
    return reportError(e);
  }
}
