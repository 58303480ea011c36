#!/usr/bin/env node
// Builds the page with Vite into dist/page and puts liteq.wasm beside it (the page fetches ./liteq.wasm).
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { build } = await import('vite');
await build({ root: path.join(web, 'page'), configFile: path.join(web, 'vite.config.ts') });
const wasm = path.join(web, 'dist', 'liteq.wasm');
if (existsSync(wasm)) copyFileSync(wasm, path.join(web, 'dist', 'page', 'liteq.wasm'));
else console.warn('@liteq/web: dist/liteq.wasm is missing: the page will not find its backend');
