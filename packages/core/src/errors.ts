// Typed errors that reach users. Each names the file, the format, where in the file, and why.

export type ModelFormat = 'tflite' | 'graphdef' | 'pbtxt' | 'tfjs' | 'pipeline-config' | 'unknown';

export interface ModelFormatErrorDetails {
  /** The file (path, or a caller-supplied label for in-memory bytes). */
  file: string;
  format: ModelFormat;
  /** Where: a field path ("subgraphs[0].tensors[12].buffer") and/or a byte offset. */
  field?: string;
  offset?: number;
  /** What is wrong, in words. */
  reason: string;
}

/** A model file that cannot be read: truncated, corrupted, or not the format it claims. */
export class ModelFormatError extends Error {
  override readonly name = 'ModelFormatError';
  readonly file: string;
  readonly format: ModelFormat;
  readonly field: string | undefined;
  readonly offset: number | undefined;
  readonly reason: string;

  constructor(d: ModelFormatErrorDetails, options?: { cause?: unknown }) {
    const where = [d.field, d.offset !== undefined ? `offset ${d.offset}` : undefined].filter(Boolean).join(' at ');
    super(`${d.file}: invalid ${d.format} model${where ? ` (${where})` : ''}: ${d.reason}`, options);
    this.file = d.file;
    this.format = d.format;
    this.field = d.field;
    this.offset = d.offset;
    this.reason = d.reason;
  }
}

/** A request liteq understands but cannot carry out on this input (e.g. an unsupported op). */
export class UnsupportedError extends Error {
  override readonly name = 'UnsupportedError';
}

/** Inputs that do not fit the model: wrong count, dtype, or size. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
}

/** A backend refused or failed to run a plan (its message comes from the C++ core: which op, and why). */
export class ExecutionError extends Error {
  override readonly name = 'ExecutionError';
}

/**
 * Loading a model would take more memory than allowed (`maxMemory`, the CLI's --max-memory): nothing
 * was allocated for it. The message names the model and the amounts.
 */
export class MemoryLimitError extends Error {
  override readonly name = 'MemoryLimitError';
}

/** An output would not fit in the free space of its file system: nothing was written. */
export class DiskSpaceError extends Error {
  override readonly name = 'DiskSpaceError';
}
