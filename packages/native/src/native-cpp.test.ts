import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// The C++ unit tests of native/ (built beside the addon with LITEQ_BUILD_TESTS=ON) run here so that
// one runner reports every test.
const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'liteq_native');

it('native/ C++ unit tests pass', () => {
  const r = spawnSync(path.join(buildDir, 'liteq_native_test'), { encoding: 'utf8' });
  expect(r.error).toBeUndefined();
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  expect(r.status).toBe(0);
});
