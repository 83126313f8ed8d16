import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** Where the build leaves its output, relative to the repository. */
export const projectPaths = {
  root,
  pwaDist: join(root, 'dist', 'pwa'),
  extensionChrome: join(root, '.output', 'chrome-mv3'),
  extensionFirefox: join(root, '.output', 'firefox-mv2'),
} as const;
