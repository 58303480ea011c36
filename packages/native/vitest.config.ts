import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

// The addon is loaded in forked processes: a native fault kills one fork, not the test runner.
export default defineConfig(sharedTestConfig('native', { pool: 'forks' }));
