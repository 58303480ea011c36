// What the page and its worker share: the WebAssembly backend registered from the page's own copy of
// liteq.wasm, and image decoding with the browser's decoders (core's decodeImageInBrowser: no colour
// conversion, EXIF orientation applied, alpha dropped — what sharp does for the CLI).
import { decodeImageInBrowser, registerBackend, setHost, type RgbImage } from '@liteq/core';
import { WasmBackend } from '../src/wasm-backend.js';

export async function fetchBytes(url: string | URL): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${String(url)}: HTTP ${r.status} ${r.statusText}`);
  return new Uint8Array(await r.arrayBuffer());
}

/** An image file's bytes to RGB with the browser's decoders (core's decodeImageInBrowser). */
export const decodeRgb = (bytes: Uint8Array | Blob, label: string): Promise<RgbImage> => decodeImageInBrowser(bytes, label);

let registered = false;

/** Registers the wasm backend (once) and a host that reads URLs and decodes with the browser. */
export function setupBrowser(wasmUrl: URL): void {
  if (registered) return;
  registered = true;
  registerBackend('wasm', async () => WasmBackend.create({ bytes: await fetchBytes(wasmUrl) }), 10);
  setHost({ name: 'browser', readFile: (p) => fetchBytes(p), decodeImage: (src, label) => (typeof src === 'string' ? fetchBytes(src).then((b) => decodeRgb(b, label)) : decodeRgb(src, label)) });
}
