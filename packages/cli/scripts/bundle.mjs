#!/usr/bin/env node
// The CLI as one ES module (dist/main.bundle.js, what bin/liteq.js imports): its modules and commander
// in one file (../../../scripts/bundle-node.mjs). Run after tsc.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNode } from '../../../scripts/bundle-node.mjs';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await bundleNode({ packageDir, entry: 'dist/main.js', outfile: 'dist/main.bundle.js', external: ['@liteq/*', 'sharp'] });
