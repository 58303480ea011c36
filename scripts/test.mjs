#!/usr/bin/env node
// `npm test`: builds and tests every package through turbo (one at a time: the machine has 2 cores
// and the end-to-end tests run the real TFLite runtime), then prints one closing line over all of
// them from the vitest JSON reports: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The acceptance tests read the shared models and data beside the repository: without them the run
// fails here, loudly, instead of any test skipping.
const shared = process.env.LITEQ_SHARED ?? path.resolve(root, '..', 'shared');
for (const need of ['models/tflite', 'models/graphdef', 'models/tfjs', 'data', 'reference']) {
  if (!existsSync(path.join(shared, need))) {
    console.error(`npm test: ${path.join(shared, need)} is missing: the tests need ../shared (models, data, reference outputs) beside the repository`);
    console.log('0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
}
const resultsDir = path.join(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const turbo = spawnSync('npx', ['turbo', 'run', 'test', '--concurrency=1', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', LITEQ_TEST_RESULTS: resultsDir },
});

let passed = 0;
let failed = 0;
let skipped = 0;
const files = existsSync(resultsDir) ? readdirSync(resultsDir).filter((f) => f.endsWith('.json')) : [];
for (const f of files) {
  const r = JSON.parse(readFileSync(path.join(resultsDir, f), 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`${path.basename(f, '.json')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
const status = turbo.status ?? 1;
if (status !== 0 && failed === 0) failed = 1; // a build or runner failure is a failure even with no test counted
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
