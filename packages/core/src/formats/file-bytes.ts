// A file larger than one typed array can hold (Node 20: 4 GiB). It is held as one ArrayBuffer (which
// can be larger: a file read into memory) or as windows of it (a memory-mapped file: Node makes no
// external ArrayBuffer past 4 GiB, so the file is mapped as windows of 4 GiB starting every 1 GiB, and
// any part of up to 3 GiB lies wholly inside one). `LargeFile` is the Uint8Array over the file's first
// bytes (a TFLite flatbuffer is < 2 GB by its own format) that also knows the whole file: readers take
// the tensor data past the head (Buffer.offset/size) with `filePart`. Code that treats it as a plain
// Uint8Array sees the head, never more, so nothing reads past a view it was given.

/** Bytes the head view of a LargeFile holds: every flatbuffer fits (its offsets are 31-bit). */
export const HEAD_BYTES = 2 ** 31;
/** Largest typed array made here: Node 20's buffer.constants.MAX_LENGTH (4 GiB). */
export const MAX_VIEW_BYTES = 2 ** 32;
/** Where window i of a file held as windows starts: i × WINDOW_STRIDE (each window is up to MAX_VIEW_BYTES long). */
export const WINDOW_STRIDE = 2 ** 30;

export class LargeFile extends Uint8Array {
  // Derived arrays (subarray, slice, map) are plain Uint8Arrays of the head.
  static get [Symbol.species](): Uint8ArrayConstructor {
    return Uint8Array;
  }

  /** The whole file's size in bytes. */
  readonly fileLength: number;
  /** The file as windows: window i holds the bytes from i × stride on. */
  private readonly windows: readonly ArrayBuffer[];
  /** WINDOW_STRIDE for a mapped file's windows; 0 for one ArrayBuffer holding it all. */
  private readonly stride: number;

  /** One ArrayBuffer holding the whole file, or windows of it every WINDOW_STRIDE bytes. */
  constructor(file: ArrayBuffer | readonly ArrayBuffer[]) {
    const windows = Array.isArray(file) ? (file as readonly ArrayBuffer[]) : [file as ArrayBuffer];
    super(windows[0]!, 0, Math.min(windows[0]!.byteLength, HEAD_BYTES));
    this.windows = windows;
    this.stride = windows.length > 1 ? WINDOW_STRIDE : 0;
    this.fileLength = (windows.length - 1) * this.stride + windows[windows.length - 1]!.byteLength;
  }

  /** `length` bytes at `offset` (inside the file); a RangeError when no single window holds them. */
  part(offset: number, length: number): Uint8Array {
    const i = this.stride ? Math.min(this.windows.length - 1, Math.floor(offset / this.stride)) : 0;
    const start = i * this.stride;
    const w = this.windows[i]!;
    if (length > MAX_VIEW_BYTES || offset + length > start + w.byteLength) {
      throw new RangeError(`${length} bytes at offset ${offset} are more than one array can hold here (${MAX_VIEW_BYTES} bytes, parts of a mapped file up to ${MAX_VIEW_BYTES - WINDOW_STRIDE})`);
    }
    return new Uint8Array(w, offset - start, length);
  }
}

/**
 * The bytes of a file held in `file` (one ArrayBuffer, or windows every WINDOW_STRIDE bytes): a plain
 * Uint8Array when one view holds it, else a LargeFile.
 */
export function fileBytes(file: ArrayBuffer | readonly ArrayBuffer[]): Uint8Array {
  if (Array.isArray(file)) return file.length === 1 ? fileBytes(file[0] as ArrayBuffer) : new LargeFile(file);
  const one = file as ArrayBuffer;
  return one.byteLength <= MAX_VIEW_BYTES ? new Uint8Array(one) : new LargeFile(one);
}

/** The size of the file `bytes` views (a LargeFile's whole file, else the view's length). */
export function fileLength(bytes: Uint8Array): number {
  return bytes instanceof LargeFile ? bytes.fileLength : bytes.byteLength;
}

/**
 * `length` bytes at `offset` of the file `bytes` views; the caller has checked offset + length against
 * fileLength(bytes). A part larger than one view can be is a RangeError naming the sizes.
 */
export function filePart(bytes: Uint8Array, offset: number, length: number): Uint8Array {
  if (bytes instanceof LargeFile) return bytes.part(offset, length);
  if (length > MAX_VIEW_BYTES) throw new RangeError(`a part of ${length} bytes is larger than one array can hold here (${MAX_VIEW_BYTES} bytes)`);
  return bytes.subarray(offset, offset + length);
}
