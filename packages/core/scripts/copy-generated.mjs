#!/usr/bin/env node
// tsc does not emit checked-in generated .js/.d.ts pairs (the protobufjs static code and the
// descriptor); copy them into dist beside the compiled readers that import them.
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const core = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirs = ['formats/graphdef/generated'];
for (const d of dirs) {
  const from = path.join(core, 'src', d);
  const to = path.join(core, 'dist', d);
  for (const f of readdirSync(from)) {
    if (f.endsWith('.js') || f.endsWith('.d.ts')) cpSync(path.join(from, f), path.join(to, f));
  }
}
