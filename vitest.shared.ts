// Shared vitest settings: every package writes a JSON report that scripts/test.mjs sums into the
// closing "N passed, N failed" line.
import path from 'node:path';
import type { ViteUserConfig } from 'vitest/config';

export function sharedTestConfig(name: string, extra: NonNullable<ViteUserConfig['test']> = {}): ViteUserConfig {
  const results = process.env.LITEQ_TEST_RESULTS;
  return {
    test: {
      include: ['src/**/*.test.ts'],
      testTimeout: 120_000,
      reporters: results ? ['default', 'json'] : ['default'],
      ...(results ? { outputFile: { json: path.join(results, `${name}.json`) } } : {}),
      ...extra,
    },
  };
}
