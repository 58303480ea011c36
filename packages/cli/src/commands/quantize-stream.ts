// The large-model path of `liteq quantize --scheme dynamic|float16` on the native backend: the input is
// memory-mapped (no copy of the weights in the JS heap), each weight tensor is read once by the native
// fused quantizer — piece by piece with pread from the file behind the mapping, so the weights' pages
// are never mapped into this process — which puts its result into an output arena outside the JS
// heap. The arena is the output's temporary file itself, mapped after room for the flatbuffer
// (MappedOutput; past 4 GiB as overlapping windows), into which the quantizer's pieces are written with
// pwrite (they land in the page cache once, whole pages, outside this process's RSS), or, where that
// cannot be, anonymous memory written out after the flatbuffer. Peak memory is Node's own plus a few
// MiB per thread. Other schemes (and the wasm backend) read the whole file.
import { stat } from 'node:fs/promises';
import {
  Arena,
  DiskSpaceError,
  fileBytes,
  fileLength,
  InvalidInputError,
  MappedOutput,
  quantizedHeaderRoom,
  writeTfliteFile,
  type Backend,
  type Model,
  type WeightBackend,
} from '@liteq/core';
import { createProgress } from '../progress.js';

export interface Streaming {
  /** The input file, mapped read-only (a LargeFile past 4 GiB). */
  input: Uint8Array;
  /** The backend the scheme quantizes weights with: results into the arena, progress as it reads. */
  weights(model: Model): WeightBackend;
  /** Writes the quantized model (atomically) to the output given at the start; returns its size. */
  write(model: Model): Promise<number>;
  /** Removes what an unfinished output left (its temporary file), after an error. */
  abort(): void;
}

/** LITEQ_E_IO in native/include/liteq/liteq.h: a bulk call's read or write of a file failed. */
const E_IO = -6;

/** A native bulk call's file I/O failure as an error naming the file (others unchanged). */
function ioError(e: unknown, input: string, output: string): unknown {
  if (!(e instanceof Error) || (e as { status?: number }).status !== E_IO) return e;
  if (/reading the input/.test(e.message)) {
    return new InvalidInputError(`${input}: reading its weights failed (was the file truncated or replaced while liteq read it?): ${e.message}`, { cause: e });
  }
  if (/No space left/.test(e.message)) return new DiskSpaceError(`${output}: the disk is full; nothing was written`, { cause: e });
  return new Error(`${output}: writing the quantized weights failed: ${e.message}`, { cause: e });
}

/** Headroom of the arena over the input's size (alignment of each tensor, new constants). */
const ARENA_SLACK = 64 * 2 ** 20;

export async function largeModelStreaming(
  file: string,
  output: string,
  scheme: string,
  backend: Backend,
  showProgress: boolean,
): Promise<Streaming | undefined> {
  const { mapFile, allocate, releasePages } = backend;
  if ((scheme !== 'dynamic' && scheme !== 'float16') || !mapFile || !allocate || !backend.quantizeWeightsInt8 || !backend.toFloat16) return undefined;
  // A missing file is reported as such (ENOENT with its path); a directory by name.
  if ((await stat(file)).isDirectory()) throw new InvalidInputError(`${file}: is a directory, not a .tflite file`);
  let input: Uint8Array;
  try {
    input = fileBytes(mapFile.call(backend, file));
  } catch (e) {
    throw new InvalidInputError(`${file}: cannot read it (${(e as Error).message})`);
  }
  const capacity = fileLength(input) + ARENA_SLACK;
  let mapped: MappedOutput | undefined;
  let arena: Arena | undefined;
  const release = (d: Uint8Array) => releasePages?.call(backend, d);
  let quantizing: ReturnType<typeof createProgress> | undefined;
  return {
    input,
    weights(model) {
      if (!arena) {
        const { mapOutput, reserveFile } = backend;
        if (mapOutput && reserveFile) {
          const mapper = { mapOutput: mapOutput.bind(backend), reserveFile: reserveFile.bind(backend) };
          mapped = MappedOutput.open(output, [file], mapper, quantizedHeaderRoom(model), capacity);
        }
        arena = mapped?.arena ?? new Arena(allocate.call(backend, capacity));
      }
      const into = mapped ?? arena;
      let total = 0;
      for (const sg of model.subgraphs) for (const t of sg.tensors) if (t.dtype === 'float32' && t.data) total += t.data.byteLength;
      const progress = (quantizing = createProgress('quantizing', showProgress, { bytes: true }));
      let done = 0;
      // The native calls read the weights from the file (pread) and write results to the output's:
      // their I/O failures name the file that failed.
      const io = <A extends unknown[], R>(f: (...a: A) => R) => (...a: A): R => {
        try {
          return f.apply(backend, a);
        } catch (e) {
          throw ioError(e, file, output);
        }
      };
      return {
        quantizeWeightsInt8: io(backend.quantizeWeightsInt8!),
        toFloat16: io(backend.toFloat16!),
        alloc: (bytes) => into.alloc(bytes),
        consumed(x) {
          done += x.byteLength;
          progress.update(done, total);
        },
      };
    },
    async write(model) {
      quantizing?.done(); // (weights the scheme keeps float are not read by it: the bar may stop short)
      const progress = createProgress('writing', showProgress, { bytes: true });
      const opts = { written: release, onProgress: (n: number, total: number) => progress.update(n, total) };
      try {
        if (mapped) return await mapped.finish(model, opts);
        return await writeTfliteFile(output, model, arena, { inputs: [file], ...opts });
      } finally {
        progress.done();
      }
    },
    abort() {
      mapped?.abort();
    },
  };
}
