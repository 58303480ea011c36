#!/usr/bin/env node
// Builds native/ to WebAssembly (wasm32-wasi + SIMD128) with Debian's clang, lld, wasi-libc and
// libc++ for wasm32, through CMake and native/cmake/wasm32-wasi.cmake:
//   build/wasm/liteq.wasm                 the backend module, copied to dist/liteq.wasm (shipped)
//   build/wasm/liteq_native_test.wasm     the native kernel tests as a WASI command (run by the tests)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const native = path.resolve(web, '..', '..', 'native');
const build = path.join(web, 'build', 'wasm');
const PACKAGES = 'clang-14 lld-14 wasi-libc libc++-14-dev-wasm32 libc++abi-14-dev-wasm32 libclang-rt-14-dev-wasm32';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.error || r.status !== 0) {
    console.error(`@liteq/web: ${cmd} ${args.join(' ')} failed${r.error ? `: ${r.error.message}` : ''}.\n` +
      `The WebAssembly build needs cmake and, on Debian, the packages: ${PACKAGES}`);
    process.exit(1);
  }
}

// Outside CI a machine without the toolchain still builds the rest of the repository: the WASM
// backend then reports that liteq.wasm is missing and how to build it. CI must build it.
const clang = spawnSync('clang++-14', ['--version']);
if (clang.error && process.env.CI !== 'true') {
  console.warn(`@liteq/web: clang++-14 not found: the WebAssembly backend is not built (install: apt-get install ${PACKAGES})`);
  process.exit(0);
}

run('cmake', ['-S', native, '-B', build, `-DCMAKE_TOOLCHAIN_FILE=${path.join(native, 'cmake', 'wasm32-wasi.cmake')}`, '-DCMAKE_BUILD_TYPE=Release', '-DLITEQ_BUILD_TESTS=ON', '-Wno-dev']);
run('cmake', ['--build', build, '-j', '2']);
mkdirSync(path.join(web, 'dist'), { recursive: true });
copyFileSync(path.join(build, 'liteq.wasm'), path.join(web, 'dist', 'liteq.wasm'));
console.log(`@liteq/web: built ${path.relative(process.cwd(), path.join(web, 'dist', 'liteq.wasm'))}`);
