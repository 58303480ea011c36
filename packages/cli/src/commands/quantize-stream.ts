// The large-model path of `liteq quantize --scheme dynamic|float16` on the native backend: the input is
// memory-mapped (no copy of the weights in the JS heap), each weight tensor is read once by the native
// fused quantizer, which writes its result into an output arena outside the JS heap and drops the
// input's pages from the process as it goes; the file is then the flatbuffer followed by the arena.
// Peak memory is about the output's size. Other schemes (and the wasm backend) read the whole file.
import { stat } from 'node:fs/promises';
import { Arena, fileBytes, fileLength, InvalidInputError, writeTfliteFile, type Backend, type Model, type WeightBackend } from '@liteq/core';
import { createProgress } from '../progress.js';

export interface Streaming {
  /** The input file, mapped read-only (a LargeFile past 4 GiB). */
  input: Uint8Array;
  /** The backend the scheme quantizes weights with: results into the arena, progress as it reads. */
  weights(model: Model): WeightBackend;
  /** Writes the quantized model (atomically); returns its size. */
  write(file: string, model: Model, inputs: readonly string[]): Promise<number>;
}

/** Headroom of the arena over the input's size (alignment of each tensor, new constants). */
const ARENA_SLACK = 64 * 2 ** 20;

export async function largeModelStreaming(file: string, scheme: string, backend: Backend, showProgress: boolean): Promise<Streaming | undefined> {
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
  const arena = new Arena(allocate.call(backend, fileLength(input) + ARENA_SLACK));
  const release = (d: Uint8Array) => releasePages?.call(backend, d);
  let quantizing: ReturnType<typeof createProgress> | undefined;
  return {
    input,
    weights(model) {
      let total = 0;
      for (const t of model.subgraphs[0]?.tensors ?? []) if (t.dtype === 'float32' && t.data) total += t.data.byteLength;
      const progress = (quantizing = createProgress('quantizing', showProgress, { bytes: true }));
      let done = 0;
      return {
        quantizeWeightsInt8: backend.quantizeWeightsInt8!.bind(backend),
        toFloat16: backend.toFloat16!.bind(backend),
        alloc: (bytes) => arena.alloc(bytes),
        consumed(x) {
          done += x.byteLength;
          progress.update(done, total);
        },
      };
    },
    async write(out, model, inputs) {
      quantizing?.done(); // (weights the scheme keeps float are not read by it: the bar may stop short)
      const progress = createProgress('writing', showProgress, { bytes: true });
      try {
        return await writeTfliteFile(out, model, arena, { inputs, written: release, onProgress: (n, total) => progress.update(n, total) });
      } finally {
        progress.done();
      }
    },
  };
}
