#!/usr/bin/env node
// The CLI as one ES module (dist/main.bundle.js, what bin/liteq.js imports): its ~20 modules and
// commander in one file, so every `liteq` command starts faster (it counts in `npm run bench:large`'s
// whole-process throughput). liteq's own packages and sharp stay imports. commander reaches Node's
// built-ins through `require`, which an ES module lacks: the banner provides it. Run after tsc.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [path.join(cli, 'dist/main.js')],
  outfile: path.join(cli, 'dist/main.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@liteq/*', 'sharp'],
  banner: { js: "import { createRequire as __liteqCreateRequire } from 'node:module'; const require = __liteqCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
