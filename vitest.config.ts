import { defineConfig } from 'vitest/config';

/**
 * Many tests run the built command line, npm or tsc as child processes. On a busy machine (CI
 * runners, or several test runs sharing two cores) one run can take well over vitest's default
 * of 5 s, so a test fails for want of time and not for a fault. These limits only stop a hang;
 * no test asserts a time (benchmarks are in test/bench/).
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
