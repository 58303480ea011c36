#!/usr/bin/env node
// The Node entry as one ES module (dist/node.bundle.js, what `exports.node` points to), flatbuffers
// inside, protobufjs beside it (dist/proto.cjs, loaded on first use); ../../../scripts/bundle-node.mjs.
// Run after tsc.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNode } from '../../../scripts/bundle-node.mjs';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await bundleNode({
  packageDir,
  entry: 'dist/node.js',
  outfile: 'dist/node.bundle.js',
  external: ['sharp', '@liteq/*'],
  // protobufjs and the generated TensorFlow messages load on first use (dist/proto.cjs).
  lazy: { module: 'dist/formats/graphdef/proto.js', outfile: 'dist/proto.cjs' },
});
