// The streamed quantize's native calls read the input (pread) and write the output (pwrite); their I/O
// failures (LITEQ_E_IO, status -6) must come out as errors that name the file — never a crash, never
// a bare C++ message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskSpaceError, InvalidInputError, type Backend, type Model } from '@liteq/core';
import { largeModelStreaming } from './commands/quantize-stream.js';

const dir = mkdtempSync(path.join(tmpdir(), 'liteq-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A backend whose bulk calls fail as the addon's do, with `message` and status -6. */
function failingBackend(message: string): Backend {
  const fail = () => {
    throw Object.assign(new Error(message), { status: -6 });
  };
  return {
    name: 'fake',
    mapFile: () => new ArrayBuffer(64),
    allocate: (n: number) => new ArrayBuffer(n),
    quantizeWeightsInt8: fail,
    toFloat16: fail,
  } as unknown as Backend;
}

describe('streamed quantize: I/O failures of the native calls', () => {
  const input = path.join(dir, 'in.tflite');
  const output = path.join(dir, 'out.tflite');
  writeFileSync(input, new Uint8Array(64));
  const model = { subgraphs: [{ tensors: [] }] } as unknown as Model;

  it.each([
    ['liteq_quantize_int8_symmetric: reading the input failed: Input/output error', InvalidInputError, /in\.tflite: reading its weights failed/],
    ['liteq_float_to_half: writing the results failed: No space left on device', DiskSpaceError, /out\.tflite: the disk is full/],
    ['liteq_float_to_half: writing the results failed: Input/output error', Error, /out\.tflite: writing the quantized weights failed/],
  ])('%s', async (message, type, text) => {
    const s = (await largeModelStreaming(input, output, 'dynamic', failingBackend(message), false))!;
    const w = s.weights(model);
    expect(() => w.quantizeWeightsInt8!(new Float32Array(4), 1, 4, 127)).toThrow(type);
    expect(() => w.toFloat16!(new Float32Array(4))).toThrow(text);
    s.abort();
  });

  it('leaves other errors as they are', async () => {
    const b = failingBackend('liteq_quantize_int8_symmetric: non-finite value at index 3');
    (b as unknown as { quantizeWeightsInt8: () => never }).quantizeWeightsInt8 = () => {
      throw Object.assign(new Error('non-finite value at index 3'), { status: -1 });
    };
    const s = (await largeModelStreaming(input, output, 'dynamic', b, false))!;
    expect(() => s.weights(model).quantizeWeightsInt8!(new Float32Array(4), 1, 4, 127)).toThrow(/^non-finite value at index 3$/);
    s.abort();
  });
});
