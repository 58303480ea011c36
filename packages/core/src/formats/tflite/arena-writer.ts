// A model laid out around an Arena: the quantizer of a large model puts each result in the arena, and
// the file is the flatbuffer built here (pointing into the arena) followed by the arena's used bytes and
// the other constants, each written from where it is, so constant data is never copied into a
// flatbuffers Builder (writer.ts does that for ordinary sizes) nor gathered into one array (files of
// any size: past 4 GiB too).
import { ByteBuffer } from 'flatbuffers';
import type { Model } from '../../ir/types.js';
import { Model as FbModel } from './generated/tflite/model.js';
import { MAX_VIEW_BYTES, WINDOW_STRIDE } from '../file-bytes.js';
import { ALIGN, BufferPlan, FLATBUFFER_LIMIT, pad16, structureEstimate, Writer, type WriteTfliteOptions } from './writer.js';

/**
 * Memory a large model's output is built in: the quantizer puts each result at a 16-byte aligned
 * offset with 4 free bytes before it (room for a flatbuffer vector's length), and the file is then the
 * flatbuffer followed by the arena's used bytes — the data is never copied into a builder. The memory
 * may be an ArrayBuffer larger than one typed array can be (past 4 GiB), or windows of one memory (a
 * mapped file past 4 GiB: window i, a Uint8Array, holds the arena's bytes from i × stride on, windows
 * overlapping so that any allocation lies wholly inside one); allocations are views of it.
 */
export class Arena {
  used = 0;
  /** Bytes the arena can hand out. */
  readonly capacity: number;
  /** Window i holds bytes [i × stride, i × stride + its length); one window (stride 0) when not windowed. */
  private readonly windows: readonly { buffer: ArrayBufferLike; byteOffset: number; byteLength: number }[];
  private readonly stride: number;
  /** The largest allocation: one view, and with windows one that always fits the window it starts in. */
  private readonly maxAlloc: number;
  /** Start offset → length of every allocation (only whole allocations are used in place). */
  private readonly allocations = new Map<number, number>();

  constructor(memory: ArrayBufferLike | Uint8Array | readonly Uint8Array[], stride = WINDOW_STRIDE) {
    if (Array.isArray(memory)) {
      const windows = memory as readonly Uint8Array[];
      this.windows = windows;
      this.stride = windows.length > 1 ? stride : 0;
      this.capacity = (windows.length - 1) * this.stride + windows[windows.length - 1]!.byteLength;
      this.maxAlloc = windows.length > 1 ? Math.min(...windows.slice(0, -1).map((w) => w.byteLength)) - stride : MAX_VIEW_BYTES;
    } else {
      const m = memory as ArrayBufferLike | Uint8Array;
      this.windows = [m instanceof Uint8Array ? m : { buffer: m, byteOffset: 0, byteLength: m.byteLength }];
      this.stride = 0;
      this.capacity = m.byteLength;
      this.maxAlloc = MAX_VIEW_BYTES;
    }
  }

  /** n bytes of the arena, or undefined when it is full. */
  alloc(n: number): Uint8Array | undefined {
    const off = pad16(this.used + 4);
    if (off + n > this.capacity || n > this.maxAlloc) return undefined;
    this.used = off + n;
    this.allocations.set(off, n);
    return this.view(off, n);
  }

  /** Bytes [at, at + n) of the arena (n at most one view's size; with windows, inside the window at holds). */
  view(at: number, n: number): Uint8Array {
    const i = this.stride ? Math.min(this.windows.length - 1, Math.floor(at / this.stride)) : 0;
    const w = this.windows[i]!;
    const from = at - i * this.stride;
    if (from + n > w.byteLength) throw new RangeError(`arena: ${n} bytes at ${at} are not inside one window`);
    return new Uint8Array(w.buffer, w.byteOffset + from, n);
  }

  /**
   * Where d starts in the arena when d is exactly one allocation (the 4 bytes before it are then free
   * for a vector length), or -1 (a part of an allocation, or memory elsewhere: written from where it is).
   */
  offsetOf(d: Uint8Array): number {
    const i = this.windows.findIndex((w) => w.buffer === d.buffer);
    if (i < 0) return -1;
    const off = i * this.stride + d.byteOffset - this.windows[i]!.byteOffset;
    return this.allocations.get(off) === d.byteLength ? off : -1;
  }
}

/**
 * Room for the flatbuffer of a model that weight quantization makes from `model`, before that model
 * exists (MappedOutput's header room): the input's own flatbuffer (measured: laid out with its data
 * outside, as Buffer.offset/size, the larger form) plus, for every float constant, what its quantized
 * form can add — a stored tensor and a DEQUANTIZE op (the DEQUANTIZE forms), a scale and zero point
 * per channel. A bound in practice; a flatbuffer past it is written the
 * usual way.
 */
export function quantizedHeaderRoom(model: Model): number {
  let n = layoutTfliteInArena(model, undefined, { externalBuffers: 'always' }).header.byteLength + 4096;
  for (const sg of model.subgraphs) {
    for (const t of sg.tensors) {
      if (t.dtype !== 'float32' || !t.data) continue;
      // Channels: the first dimension (conv, FULLY_CONNECTED, table rows), the last for a depthwise
      // [1, h, w, c]; each a float scale and an int64 zero point. 1-D constants get one of each.
      const last = t.shape[t.shape.length - 1] ?? 1;
      const channels = t.shape.length < 2 ? 1 : t.shape[0] === 1 ? last : t.shape[0]!;
      n += 320 + 2 * t.name.length + 8 * t.shape.length + 12 * channels;
    }
  }
  return pad16(n);
}

/** Bytes the file holds at `at` that are not in the arena: constant data written from its own memory, or a vector length. */
export interface FilePiece {
  at: number;
  data: Uint8Array;
}

export interface ArenaLayout {
  /** The flatbuffer: the file's first bytes. */
  header: Uint8Array;
  /** File offset of the arena's byte 0 (16-aligned, >= header.byteLength; the gap is zeros). */
  base: number;
  /**
   * Constant data outside the arena (float weights kept as they were, small tensors, a whole model
   * with no arena) and their vector lengths: each written at its file offset from where it is. The
   * gaps between the pieces and the arena are zeros.
   */
  pieces: FilePiece[];
  /** The whole file's size. */
  size: number;
  /** Whether constant data is Buffer.offset/size (files over 2 GB) rather than inline vectors. */
  external: boolean;
}

/**
 * Lays the model out around an arena (by default an empty one): constant data in the arena stays
 * there; every other buffer is placed after the arena's used bytes and written from its own memory
 * (`pieces`), so no constant is copied. Inline (≤ 2 GB, what TFLite 2.9 reads): each Buffer.data
 * points at its bytes, with the vector length just before them. Past 2 GB (or 'always'):
 * Buffer.offset/size, in the order and alignment writeTflite uses (with no arena: the same bytes).
 * Metadata stays inside the flatbuffer, as writeTflite does it. The arena starts at minBase when the
 * flatbuffer fits before it (the gap is zeros): an arena that already lies in the file at that offset.
 */
export function layoutTfliteInArena(model: Model, arena: Arena = new Arena(new ArrayBuffer(0)), opts: WriteTfliteOptions = {}, minBase = 0): ArenaLayout {
  const plan = new BufferPlan();
  const tensorBuffers = model.subgraphs.map((sg) => sg.tensors.map((t) => plan.add(t.data, false)));
  const metadataBuffers = model.metadata.map((md) => plan.add(md.data, false));
  const inMetadata = new Set(metadataBuffers);
  /** Offsets from the arena's byte 0 of every data buffer; `end` = where the last one ends. */
  const place = (external: boolean) => {
    let end = arena.used;
    const outside: number[] = [];
    const offsets = plan.data.map((d, i): number | undefined => {
      if (i === 0 || d.byteLength === 0 || inMetadata.has(i)) return undefined;
      const at = arena.offsetOf(d);
      if (at >= 0) return at;
      const o = pad16(external ? end : end + 4);
      end = o + d.byteLength;
      outside.push(i);
      return o;
    });
    return { offsets, outside, end };
  };
  const structure = structureEstimate(model);
  const mode = opts.externalBuffers ?? 'auto';
  let placed = place(mode === 'always');
  const external = mode === 'always' || (mode === 'auto' && structure + placed.end + ALIGN > FLATBUFFER_LIMIT);
  if (external && mode !== 'always') placed = place(true);
  const { offsets, outside, end } = placed;
  const build = (base: number) => new Writer(model, plan, tensorBuffers, metadataBuffers, undefined, structure, { offsets, external, base }).build();
  if (external) {
    const probe = build(ALIGN); // any base > 1: every Buffer.offset is then written (0 would be omitted as the default)
    const base = Math.max(pad16(probe.byteLength), pad16(minBase));
    const header = build(base);
    if (header.byteLength !== probe.byteLength) throw new Error('tflite writer: flatbuffer size changed between passes');
    const pieces = outside.map((i) => ({ at: base + offsets[i]!, data: plan.data[i]! }));
    return { header, base, pieces, size: base + pad16(end), external };
  }
  const header = build(0);
  const base = Math.max(pad16(header.byteLength), pad16(minBase));
  if (base + end > FLATBUFFER_LIMIT) throw new RangeError('tflite writer: inline layout past 2 GB (use externalBuffers: auto)');
  const bb = new ByteBuffer(header);
  const root = FbModel.getRootAsModel(bb);
  const head = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const pieces: FilePiece[] = [];
  const notInArena = new Set(outside);
  offsets.forEach((at, i) => {
    if (at === undefined) return;
    const t = root.buffers(i)!;
    const field = t.bb_pos + bb.__offset(t.bb_pos, 4); // Buffer.data (vtable slot 0)
    head.setUint32(field, base + at - 4 - field, true); // uoffset to the vector's length word
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, plan.data[i]!.byteLength, true);
    if (notInArena.has(i)) pieces.push({ at: base + at - 4, data: length }, { at: base + at, data: plan.data[i]! });
    else arena.view(at - 4, 4).set(length);
  });
  return { header, base, pieces, size: base + end, external };
}

/** The file a layout describes as one array (what writeTfliteFile writes piece by piece; ≤ 4 GiB). */
export function assembleLayout(layout: ArenaLayout, arena?: Arena): Uint8Array {
  const file = new Uint8Array(layout.size);
  file.set(layout.header);
  if (arena) file.set(arena.view(0, arena.used), layout.base);
  for (const p of layout.pieces) file.set(p.data, p.at);
  return file;
}
