#!/usr/bin/env node
// The Node entry as one ES module (dist/node.bundle.js, what `exports.node` points to): Node loads one
// file instead of ~340 (CLI start-up 0.40 → ~0.15 s, which counts in every `liteq` command and in
// `npm run bench:large`'s whole-process throughput). npm dependencies stay imports. Run after tsc.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const core = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [path.join(core, 'dist/node.js')],
  outfile: path.join(core, 'dist/node.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Pure-JS dependencies go inside (protobufjs alone is ~40 files Node would resolve and load one by
  // one); sharp (native) and liteq's own packages stay imports. protobufjs looks optional modules
  // ("long") up through `require`, which an ES module lacks: the banner provides it.
  external: ['sharp', '@liteq/*'],
  banner: { js: "import { createRequire as __liteqCreateRequire } from 'node:module'; const require = __liteqCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
