import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from '../../../wxt.config.ts';
import { hasChromium } from './browser.ts';

// Chromium reads enterprise policy from here (../shared/reference/browser-testing.md); writing it needs root.
const POLICY_DIR = '/etc/chromium/policies/managed';

/** Whether this run may write Chromium's policy; without root the policy tests skip, loudly. */
export const canWritePolicy = process.getuid?.() === 0;
if (hasChromium() && !canWritePolicy) {
  if (process.env.REQUIRE_E2E === '1')
    throw new Error('REQUIRE_E2E=1 but the policy tests need root to write ' + POLICY_DIR);
  console.warn(
    '\n!!!!! MANAGED-POLICY END-TO-END TESTS SKIPPED: writing Chromium policy needs root !!!!!\n',
  );
}

/**
 * Writes the extension's managed storage as an admin's policy would (`3rdparty.extensions.<id>`),
 * in a file of the test's own; returns what removes it again.
 */
export function writeExtensionPolicy(name: string, settings: Record<string, unknown>): () => void {
  const file = join(POLICY_DIR, `sightline-e2e-${name}.json`);
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: settings } } }));
  return () => rmSync(file, { force: true });
}
