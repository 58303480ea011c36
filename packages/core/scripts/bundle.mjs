#!/usr/bin/env node
// The Node entry as one ES module (dist/node.bundle.js, what `exports.node` points to), protobufjs and
// flatbuffers inside (../../../scripts/bundle-node.mjs). Run after tsc.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNode } from '../../../scripts/bundle-node.mjs';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await bundleNode({ packageDir, entry: 'dist/node.js', outfile: 'dist/node.bundle.js', external: ['sharp', '@liteq/*'] });
