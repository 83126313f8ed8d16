// @ts-check
// Lint also guards the architecture: the folder boundaries below are rules, not advice.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Patterns that reach into another top-level folder, whatever the depth of the importer. */
const folder = (/** @type {string} */ name) => [`**/${name}`, `**/${name}/**`, `${name}/**`];

const browserGlobals = Object.keys(globals.browser).filter(
  // Keep the names that are plain ECMAScript too, so they are not reported twice.
  (name) => !(name in globals.es2023),
);

/** @param {string[]} names @param {string} why */
const importBan = (names, why) => ({ group: names, message: why });

export default tseslint.config(
  {
    ignores: ['node_modules/', '.output/', '.wxt/', 'dist/', '.sightline/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    // Tests and benchmarks run in Node beside the pure code they measure; they ship nowhere.
    ignores: ['shared/**/*.test.ts', 'shared/**/*.bench.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            importBan(
              [
                ...folder('pwa'),
                ...folder('extension'),
                ...folder('server'),
                ...folder('test'),
                ...folder('scripts'),
              ],
              'shared/ is the pure core: it imports nothing from the other folders.',
            ),
            importBan(
              [
                'react',
                'react-dom',
                'react/*',
                'react-dom/*',
                'dexie',
                'y-indexeddb',
                'workbox-*',
                'wxt',
                'wxt/*',
                '@hocuspocus/*',
              ],
              'shared/ is pure: no React, Dexie, browser storage, extension or relay APIs.',
            ),
            importBan(['node:*'], 'shared/ is pure: no Node-only APIs.'),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...browserGlobals.map((name) => ({
          name,
          message: 'shared/ is pure: no browser or DOM API.',
        })),
        ...['chrome', 'browser', 'process', 'Buffer', '__dirname', 'require'].map((name) => ({
          name,
          message: 'shared/ is pure: no extension or Node API.',
        })),
      ],
    },
  },
  {
    files: ['extension/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            importBan(
              [...folder('pwa')],
              'extension/ and pwa/ never import each other: share through shared/.',
            ),
            importBan(
              [...folder('server'), ...folder('test'), 'node:*'],
              'extension/ runs in the browser: no server or Node code.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['pwa/**/*.{ts,tsx}'],
    ignores: ['pwa/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            importBan(
              [...folder('extension')],
              'extension/ and pwa/ never import each other: share through shared/.',
            ),
            importBan(
              [...folder('server'), ...folder('test'), 'node:*'],
              'pwa/ runs in the browser: no server or Node code.',
            ),
          ],
          paths: [
            {
              name: 'react',
              importNames: ['lazy'],
              message:
                'Use lazyChunk (pwa/src/error-boundary/lazy-chunk.tsx): a failed import must be retried and reach an error boundary.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            importBan(
              [...folder('pwa'), ...folder('extension'), ...folder('test'), ...folder('scripts')],
              'server/ imports only shared/.',
            ),
            importBan(
              ['react', 'react-dom', 'dexie', 'y-indexeddb', 'workbox-*', 'wxt', 'wxt/*'],
              'server/ is Node only.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'shared/**/*.bench.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            importBan(
              [...folder('pwa'), ...folder('extension')],
              'Node-side tests never import browser code.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: [
      'test/**/*.ts',
      'scripts/**/*.ts',
      '*.config.ts',
      '*.config.js',
      'pwa/vite.config.ts',
      '**/*.test.ts',
      '**/*.bench.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
