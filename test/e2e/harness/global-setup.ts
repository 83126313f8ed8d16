import type { TestProject } from 'vitest/node';
import { ensureBuilt } from '../../../scripts/ensure-built.ts';
import { findChromium } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string | null;
  }
}

/**
 * Runs once before the end-to-end tests: finds a browser (skipping loudly, or failing under
 * REQUIRE_E2E=1, when there is none) and builds the extension and the PWA from the current source.
 */
export default function setup(project: TestProject) {
  const chromium = findChromium();
  if (!chromium) {
    const where = process.env.CHROMIUM ?? '/usr/bin/chromium';
    if (process.env.REQUIRE_E2E === '1') {
      throw new Error(
        `REQUIRE_E2E=1 but no Chromium at ${where}: install Debian's chromium or set CHROMIUM.`,
      );
    }
    console.warn(
      `\n!!!!! END-TO-END TESTS SKIPPED: no Chromium at ${where} (apt-get install chromium, or set CHROMIUM=/path) !!!!!\n`,
    );
    project.provide('chromium', null);
    return;
  }
  // Always from the current source, so a stale build can never pass for a working one.
  if (process.env.E2E_SKIP_BUILD !== '1')
    ensureBuilt({ force: true, managed: true, log: () => {} });
  project.provide('chromium', chromium);
}
