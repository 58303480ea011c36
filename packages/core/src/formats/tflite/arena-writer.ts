// A model laid out around an Arena: the quantizer of a large model puts each result in the arena, and
// the file is the flatbuffer built here (pointing into the arena) followed by the arena's used bytes,
// so constant data is never copied into a flatbuffers Builder (writer.ts does that for ordinary sizes).
import { ByteBuffer } from 'flatbuffers';
import type { Model } from '../../ir/types.js';
import { Model as FbModel } from './generated/tflite/model.js';
import { ALIGN, BufferPlan, FLATBUFFER_LIMIT, pad16, structureEstimate, Writer, type WriteTfliteOptions } from './writer.js';

/**
 * Memory a large model's output is built in: the quantizer puts each result at a 16-byte aligned
 * offset with 4 free bytes before it (room for a flatbuffer vector's length), and the file is then the
 * flatbuffer followed by the arena's used bytes — the data is never copied into a builder.
 */
export class Arena {
  used = 0;
  /** Start offset → length of every allocation (only whole allocations are used in place). */
  private readonly allocations = new Map<number, number>();
  constructor(readonly bytes: Uint8Array) {}

  /** n bytes of the arena, or undefined when it is full. */
  alloc(n: number): Uint8Array | undefined {
    const off = pad16(this.used + 4);
    if (off + n > this.bytes.byteLength) return undefined;
    this.used = off + n;
    this.allocations.set(off, n);
    return this.bytes.subarray(off, off + n);
  }

  /**
   * Where d starts in the arena when d is exactly one allocation (the 4 bytes before it are then free
   * for a vector length), or -1 (a part of an allocation, or memory elsewhere: the writer copies it).
   */
  offsetOf(d: Uint8Array): number {
    if (d.buffer !== this.bytes.buffer) return -1;
    const off = d.byteOffset - this.bytes.byteOffset;
    return this.allocations.get(off) === d.byteLength ? off : -1;
  }
}

export interface ArenaLayout {
  /** The flatbuffer: the file's first bytes. */
  header: Uint8Array;
  /** File offset of the arena's byte 0 (16-aligned, >= header.byteLength; the gap is zeros). */
  base: number;
  /** The whole file's size: base + arena.used. */
  size: number;
  /** Whether constant data is Buffer.offset/size (files over 2 GB) rather than inline vectors. */
  external: boolean;
}

/**
 * Lays the model out around an arena: constant data outside it (float weights kept as they were, small
 * tensors) is first copied in (`copied` is told of each source, e.g. to release a mapped input's pages);
 * then the flatbuffer is built. Inline (≤ 2 GB, what TFLite 2.9 reads): each Buffer.data points at its
 * bytes in the arena, with the vector length written just before them. Past 2 GB (or 'always'):
 * Buffer.offset/size. Metadata stays inside the flatbuffer, as writeTflite does it.
 */
export function layoutTfliteInArena(model: Model, arena: Arena, opts: WriteTfliteOptions & { copied?: (d: Uint8Array) => void } = {}): ArenaLayout {
  const plan = new BufferPlan();
  const tensorBuffers = model.subgraphs.map((sg) => sg.tensors.map((t) => plan.add(t.data, false)));
  const metadataBuffers = model.metadata.map((md) => plan.add(md.data, false));
  const inMetadata = new Set(metadataBuffers);
  const offsets: (number | undefined)[] = plan.data.map((d, i) => {
    if (i === 0 || d.byteLength === 0 || inMetadata.has(i)) return undefined;
    let at = arena.offsetOf(d);
    if (at < 0) {
      const m = arena.alloc(d.byteLength);
      if (!m) throw new RangeError(`tflite writer: the output arena (${arena.bytes.byteLength} bytes) is full`);
      m.set(d);
      opts.copied?.(d);
      at = m.byteOffset - arena.bytes.byteOffset;
    }
    return at;
  });
  const structure = structureEstimate(model);
  const mode = opts.externalBuffers ?? 'auto';
  const external = mode === 'always' || (mode === 'auto' && structure + arena.used + ALIGN > FLATBUFFER_LIMIT);
  const build = (base: number) => new Writer(model, plan, tensorBuffers, metadataBuffers, undefined, structure, { offsets, external, base }).build();
  if (external) {
    const probe = build(0);
    const base = pad16(probe.byteLength);
    const header = build(base);
    if (header.byteLength !== probe.byteLength) throw new Error('tflite writer: flatbuffer size changed between passes');
    return { header, base, size: base + arena.used, external };
  }
  const header = build(0);
  const base = pad16(header.byteLength);
  if (base + arena.used > FLATBUFFER_LIMIT) throw new RangeError('tflite writer: inline layout past 2 GB (use externalBuffers: auto)');
  const bb = new ByteBuffer(header);
  const root = FbModel.getRootAsModel(bb);
  const head = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const arenaView = new DataView(arena.bytes.buffer, arena.bytes.byteOffset, arena.bytes.byteLength);
  offsets.forEach((at, i) => {
    if (at === undefined) return;
    const t = root.buffers(i)!;
    const field = t.bb_pos + bb.__offset(t.bb_pos, 4); // Buffer.data (vtable slot 0)
    head.setUint32(field, base + at - 4 - field, true); // uoffset to the vector's length word
    arenaView.setUint32(at - 4, plan.data[i]!.byteLength, true);
  });
  return { header, base, size: base + arena.used, external };
}
