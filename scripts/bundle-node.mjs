// One ES module for Node from a package's compiled entry (core's dist/node.js, the CLI's dist/main.js):
// Node then loads one file instead of dozens, which counts in every `liteq` command's start-up and in
// `npm run bench:large`'s whole-process throughput. Pure-JS dependencies go inside; `external` (sharp,
// which is native, and liteq's own packages) stay imports. Bundled CommonJS dependencies (protobufjs,
// commander) reach Node's built-ins and optional modules through `require`, which an ES module lacks:
// the banner provides it.
import { build } from 'esbuild';
import path from 'node:path';

/**
 * `lazy: { module, outfile }`: the compiled module `module` (a path in the package) and what it imports
 * go to their own CommonJS file `outfile` beside the bundle, and the bundle gets, in its place, a
 * module whose exported functions require that file on first call (every export of `module` must be a
 * function; core's formats/graphdef/proto.js, the protobuf runtime and TensorFlow's messages).
 */
function lazyPlugin(packageDir, lazy, exportNames) {
  const target = path.join(packageDir, lazy.module);
  const file = `./${path.basename(lazy.outfile)}`;
  return {
    name: 'lazy-module',
    setup(b) {
      b.onResolve({ filter: /\.js$/ }, (a) => (a.kind === 'import-statement' && path.resolve(a.resolveDir, a.path) === target ? { path: target, namespace: 'lazy' } : undefined));
      b.onResolve({ filter: /.*/, namespace: 'lazy' }, (a) => ({ path: a.path, external: true })); // the file beside the bundle
      b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
        contents: `let m;\nconst load = () => (m ??= require(${JSON.stringify(file)}));\n` + exportNames.map((n) => `export function ${n}(...a) { return load().${n}(...a); }\n`).join(''),
        loader: 'js',
      }));
    },
  };
}

export async function bundleNode({ packageDir, entry, outfile, external, lazy }) {
  const plugins = [];
  if (lazy) {
    // The lazy part first, as CommonJS; its exports' names come from an ES module build of it (which a
    // CommonJS output's metafile does not list).
    const common = { entryPoints: [path.join(packageDir, lazy.module)], bundle: true, platform: 'node', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' };
    const esm = await build({ ...common, format: 'esm', write: false, outdir: path.join(packageDir, 'dist'), metafile: true });
    const exportNames = Object.values(esm.metafile.outputs).find((o) => o.entryPoint)?.exports ?? [];
    if (exportNames.length === 0) throw new Error(`${lazy.module}: no exports to load lazily`);
    await build({ ...common, format: 'cjs', outfile: path.join(packageDir, lazy.outfile), minifyWhitespace: true });
    plugins.push(lazyPlugin(packageDir, lazy, exportNames));
  }
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
    plugins,
    banner: { js: "import { createRequire as __liteqCreateRequire } from 'node:module'; const require = __liteqCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}
