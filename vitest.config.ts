import { defineConfig } from 'vitest/config';
import { preactCompatAliases } from './extension/build/preact-compat.ts';

// One run, three kinds of test: fast unit tests in Node, component tests in a DOM (happy-dom),
// and end-to-end tests in a real Chromium with the real build (test/e2e/README.md).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'server/**/*.test.ts',
            'extension/**/*.test.ts',
            'pwa/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'scripts/**/*.test.ts',
            'test/e2e/harness/**/*.test.ts',
          ],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['pwa/**/*.test.tsx'],
        },
      },
      {
        // The extension's pages as they ship: on Preact (extension/build/preact-compat.ts).
        resolve: { alias: preactCompatAliases },
        test: {
          name: 'extension-dom',
          environment: 'happy-dom',
          include: ['extension/**/*.test.tsx'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/harness/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
