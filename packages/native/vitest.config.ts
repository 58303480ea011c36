import { defineConfig } from 'vitest/config';

// The addon is loaded in forked processes: a native fault kills one fork, not the test runner.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 120_000,
  },
});
