#!/usr/bin/env node
// `npm run bench:browser`: liteq's WASM backend against LiteRT.js inside one Chromium page (Debian's
// chromium via playwright-core), SSD MobileNet v2 uint8 on kite_and_cold, one thread each, runs
// interleaved. Prints the medians and the ratio (reported, not asserted).
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const SHARED = process.env.LITEQ_SHARED ?? path.resolve(ROOT, '..', 'shared');
const require = createRequire(import.meta.url);
const litertWasm = path.join(path.dirname(require.resolve('@litertjs/core')), '..', 'wasm');
const out = path.join(HERE, 'browser', 'dist');

await build({ root: path.join(HERE, 'browser'), base: '/', logLevel: 'warn', build: { outDir: out, emptyOutDir: true, target: 'es2022' } });

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const routes = [
  ['/files/', SHARED],
  ['/litert-wasm/', litertWasm],
  ['/liteq.wasm', path.join(ROOT, 'packages/web/dist/liteq.wasm')],
  ['/', out],
];
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const [prefix, dir] = routes.find(([p]) => url.pathname.startsWith(p));
  const rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
  const file = prefix === '/liteq.wasm' ? dir : path.join(dir, rel);
  if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/?model=/files/models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite&input=/files/data/raw_300x300/kite_and_cold.rgb&runs=${process.env.LITEQ_BENCH_QUICK ? 7 : 21}`);
  await page.waitForSelector('#bench:not([hidden])', { timeout: 600_000 });
  const r = JSON.parse(await page.textContent('#bench'));
  if (r.error) throw new Error(r.error);
  const w = r.medianMs['liteq-wasm'];
  const l = r.medianMs['LiteRT.js'];
  console.log(`Chromium: ${r.userAgent}`);
  console.log(`SSD MobileNet v2 uint8, 1 thread, ${r.runs} runs each, interleaved in one page:`);
  console.log(`  liteq-wasm  ${w.toFixed(1)} ms`);
  console.log(`  LiteRT.js   ${l.toFixed(1)} ms`);
  console.log(`  liteq-wasm / LiteRT.js = ${(w / l).toFixed(2)}× (reported, not asserted)`);
} finally {
  await browser.close();
  server.close();
}
