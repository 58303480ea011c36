// The arena layout writes a vector length in the 4 bytes before each buffer it uses in place; a
// tensor whose data is only part of an allocation must therefore be written from outside the arena,
// never used in place (its length word would land in its neighbour's bytes).
import { describe, expect, it } from 'vitest';
import type { Model, Tensor } from '../../ir/types.js';
import { Arena, assembleLayout, layoutTfliteInArena } from './arena-writer.js';
import { readTflite } from './reader.js';

const tensor = (name: string, data: Uint8Array): Tensor => ({ name, shape: [data.byteLength], dtype: 'uint8', data, isVariable: false, hasRank: true });

describe('layoutTfliteInArena', () => {
  it('writes a tensor that is part of an allocation as a piece of its own and keeps every byte', () => {
    const arena = new Arena(new Uint8Array(4096));
    const whole = arena.alloc(48)!;
    whole.forEach((_, i) => (whole[i] = i + 1));
    const part = whole.subarray(16, 48); // 16-aligned inside the allocation
    const model: Model = {
      version: 3,
      description: 'arena',
      subgraphs: [{ name: 'main', tensors: [tensor('whole', whole), tensor('part', part), { ...tensor('out', new Uint8Array(1)), data: undefined }], operators: [], inputs: [], outputs: [2] }],
      metadata: [],
      signatureDefs: [],
    };
    const layout = layoutTfliteInArena(model, arena);
    expect(layout.pieces.map((p) => p.data).filter((d) => d.byteLength > 4)).toEqual([part]);
    const file = assembleLayout(layout, arena);
    const back = readTflite(file).subgraphs[0]!.tensors;
    expect([...back[0]!.data!]).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    expect([...back[1]!.data!]).toEqual(Array.from({ length: 32 }, (_, i) => i + 17));
  });
});
