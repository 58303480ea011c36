// Output files: written to a temporary name beside the target and renamed, so a crash or a full disk
// never leaves a half-written file under the real name; and never over one of the command's inputs.
import { randomBytes } from 'node:crypto';
import { close, ftruncate, openSync, realpathSync, rmSync, write } from 'node:fs';
import { mkdir, rename, rm, statfs } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { DiskSpaceError, InvalidInputError } from '../errors.js';
import { type Arena, layoutTfliteInArena } from '../formats/tflite/arena-writer.js';
import { usesExternalBuffers, writeTflite, type WriteTfliteOptions } from '../formats/tflite/writer.js';
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

const temporaryName = (file: string): string => path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * Creates the temporary file of an output and registers it for removal on SIGINT in one synchronous
 * step: a signal handler runs between JS turns, so it either sees no file or a registered one (an
 * asynchronous open could create the file after the handler has looked).
 */
function createTemporary(file: string): { tmp: string; fd: number } {
  const tmp = temporaryName(file);
  const fd = openSync(tmp, 'wx');
  pending.add(tmp);
  return { tmp, fd };
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
