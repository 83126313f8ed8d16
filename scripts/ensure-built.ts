import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, runTool } from './run-tool.ts';

export const builtFiles = {
  pwa: join(root, 'dist', 'pwa', 'index.html'),
  chrome: join(root, '.output', 'chrome-mv3', 'manifest.json'),
  chromeManaged: join(root, '.output', 'chrome-mv3-managed', 'manifest.json'),
};

/**
 * Builds the PWA from the current source, always with React's production build — also when called
 * from a test run (NODE_ENV=test) — so end-to-end tests and benchmarks see what users get.
 */
export function buildPwa(): void {
  runTool('vite', ['build', '--config', 'pwa/vite.config.ts', '--logLevel', 'warn'], {
    quiet: true,
    env: { NODE_ENV: 'production' },
  });
}

/** Builds the PWA and the Chrome extension (and its managed build) when missing, or always if forced. */
export function ensureBuilt({
  force = false,
  managed = false,
  log = console.log,
}: { force?: boolean; managed?: boolean; log?: (line: string) => void } = {}) {
  if (force || !existsSync(builtFiles.pwa)) {
    log('Building the PWA…');
    buildPwa();
  }
  if (force || !existsSync(builtFiles.chrome)) {
    log('Building the extension…');
    runTool('wxt', ['build'], { quiet: true });
  }
  // The managed build (wxt.config.ts, MANAGED_MODE) only when asked: `npm start` needs only the other.
  if (managed && (force || !existsSync(builtFiles.chromeManaged))) {
    log('Building the managed extension…');
    runTool('wxt', ['build', '--mode', 'managed'], { quiet: true });
  }
}
