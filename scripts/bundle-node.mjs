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
    banner: { js: "import { createRequire as __liteqCreateRequire } from 'node:module'; const require = __liteqCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}
