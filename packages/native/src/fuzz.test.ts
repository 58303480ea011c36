// The native core under AddressSanitizer + UndefinedBehaviorSanitizer and libFuzzer, with a bounded
// budget per harness (LITEQ_FUZZ_SECONDS, default 60; `npm run fuzz` runs long). Built with clang-14
// (.ci/run installs clang-14 and libclang-rt-14-dev): a machine without them fails here, it does not
// skip. Every past finding is a file under native/fuzz/regressions/ replayed first.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script shared with `npm run fuzz`
import { buildFuzz, fuzzHarness, harnesses, replayRegressions, runSanitizedTests } from '../scripts/fuzz.mjs';

const SECONDS = Number(process.env.LITEQ_FUZZ_SECONDS ?? 60);
const names: string[] = harnesses();

describe('native core under sanitizers and libFuzzer', () => {
  it('builds with clang-14, ASan + UBSan and the libFuzzer harnesses', async () => {
    expect(names).toEqual(['plan_fuzz', 'quantize_fuzz']);
    await buildFuzz();
  }, 900_000);

  it('passes the C++ unit tests under ASan + UBSan', async () => {
    const r = await runSanitizedTests();
    expect(r.output).not.toMatch(/runtime error|AddressSanitizer|LeakSanitizer/);
    expect(r.output).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.status).toBe(0);
  }, 300_000);

  for (const h of names) {
    it(`${h}: every kept reproducer passes, then ${SECONDS} s of fuzzing finds nothing`, async () => {
      const rep = await replayRegressions(h);
      expect(rep.output).not.toMatch(/runtime error|AddressSanitizer|deadly signal/);
      expect(rep.status).toBe(0);
      if (h === 'plan_fuzz') expect(rep.files).toBeGreaterThanOrEqual(10);
      const f = await fuzzHarness(h, SECONDS);
      const tail = f.output.split('\n').filter((l: string) => !l.startsWith('#')).slice(-30).join('\n');
      expect(f.findings, tail).toEqual([]);
      expect(f.status, tail).toBe(0);
      expect(f.runs).toBeGreaterThan(1000);
    }, (SECONDS + 240) * 1000);
  }
});
