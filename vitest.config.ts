import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Corpus and CLI tests spawn processes and read hundreds of files.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
