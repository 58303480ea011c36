// The browser page (page/): built to dist/page with relative URLs, so `liteq serve` (or any static
// server) can host it anywhere; scripts/build-page.mjs then copies dist/liteq.wasm beside it.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'page',
  base: './',
  logLevel: 'warn',
  build: { outDir: '../dist/page', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  worker: { format: 'es' },
});
