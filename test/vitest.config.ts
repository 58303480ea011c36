import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../vitest.shared.js';

// End-to-end tests load the real TFLite runtime (a native binding) and @liteq/native: forks isolate them.
export default defineConfig(sharedTestConfig('e2e', { pool: 'forks', testTimeout: 300_000 }));
