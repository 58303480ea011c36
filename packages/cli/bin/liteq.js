#!/usr/bin/env node
// Thin launcher: the CLI is compiled TypeScript in ../dist, bundled into one module (scripts/bundle.mjs).
import { removePendingTemporaryFiles } from '@liteq/core';
import { main } from '../dist/main.bundle.js';

// Ctrl-C or a kill: remove the temporary files of outputs being written (their targets keep their
// previous content, or stay absent), then exit as an interrupted process does.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    removePendingTemporaryFiles();
    process.exit(code);
  });
}

process.exitCode = await main(process.argv.slice(2));
