// What the page and its worker share: the WebAssembly backend registered from the page's own copy of
// liteq.wasm, and image decoding with the browser's decoders (no colour conversion, EXIF orientation
// applied, alpha dropped — what sharp does for the CLI).
import { registerBackend, setHost, type RgbImage } from '@liteq/core';
import { WasmBackend } from '../src/wasm-backend.js';

export async function fetchBytes(url: string | URL): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${String(url)}: HTTP ${r.status} ${r.statusText}`);
  return new Uint8Array(await r.arrayBuffer());
}

export async function decodeRgb(bytes: Uint8Array | Blob, label: string): Promise<RgbImage> {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none', imageOrientation: 'from-image' });
  } catch (e) {
    throw new Error(`${label}: cannot decode image: ${(e as Error).message}`);
  }
  const { width, height } = bitmap;
  const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas context');
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

let registered = false;

/** Registers the wasm backend (once) and a host that reads URLs and decodes with the browser. */
export function setupBrowser(wasmUrl: URL): void {
  if (registered) return;
  registered = true;
  registerBackend('wasm', async () => WasmBackend.create({ bytes: await fetchBytes(wasmUrl) }), 10);
  setHost({ name: 'browser', readFile: (p) => fetchBytes(p), decodeImage: (src, label) => (typeof src === 'string' ? fetchBytes(src).then((b) => decodeRgb(b, label)) : decodeRgb(src, label)) });
}
