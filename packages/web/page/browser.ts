// What the page and its worker share: the WebAssembly backend registered from the page's own copy of
// liteq.wasm. Reading URLs and decoding images is core's browser host (fetch; createImageBitmap with
// no colour conversion, EXIF orientation applied, alpha dropped — what sharp does for the CLI).
import { registerBackend } from '@liteq/core';
import { loadWasmBytes, WasmBackend } from '../src/wasm-backend.js';

let registered = false;

/** Registers the wasm backend (once), loading the module from `wasmUrl`. */
export function setupBrowser(wasmUrl: URL): void {
  if (registered) return;
  registered = true;
  registerBackend('wasm', async () => WasmBackend.create({ bytes: await loadWasmBytes(wasmUrl) }), 10);
}
