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

describe('Arena over windows (a mapped output past 4 GiB, here in miniature)', () => {
  // One memory seen through windows of 256 bytes every 64 bytes, as overlapping shared mappings of one
  // file see it: a byte written through one window is read through another.
  const memory = new ArrayBuffer(1000);
  const windows = [0, 64, 128, 192, 256, 320, 384, 448, 512, 576, 640, 704, 768].map((at) => new Uint8Array(memory, at, Math.min(256, 1000 - at)));

  it('hands out allocations inside one window, finds them again, and views any range a window holds', () => {
    const arena = new Arena(windows, 64);
    expect(arena.capacity).toBe(1000);
    expect(arena.alloc(193)).toBeUndefined(); // more than window - stride: might not fit where it starts
    const got: Uint8Array[] = [];
    for (let i = 0; i < 6; i++) {
      const v = arena.alloc(100 + i)!;
      v.fill(i + 1);
      got.push(v);
    }
    expect(arena.alloc(192)!.byteLength).toBe(192); // the largest: window - stride, wherever it starts
    expect(arena.alloc(110)).toBeUndefined(); // past the capacity (1000)
    const all = new Uint8Array(memory);
    for (const [i, v] of got.entries()) {
      const at = arena.offsetOf(v);
      expect(at).toBeGreaterThan(0);
      expect(at % 16).toBe(0);
      expect(v.buffer).toBe(memory);
      expect(v.byteOffset).toBe(at); // the windows start at their arena offsets in this memory
      expect([...all.subarray(at, at + v.byteLength)]).toEqual(Array(100 + i).fill(i + 1));
      expect(arena.offsetOf(v.subarray(16))).toBe(-1);
    }
    // A length word before an allocation that starts on a window boundary comes from the window before.
    expect(arena.view(60, 8).byteOffset).toBe(60);
    expect(() => arena.view(10, 300)).toThrow(RangeError);
  });
});
