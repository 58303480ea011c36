#!/usr/bin/env node
// npm pack/publish: copy the C++ core (native/: CMakeLists, cmake/, include/, src/) into cpp/ so that
// the tarball builds the addon on install without the repository; `clean` removes the copy again.
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const native = path.resolve(pkg, '..', '..', 'native');
const cpp = path.join(pkg, 'cpp');

rmSync(cpp, { recursive: true, force: true });
if (process.argv[2] === 'copy') {
  if (!existsSync(path.join(native, 'CMakeLists.txt'))) throw new Error(`pack-sources: no C++ core at ${native}`);
  for (const part of ['CMakeLists.txt', 'cmake', 'include', 'src']) cpSync(path.join(native, part), path.join(cpp, part), { recursive: true });
}
