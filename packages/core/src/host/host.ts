// What core needs from the platform it runs on, for the API calls that take a path or encoded bytes:
// reading a file and decoding an image. The Node entry installs fs + sharp; the default (browsers,
// workers) reads URLs with fetch and decodes with createImageBitmap on an OffscreenCanvas.
import { InvalidInputError, UnsupportedError } from '../errors.js';
import type { RgbImage } from '../image/rgb.js';

export interface Host {
  /** "node" or "browser": named in errors. */
  name: string;
  /**
   * A file's bytes (a path in Node, a URL in a browser). `map`: a backend's memory mapping (Node's
   * native backend), which the host may use for a large file instead of reading it (no copy).
   */
  readFile(path: string, map?: (path: string) => ArrayBuffer | ArrayBuffer[]): Promise<Uint8Array>;
  /** An image file or encoded bytes to RGB (alpha dropped). `label` names it in errors. */
  decodeImage(src: string | Uint8Array, label: string): Promise<RgbImage>;
  /** The machine's RAM in bytes, where the platform tells (Node: os.totalmem()). */
  totalMemory?(): number;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  if (typeof fetch !== 'function') throw new UnsupportedError(`cannot read ${url}: this platform has no fetch (in Node, import @liteq/core's Node entry)`);
  const r = await fetch(url);
  if (!r.ok) throw new InvalidInputError(`${url}: HTTP ${r.status} ${r.statusText}`);
  return new Uint8Array(await r.arrayBuffer());
}

/**
 * An image file's bytes to RGB with the browser's decoders (createImageBitmap + an OffscreenCanvas):
 * no colour conversion, EXIF orientation applied, alpha dropped — what sharp does in Node.
 */
export async function decodeImageInBrowser(src: Uint8Array | Blob, label: string): Promise<RgbImage> {
  const g = globalThis as unknown as {
    createImageBitmap?: (b: Blob, o?: Record<string, string>) => Promise<{ width: number; height: number; close(): void }>;
    OffscreenCanvas?: new (w: number, h: number) => { getContext(t: '2d', o?: Record<string, boolean>): { drawImage(i: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null };
  };
  if (!g.createImageBitmap || !g.OffscreenCanvas) throw new UnsupportedError(`${label}: this platform cannot decode images (no createImageBitmap/OffscreenCanvas); pass decoded RGB`);
  const blob = src instanceof Uint8Array ? new Blob([src as Uint8Array<ArrayBuffer>]) : src;
  let bitmap;
  try {
    bitmap = await g.createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none', imageOrientation: 'from-image' });
  } catch (e) {
    throw new InvalidInputError(`${label}: cannot decode image: ${(e as Error).message}`);
  }
  const { width, height } = bitmap;
  const ctx = new g.OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new UnsupportedError(`${label}: no 2D canvas context to decode with`);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 3, j += 4) {
    data[i] = rgba[j]!;
    data[i + 1] = rgba[j + 1]!;
    data[i + 2] = rgba[j + 2]!;
  }
  return { data, width, height };
}

const browserHost: Host = {
  name: 'browser',
  readFile: fetchBytes,
  decodeImage: async (src, label) => decodeImageInBrowser(typeof src === 'string' ? await fetchBytes(src) : src, label),
};

let current: Host = browserHost;

/** Installs the platform's host (the Node entry does this on import). */
export function setHost(host: Host): void {
  current = host;
}

export function host(): Host {
  return current;
}
