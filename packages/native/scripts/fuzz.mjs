#!/usr/bin/env node
// The native core under sanitizers and libFuzzer (`npm run fuzz`; CI runs a bounded budget through
// packages/native/src/fuzz.test.ts):
//   1. builds native/ with clang-14, AddressSanitizer + UndefinedBehaviorSanitizer and the libFuzzer
//      harnesses of native/fuzz/ (LITEQ_BUILD_FUZZ=ON) into packages/native/build-fuzz/;
//   2. runs the C++ unit tests in that build;
//   3. replays every kept reproducer (native/fuzz/regressions/<harness>/), each a past finding;
//   4. fuzzes each harness for --seconds (default 600) from its corpus (build-fuzz/corpus/<harness>,
//      kept between runs) and the reproducers.
// A finding stops the run with exit 1 and names the file libFuzzer wrote (build-fuzz/findings/):
// fix the bug, then keep the file under native/fuzz/regressions/<harness>/.
//
//   node packages/native/scripts/fuzz.mjs [--seconds N] [--harness plan_fuzz]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const NATIVE_DIR = path.resolve(here, '..', '..', '..', 'native');
export const BUILD_DIR = path.resolve(here, '..', 'build-fuzz');
export const REGRESSIONS_DIR = path.join(NATIVE_DIR, 'fuzz', 'regressions');

/** Harness names (native/fuzz/<name>.cc). */
export function harnesses() {
  return readdirSync(path.join(NATIVE_DIR, 'fuzz'))
    .filter((f) => f.endsWith('_fuzz.cc'))
    .map((f) => f.slice(0, -3))
    .sort();
}

// Asynchronous, so a test runner's event loop stays free during minutes of building and fuzzing.
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const keep = (s, chunk) => (s + chunk).slice(-(8 << 20));
    child.stdout.on('data', (c) => (stdout = keep(stdout, c)));
    child.stderr.on('data', (c) => (stderr = keep(stderr, c)));
    child.on('error', (e) => reject(new Error(`${cmd}: ${e.message}`)));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Configures and builds the sanitizer + fuzzer build; throws with the compiler's output on failure. */
export async function buildFuzz() {
  for (const tool of ['clang-14', 'clang++-14', 'cmake']) {
    if ((await run('sh', ['-c', `command -v ${tool}`])).status !== 0) throw new Error(`${tool} is not installed (Debian: clang-14 libclang-rt-14-dev cmake)`);
  }
  mkdirSync(BUILD_DIR, { recursive: true });
  const configure = await run('cmake', ['-S', NATIVE_DIR, '-B', BUILD_DIR, '-DCMAKE_BUILD_TYPE=RelWithDebInfo', '-DLITEQ_BUILD_FUZZ=ON', '-DLITEQ_BUILD_TESTS=ON', '-DCMAKE_C_COMPILER=clang-14', '-DCMAKE_CXX_COMPILER=clang++-14']);
  if (configure.status !== 0) throw new Error(`cmake configure failed:\n${configure.stdout}${configure.stderr}`);
  const build = await run('cmake', ['--build', BUILD_DIR, '-j', '2']);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout.slice(-20000)}${build.stderr.slice(-20000)}`);
}

const SANITIZER_ENV = {
  ...process.env,
  ASAN_OPTIONS: 'detect_leaks=1:abort_on_error=1:allocator_may_return_null=1',
  UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1',
};

/** The C++ unit tests under ASan + UBSan: { status, output }. */
export async function runSanitizedTests() {
  const r = await run(path.join(BUILD_DIR, 'liteq_native_test'), [], { env: SANITIZER_ENV });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** Replays a harness's kept reproducers: { files, status, output }. */
export async function replayRegressions(harness) {
  const dir = path.join(REGRESSIONS_DIR, harness.replace(/_fuzz$/, ''));
  const files = existsSync(dir) ? readdirSync(dir).map((f) => path.join(dir, f)) : [];
  if (files.length === 0) return { files: 0, status: 0, output: '' };
  const r = await run(path.join(BUILD_DIR, harness), files, { env: SANITIZER_ENV });
  return { files: files.length, status: r.status, output: r.stdout + r.stderr };
}

/**
 * Fuzzes one harness for `seconds`: { status, runs, output, findings } (findings: files libFuzzer
 * wrote for crashes, leaks, timeouts or out-of-memory inputs).
 */
export async function fuzzHarness(harness, seconds, { corpus = path.join(BUILD_DIR, 'corpus', harness) } = {}) {
  const findingsDir = path.join(BUILD_DIR, 'findings', harness);
  mkdirSync(corpus, { recursive: true });
  mkdirSync(findingsDir, { recursive: true });
  const before = new Set(readdirSync(findingsDir));
  const seeds = path.join(REGRESSIONS_DIR, harness.replace(/_fuzz$/, ''));
  const r = await run(
    path.join(BUILD_DIR, harness),
    [corpus, ...(existsSync(seeds) ? [seeds] : []), `-max_total_time=${seconds}`, '-timeout=10', '-rss_limit_mb=2048', '-print_final_stats=1', `-artifact_prefix=${findingsDir}/`],
    { env: SANITIZER_ENV },
  );
  const output = r.stdout + r.stderr;
  const runs = Number(/stat::number_of_executed_units:\s*(\d+)/.exec(output)?.[1] ?? 0);
  const findings = readdirSync(findingsDir).filter((f) => !before.has(f)).map((f) => path.join(findingsDir, f));
  return { status: r.status, runs, output, findings };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const seconds = Number(arg('--seconds', '600'));
  const only = arg('--harness', undefined);
  console.log(`building ${path.relative(process.cwd(), BUILD_DIR)} (clang-14, ASan + UBSan, libFuzzer)...`);
  await buildFuzz();
  const tests = await runSanitizedTests();
  console.log(`C++ unit tests under ASan + UBSan: ${tests.status === 0 ? tests.output.trim().split('\n').pop() : 'FAILED'}`);
  if (tests.status !== 0) {
    console.error(tests.output);
    process.exit(1);
  }
  let failed = false;
  for (const h of harnesses().filter((x) => !only || x === only)) {
    const rep = await replayRegressions(h);
    console.log(`${h}: ${rep.files} kept reproducer(s) ${rep.status === 0 ? 'pass' : 'FAIL'}`);
    if (rep.status !== 0) {
      console.error(rep.output);
      failed = true;
      continue;
    }
    console.log(`${h}: fuzzing for ${seconds} s...`);
    const f = await fuzzHarness(h, seconds);
    console.log(`${h}: ${f.runs} runs, ${f.findings.length} finding(s)${f.findings.map((x) => `\n  ${x}`).join('')}`);
    if (f.status !== 0 || f.findings.length) {
      console.error(f.output.split('\n').filter((l) => !l.startsWith('#')).slice(-40).join('\n'));
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
}
