import { BackendUnavailableError, ExecutionError, InvalidInputError, ModelFormatError, UnsupportedError } from '@liteq/core';

/** Prints an error for a person (no stack for expected failures) and returns the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof ModelFormatError || e instanceof UnsupportedError || e instanceof InvalidInputError) {
    process.stderr.write(`liteq: ${e.message}\n`);
    return 2;
  }
  if (e instanceof BackendUnavailableError || e instanceof ExecutionError) {
    process.stderr.write(`liteq: ${e.message}\n`);
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
