// Output files: written to a temporary name beside the target and renamed, so a crash or a full disk
// never leaves a half-written file under the real name; and never over one of the command's inputs.
import { close, closeSync, ftruncate, ftruncateSync, mkdirSync, openSync, realpathSync, rmSync, write } from 'node:fs';
import { mkdir, rename, rm, statfs } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { DiskSpaceError, InvalidInputError } from '../errors.js';
import { Arena, layoutTfliteInArena } from '../formats/tflite/arena-writer.js';
import { MAX_VIEW_BYTES, WINDOW_STRIDE } from '../formats/file-bytes.js';
import { pad16, usesExternalBuffers, writeTflite, type WriteTfliteOptions } from '../formats/tflite/writer.js';
import type { Model } from '../ir/types.js';

function canonical(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    // Not there yet: canonicalize the directory, keep the name.
    try {
      return path.join(realpathSync(path.dirname(p)), path.basename(p));
    } catch {
      return path.resolve(p);
    }
  }
}

/** Throws if `output` is one of `inputs` (after resolving links). */
export function assertNotInput(output: string, inputs: readonly string[]): void {
  const out = canonical(output);
  for (const i of inputs) {
    if (canonical(i) === out) throw new InvalidInputError(`refusing to write ${output}: it is an input of this command (inputs are never overwritten)`);
  }
}

const WRITE_CHUNK = 64 * 2 ** 20;

// Temporary files being written right now, so that an interrupted process can remove them.
const pending = new Set<string>();

/**
 * Removes the temporary files of writes still in progress (synchronously: for a SIGINT/SIGTERM
 * handler that exits right after). The targets keep their previous content, or stay absent.
 */
export function removePendingTemporaryFiles(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

// 48 random bits (Math.random: node:crypto costs the CLI's start-up ~20 ms to load); the exclusive
// open below makes a clash a retry, never a shared file.
const randomHex = (): string => Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0');
const temporaryName = (file: string): string => path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${randomHex()}.tmp`);

/**
 * Creates the temporary file of an output and registers it for removal on SIGINT in one synchronous
 * step: a signal handler runs between JS turns, so it either sees no file or a registered one (an
 * asynchronous open could create the file after the handler has looked).
 */
function createTemporary(file: string, flags: 'wx' | 'wx+' = 'wx'): { tmp: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const tmp = temporaryName(file);
    try {
      const fd = openSync(tmp, flags);
      pending.add(tmp);
      return { tmp, fd };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw e;
    }
  }
}

const writeAt = (fd: number, data: Uint8Array, offset: number, length: number, position: number): Promise<number> =>
  new Promise((resolve, reject) => write(fd, data, offset, length, position, (e, n) => (e ? reject(e) : resolve(n))));
const closeFd = promisify(close);
const truncateFd = promisify(ftruncate);

/** Writes all of data[from, to) at file position `at`, in WRITE_CHUNK writes; `written` gets the byte count of each. */
async function writeRange(fd: number, data: Uint8Array, from: number, to: number, at: number, file: string, written?: (bytes: number) => void): Promise<void> {
  while (from < to) {
    const n = await writeAt(fd, data, from, Math.min(WRITE_CHUNK, to - from), at);
    if (n <= 0) throw new Error(`${file}: short write`);
    from += n;
    at += n;
    written?.(n);
  }
}

/** Writes to a temporary file beside `file` (written by `fill`), then renames it over `file`. */
async function atomically(file: string, fill: (fd: number) => Promise<void>): Promise<void> {
  const { tmp, fd } = createTemporary(file);
  try {
    try {
      await fill(fd);
    } finally {
      await closeFd(fd);
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}

/** Writes bytes atomically (temp file + rename), creating the directory; refuses to overwrite an input. */
export async function writeFileAtomic(file: string, data: Uint8Array | string, inputs: readonly string[] = []): Promise<void> {
  assertNotInput(file, inputs);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  await assertFreeSpace(file, bytes.byteLength);
  await atomically(file, (fd) => writeRange(fd, bytes, 0, bytes.byteLength, 0, file));
}

/** Throws DiskSpaceError when `bytes` more would not fit on the file system `file` goes to (checked before writing). */
export async function assertFreeSpace(file: string, bytes: number): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  let free: number;
  try {
    const s = await statfs(dir);
    free = Number(s.bavail) * Number(s.bsize);
  } catch {
    return; // no statfs here (or the directory is not there yet): the write itself reports ENOSPC
  }
  if (bytes > free) {
    throw new DiskSpaceError(`${file}: needs ${(bytes / 1e6).toFixed(1)} MB, but only ${(free / 1e6).toFixed(1)} MB are free on the file system of ${dir}; nothing was written`);
  }
}

/**
 * Writes a model as a .tflite file without gathering it into one array (layoutTfliteInArena): the
 * flatbuffer, then the arena's bytes (when the quantizer built the output in one) straight from its
 * memory, then every other constant from where it is, in 64 MiB writes (onProgress after each; `written`
 * is told of each constant written from outside the arena, e.g. to release a mapped input's pages).
 * Files of any size (over 4 GiB too). Atomic and input-safe as writeFileAtomic; the free space is
 * checked first. Returns the file's size.
 */
export async function writeTfliteFile(
  file: string,
  model: Model,
  arena?: Arena,
  opts: WriteTfliteOptions & { inputs?: readonly string[]; written?: (d: Uint8Array) => void; onProgress?: (written: number, total: number) => void } = {},
): Promise<number> {
  assertNotInput(file, opts.inputs ?? []);
  const layout = layoutTfliteInArena(model, arena, opts);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await assertFreeSpace(file, layout.size);
  let done = 0;
  const progress = (n: number) => opts.onProgress?.((done += n), layout.size);
  await atomically(file, async (fd) => {
    await writeRange(fd, layout.header, 0, layout.header.byteLength, 0, file, progress);
    for (let from = 0; arena && from < arena.used; from += WRITE_CHUNK) {
      const n = Math.min(WRITE_CHUNK, arena.used - from);
      await writeRange(fd, arena.view(from, n), 0, n, layout.base + from, file, progress);
    }
    for (const p of layout.pieces) {
      await writeRange(fd, p.data, 0, p.data.byteLength, p.at, file, progress);
      opts.written?.(p.data);
    }
    await truncateFd(fd, layout.size); // the zeros after the last piece (16-byte padding)
  });
  return layout.size;
}

/** What MappedOutput needs of a backend (Node's native one has both). */
export interface OutputMapper {
  mapOutput(fd: number, offset: number, bytes: number): Uint8Array;
  reserveFile(fd: number, offset: number, bytes: number): number;
}

const ENOSPC = 28;

/**
 * A large model's output built in place: the output's temporary file is mapped shared from `headerRoom`
 * on, the quantizer's arena lives in that mapping (its results land in the file's page cache: no copy
 * into a separate buffer, no second write; the native backend writes them through the file, which the
 * mapping then reads), each allocation's disk blocks are reserved before it is
 * written (a full disk is a DiskSpaceError, never a fault), and finish() writes the flatbuffer before it
 * and the other constants after it, trims the file and renames it over the output. The flatbuffer must
 * fit in headerRoom (an upper bound the caller estimates; if it does not, the file is written the usual
 * way from the arena); the gap before the arena is zeros. Kill-safe as the other writes: the temporary
 * file is registered for removal on SIGINT from its creation.
 */
export class MappedOutput {
  private closed = false;
  private constructor(
    private readonly file: string,
    private readonly inputs: readonly string[],
    private readonly tmp: string,
    private readonly fd: number,
    private readonly headerRoom: number,
    private readonly mapper: OutputMapper,
    readonly arena: Arena,
  ) {}

  /**
   * The mapped temporary file of `file` with `capacity` bytes of arena after `headerRoom` (16-aligned;
   * past `window` bytes mapped as overlapping windows — the options exist for tests), or undefined
   * where this cannot be (the file system cannot reserve blocks, or mapping fails): the caller then
   * builds the output in memory. Throws DiskSpaceError when the disk has no room for the header.
   */
  static open(
    file: string,
    inputs: readonly string[],
    mapper: OutputMapper,
    headerRoom: number,
    capacity: number,
    { window = MAX_VIEW_BYTES, stride = WINDOW_STRIDE }: { window?: number; stride?: number } = {},
  ): MappedOutput | undefined {
    assertNotInput(file, inputs);
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const room = pad16(headerRoom);
    const { tmp, fd } = createTemporary(file, 'wx+'); // read-write: a shared writable mapping needs it
    const drop = () => {
      closeSync(fd);
      rmSync(tmp, { force: true });
      pending.delete(tmp);
    };
    try {
      const rc = mapper.reserveFile(fd, 0, room);
      if (rc === ENOSPC) throw new DiskSpaceError(`${file}: the disk is full; nothing was written`);
      if (rc !== 0) {
        drop();
        return undefined;
      }
      ftruncateSync(fd, room + capacity);
      // One mapping up to `window` bytes (Node's largest external buffer); past it, windows of that
      // length every `stride` bytes, as mapFile maps a large input.
      const views: Uint8Array[] = [];
      for (let at = 0; ; at += stride) {
        const n = Math.min(window, capacity - at);
        views.push(mapper.mapOutput(fd, room + at, n));
        if (at + n >= capacity) break;
      }
      return new MappedOutput(file, inputs, tmp, fd, room, mapper, views.length === 1 ? new Arena(views[0]!) : new Arena(views, stride));
    } catch (e) {
      drop();
      if (e instanceof DiskSpaceError) throw e;
      return undefined;
    }
  }

  /** n bytes of the arena, their file blocks reserved (DiskSpaceError when the disk is full), or undefined when the arena is full. */
  alloc(n: number): Uint8Array | undefined {
    const v = this.arena.alloc(n);
    if (!v) return undefined;
    const at = this.headerRoom + this.arena.offsetOf(v) - 4; // with the vector length word before it
    const rc = this.mapper.reserveFile(this.fd, at, n + 4);
    if (rc === ENOSPC) throw new DiskSpaceError(`${this.file}: the disk is full after ${((at + n) / 1e6).toFixed(1)} MB; nothing was written`);
    if (rc !== 0) throw new Error(`${this.file}: cannot reserve ${n} bytes (errno ${rc})`);
    return v;
  }

  /** Lays the model out around the arena and completes the file (atomically renamed over the output); returns its size. */
  async finish(model: Model, opts: WriteTfliteOptions & { written?: (d: Uint8Array) => void; onProgress?: (written: number, total: number) => void } = {}): Promise<number> {
    const layout = layoutTfliteInArena(model, this.arena, opts, this.headerRoom);
    const gap = layout.base - layout.header.byteLength;
    if (layout.base !== this.headerRoom || gap * 16 > layout.size) {
      // The flatbuffer outgrew the room estimated for it, or the zeros left between it and the arena
      // would be over 1/16 of the file (a small model): the usual write, from the mapped arena.
      try {
        return await writeTfliteFile(this.file, model, this.arena, { ...opts, inputs: this.inputs });
      } finally {
        this.abort();
      }
    }
    let done = this.arena.used;
    const progress = (n: number) => opts.onProgress?.((done += n), layout.size);
    try {
      await assertFreeSpace(this.file, layout.header.byteLength + layout.pieces.reduce((n, p) => n + p.data.byteLength, 0));
      await writeRange(this.fd, layout.header, 0, layout.header.byteLength, 0, this.file, progress);
      for (const p of layout.pieces) {
        await writeRange(this.fd, p.data, 0, p.data.byteLength, p.at, this.file, progress);
        opts.written?.(p.data);
      }
      await truncateFd(this.fd, layout.size); // past the arena's used bytes: the zeros after the last piece
      this.closed = true;
      await closeFd(this.fd);
      await rename(this.tmp, this.file);
    } catch (e) {
      this.abort();
      throw e;
    } finally {
      pending.delete(this.tmp);
    }
    return layout.size;
  }

  /** Removes the temporary file (an error before finish, or after the fallback write). */
  abort(): void {
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
    rmSync(this.tmp, { force: true });
    pending.delete(this.tmp);
  }
}

/**
 * Writes a model as a .tflite file: writeTflite's bytes when they fit one flatbuffer (≤ 2 GB), else
 * the same offset-buffer layout written piece by piece (writeTfliteFile), so a model of any size is
 * never gathered into one array. Returns the file's size.
 */
export async function writeModelFile(file: string, model: Model, inputs: readonly string[] = [], onProgress?: (written: number, total: number) => void): Promise<number> {
  // The decision is writeTflite's; 'always' keeps the layout from deciding again by its own estimate.
  if (usesExternalBuffers(model)) return writeTfliteFile(file, model, undefined, { inputs, externalBuffers: 'always', ...(onProgress ? { onProgress } : {}) });
  const bytes = writeTflite(model);
  await writeFileAtomic(file, bytes, inputs);
  return bytes.byteLength;
}
