#!/usr/bin/env node
// Regenerates src/formats/graphdef/generated/ from the TF 2.9 protos in ../shared (or $LITEQ_SHARED).
// Outputs (each with the generator version and exact command in its header):
//   graph-pb.js / graph-pb.d.ts  — protobufjs static decoder/encoder (pbjs -t static-module -w es6, pbts)
//   descriptor.js / descriptor.d.ts — the same protos as a pbjs JSON descriptor, for the text-format
//                                     parser's reflection (field names, types, enums).
// Run: npm run gen:proto -w @liteq/core
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const core = path.resolve(here, '..');
const shared = process.env.LITEQ_SHARED ?? path.resolve(core, '../../../shared');
const protoDir = path.join(shared, 'schemas/tensorflow/core/framework');
const outDir = path.join(core, 'src/formats/graphdef/generated');
mkdirSync(outDir, { recursive: true });

const require = createRequire(import.meta.url);
const cliPkg = require('protobufjs-cli/package.json');
const pbPkg = require('protobufjs/package.json');
const bin = (name) => path.join(path.dirname(require.resolve('protobufjs-cli/package.json')), 'bin', name);

// graph.proto imports everything GraphDef reaches (node_def, function, versions → attr_value, tensor, ...).
const protos = ['-p', '.', 'tensorflow/core/framework/graph.proto'];
const protoRoot = path.resolve(protoDir, '../../..');

function run(args, label) {
  const out = execFileSync(process.execPath, [bin(label), ...args], { cwd: protoRoot, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
  return out;
}

function header(cmd) {
  return [
    '// GENERATED FILE — do not edit. Regenerate with packages/core/scripts/gen-proto.mjs.',
    `// Generator: protobufjs-cli ${cliPkg.version} (runtime protobufjs ${pbPkg.version})`,
    `// Command (cwd = shared/schemas): ${cmd}`,
    '// Source: TensorFlow 2.9 tensorflow/core/framework/*.proto (Apache-2.0).',
    '',
  ].join('\n');
}

// 1. Static module. No verify/delimited/create: we only decode (and encode, for test fixtures), and
//    fromObject is used by the TF.js reader to normalise the JSON GraphDef.
const staticArgs = ['-t', 'static-module', '-w', 'es6', '--no-verify', '--no-delimited', '--no-create', '--no-typeurl', '--no-service', '-r', 'liteq_graphdef', ...protos];
let js = run(staticArgs, 'pbjs');
// Node ESM cannot see protobufjs/minimal's properties as named exports (it assigns them through an
// alias cjs-module-lexer does not follow), and NodeNext needs the file extension: use the default import.
js = js.replace('import * as $protobuf from "protobufjs/minimal";', 'import $protobuf from "protobufjs/minimal.js";');
if (!js.includes('import $protobuf from "protobufjs/minimal.js";')) throw new Error('gen-proto: unexpected pbjs import line');
writeFileSync(path.join(outDir, 'graph-pb.js'), header(`pbjs ${staticArgs.join(' ')} (import line rewritten to a default import of protobufjs/minimal.js)`) + js);

const dtsArgs = ['-o', path.join(outDir, 'graph-pb.d.ts'), '--no-comments', path.join(outDir, 'graph-pb.js')];
run(dtsArgs, 'pbts');
let dts = readFileSync(path.join(outDir, 'graph-pb.d.ts'), 'utf8');
dts = dts.replace('import * as $protobuf from "protobufjs";', 'import $protobuf from "protobufjs";');
writeFileSync(path.join(outDir, 'graph-pb.d.ts'), header(`pbts --no-comments graph-pb.js`) + dts);

// 2. JSON descriptor, keep-case so the text-format parser sees the .proto field names
//    (it camel-cases them itself to match the static classes' property names).
const jsonArgs = ['-t', 'json', '--keep-case', ...protos];
const json = JSON.parse(run(jsonArgs, 'pbjs'));
writeFileSync(
  path.join(outDir, 'descriptor.js'),
  header(`pbjs ${jsonArgs.join(' ')} (wrapped as an ES module)`) + `export default ${JSON.stringify(json)};\n`,
);
writeFileSync(
  path.join(outDir, 'descriptor.d.ts'),
  header('hand-written type for descriptor.js') + 'import type { INamespace } from "protobufjs";\ndeclare const descriptor: INamespace;\nexport default descriptor;\n',
);
console.log(`gen-proto: wrote ${outDir}`);
