// One ES module for Node from a package's compiled entry (core's dist/node.js, the CLI's dist/main.js):
// Node then loads one file instead of dozens, which counts in every `liteq` command's start-up and in
// `npm run bench:large`'s whole-process throughput. Pure-JS dependencies go inside; `external` (sharp,
// which is native, and liteq's own packages) stay imports. Bundled CommonJS dependencies (protobufjs,
// commander) reach Node's built-ins and optional modules through `require`, which an ES module lacks:
// the banner provides it.
import { build } from 'esbuild';
import path from 'node:path';

export async function bundleNode({ packageDir, entry, outfile, external }) {
  await build({
    entryPoints: [path.join(packageDir, entry)],
    outfile: path.join(packageDir, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // The ES module builds of dependencies that have one (flatbuffers): no CommonJS wrapper to convert
    // at every import site (174 of them for the generated schema code), ~10 ms of every start-up.
    mainFields: ['module', 'main'],
    // Comments and indentation out (source map linked): ~6 ms less to read and parse per start-up.
    minifyWhitespace: true,
    banner: { js: "import { createRequire as __liteqCreateRequire } from 'node:module'; const require = __liteqCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}
