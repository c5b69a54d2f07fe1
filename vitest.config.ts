import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // Both cores of the 2-core CI machine (vitest's default leaves one idle); no test depends on wall-clock time.
    maxWorkers: 2,
    // Builds dist/ once per run: several tests run the CLI from dist/ (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
  },
});
