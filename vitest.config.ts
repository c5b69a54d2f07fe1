import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // Both cores of the 2-core CI machine (vitest's default leaves one idle); no test depends on wall-clock time.
    maxWorkers: 2,
    // Builds dist/ once per run: several tests run the CLI from dist/ (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // A fixed fast-check seed when YUAN_FC_SEED is set (CI); random otherwise.
    setupFiles: ['test/setup-fast-check.ts'],
    // Hang detectors, not budgets: on a busy 2-core machine the tests that spawn the CLI or a browser run many times
    // slower than on an idle one (5 CLI runs took 48 s at a load average of 22), and no test asserts a duration.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
