#!/usr/bin/env node
// `npm install @liteq/native`: builds the addon from the shipped C++ sources (cpp/) with cmake-js when
// a toolchain is present. It never fails the install: without cmake or a C++17 compiler the reason is
// kept in build/install-error.txt, @liteq/core falls back to the WebAssembly backend (@liteq/web),
// and the first use says once, on stderr, why native is not used and how to get it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const errorFile = path.join(pkg, 'build', 'install-error.txt');

// In the repository the workspace build (npm run build) compiles the addon with the tests.
if (!existsSync(path.join(pkg, 'cpp', 'CMakeLists.txt'))) process.exit(0);

rmSync(errorFile, { force: true });
let cmakeJs;
try {
  cmakeJs = createRequire(import.meta.url).resolve('cmake-js/bin/cmake-js');
} catch (e) {
  fail(`cmake-js is not installed (${e.message})`);
}
const r = spawnSync(process.execPath, [cmakeJs, 'compile', '--out', 'build', '--CDCMAKE_BUILD_TYPE=Release'], { cwd: pkg, encoding: 'utf8' });
if (r.error || r.status !== 0) {
  const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-12).join('\n');
  fail(`the build failed (${r.error ? r.error.message : `exit ${r.status}`}; it needs cmake ≥ 3.16 and a C++17 compiler):\n${tail}`);
}
console.log('@liteq/native: built the native addon');

function fail(reason) {
  mkdirSync(path.dirname(errorFile), { recursive: true });
  writeFileSync(errorFile, `${reason}\n`);
  console.warn(`@liteq/native: the native addon was not built, the WebAssembly backend will serve instead. ${reason.split('\n')[0]}`);
  process.exit(0);
}
