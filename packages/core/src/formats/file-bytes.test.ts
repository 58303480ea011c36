// A .tflite file over 4 GiB (more than one typed array holds in Node 20) is one ArrayBuffer viewed by
// a LargeFile: readTflite finds tensor data past the head view by Buffer.offset/size. The big tensors
// here are views of fresh (untouched, zero) memory, so the test needs no 4 GiB of RAM.
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../errors.js';
import type { Model, Tensor } from '../ir/types.js';
import { fileBytes, fileLength, filePart, HEAD_BYTES, LargeFile, MAX_VIEW_BYTES } from './file-bytes.js';
import { layoutTfliteInArena } from './tflite/arena-writer.js';
import { readTflite } from './tflite/reader.js';

const tensor = (name: string, data: Uint8Array): Tensor => ({ name, shape: [data.byteLength], dtype: 'uint8', data, isVariable: false, hasRank: true });

describe('files over 4 GiB', () => {
  it('readTflite reads tensor data past 4 GiB of a LargeFile', () => {
    const zeros = new ArrayBuffer(2 * 2 ** 30 + 4096);
    const big1 = new Uint8Array(zeros, 0, 2 ** 31 + 16);
    const big2 = new Uint8Array(zeros, 16, 2 ** 31 + 16); // another view: its own buffer
    const tail = Uint8Array.from({ length: 100 }, (_, i) => (i * 7 + 3) & 255);
    const model: Model = {
      version: 3,
      description: 'past 4 GiB',
      subgraphs: [{ name: 'main', tensors: [tensor('big1', big1), tensor('big2', big2), tensor('tail', tail)], operators: [], inputs: [], outputs: [] }],
      metadata: [],
      signatureDefs: [],
    };
    const layout = layoutTfliteInArena(model);
    expect(layout.external).toBe(true);
    expect(layout.size).toBeGreaterThan(MAX_VIEW_BYTES);
    const file = new ArrayBuffer(layout.size);
    new Uint8Array(file, 0, layout.header.byteLength).set(layout.header);
    const tailPiece = layout.pieces.find((p) => p.data === tail)!;
    expect(tailPiece.at).toBeGreaterThan(MAX_VIEW_BYTES);
    new Uint8Array(file, tailPiece.at, tail.byteLength).set(tail); // the big pieces are zeros already

    const bytes = fileBytes(file);
    expect(bytes).toBeInstanceOf(LargeFile);
    expect(bytes.byteLength).toBe(HEAD_BYTES);
    expect(fileLength(bytes)).toBe(layout.size);
    expect(bytes.subarray(0, 8)).not.toBeInstanceOf(LargeFile);
    const back = readTflite(bytes, 'big.tflite').subgraphs[0]!.tensors;
    expect([...back[2]!.data!]).toEqual([...tail]);
    expect(back[0]!.data!.byteLength).toBe(big1.byteLength);
    expect(back[1]!.data!.byteOffset).toBeGreaterThan(2 ** 31);

    // An offset past the end of the whole file is named as such.
    const cut = fileBytes(file.slice(0, layout.size - 50));
    expect(() => readTflite(cut, 'cut.tflite')).toThrow(ModelFormatError);
    expect(() => readTflite(cut, 'cut.tflite')).toThrow(/cut\.tflite.*past the end/s);
  }, 120_000);

  it('fileBytes is a plain Uint8Array up to one view; filePart views a plain array too', () => {
    const small = fileBytes(new ArrayBuffer(64));
    expect(small).not.toBeInstanceOf(LargeFile);
    expect(fileLength(small)).toBe(64);
    expect(filePart(small, 16, 8).byteOffset).toBe(16);
  });
});
