import type { BrowserContext, Page } from 'playwright-core';
import { buildPwa } from '../../scripts/ensure-built.ts';
import { findChromium } from '../e2e/harness/chromium.ts';
import {
  LARGE,
  SMALL,
  seedWorkspace,
  withPwaInChromium,
  type WorkspaceSize,
} from './pwa-bench-workspace.ts';
import { median, round2 } from './sync-bench-helpers.ts';

const OPENS = 3;
const QUERY = 'pilot';
/** The budgets (issue 6, "Benchmarks"). */
const BUDGET = { openMs: 1500, keystrokeMs: 50 };

interface Opened {
  /** Navigation start → first inbox row on screen. */
  rowsMs: number;
  /** Navigation start → the first j answered (a row selected). */
  interactiveMs: number;
}

/** Opens the inbox from this device alone (offline: no relay can answer) and times it. */
async function openInbox(context: BrowserContext, url: string): Promise<Opened> {
  const page = await context.newPage();
  try {
    await page.goto(`${url}/#/inbox`);
    await page.locator('[data-tool-key]').first().waitFor({ timeout: 60_000 });
    const rowsMs = await page.evaluate(() => performance.now());
    await page.keyboard.press('j');
    await page.locator('[data-tool-key][aria-selected="true"]').first().waitFor();
    const interactiveMs = await page.evaluate(() => performance.now());
    return { rowsMs, interactiveMs };
  } finally {
    await page.close();
  }
}

/**
 * Each keystroke into the inventory's search: from the keydown's timestamp until the frame after
 * the table's last change (a MutationObserver on the table, then one animation frame).
 */
async function keystrokes(page: Page): Promise<number[]> {
  const search = page.getByLabel('Search the inventory');
  // Reported as no keystrokes (and out of budget) when the page has no search to type into.
  if (
    !(await search.waitFor({ timeout: 30_000 }).then(
      () => true,
      () => false,
    ))
  )
    return [];
  await search.click();
  await page.evaluate(() => {
    const state = window as unknown as { __key: number; __paint: number };
    const table = document.querySelector('[aria-label="AI inventory"]') ?? document.body;
    document.addEventListener('keydown', (event) => (state.__key = event.timeStamp), true);
    new MutationObserver(() => {
      requestAnimationFrame(() => (state.__paint = performance.now()));
    }).observe(table, { subtree: true, childList: true, characterData: true });
  });
  const times: number[] = [];
  const keys = [...QUERY.split(''), ...QUERY.split('').map(() => 'Backspace')];
  for (const key of keys) {
    await page.evaluate(() => ((window as unknown as { __paint: number }).__paint = 0));
    await page.keyboard.press(key);
    // Quiet for 150 ms: the table has settled.
    let last = -1;
    for (;;) {
      await page.waitForTimeout(150);
      const paint = await page.evaluate(() => (window as unknown as { __paint: number }).__paint);
      if (paint === last) break;
      last = paint;
    }
    const key0 = await page.evaluate(() => (window as unknown as { __key: number }).__key);
    if (last > 0) times.push(last - key0);
  }
  return times;
}

async function measure(executablePath: string, size: WorkspaceSize) {
  const now = Date.UTC(2026, 10, 30, 12);
  return withPwaInChromium(executablePath, async (server, context) => {
    const seedStart = performance.now();
    await seedWorkspace(server.hocuspocus, 'bench', size, now);
    const seedMs = performance.now() - seedStart;
    const token = await server.token('bench', 'lead');
    // Join online: the documents come from the relay and are kept in IndexedDB.
    const join = await context.newPage();
    const joinStart = performance.now();
    await join.goto(`${server.url}/#/join?workspace=bench&token=${token}`);
    await join.locator('[data-tool-key]').first().waitFor({ timeout: 120_000 });
    await join
      .getByRole('status', { name: 'connection' })
      .filter({ hasText: /^online$/ })
      .waitFor({
        timeout: 120_000,
      });
    const firstSyncMs = performance.now() - joinStart;
    await join.goto(`${server.url}/#/inventory`);
    const keys = await keystrokes(join);
    await join.close();
    // Then offline, from local storage only.
    await context.setOffline(true);
    const opens: Opened[] = [];
    for (let i = 0; i < OPENS; i++) opens.push(await openInbox(context, server.url));
    return {
      seedMs: round2(seedMs),
      firstSyncMs: round2(firstSyncMs),
      openRowsMs: round2(median(opens.map((o) => o.rowsMs))),
      openInteractiveMs: round2(median(opens.map((o) => o.interactiveMs))),
      keystrokeMedianMs: round2(median(keys)),
      keystrokeMaxMs: round2(Math.max(...keys)),
      keystrokes: keys.length,
    };
  });
}

/**
 * The PWA in Chromium on the workspace (5,000 records, 20,000 discoveries, 2,000 reporters)
 * against a small one in the same run: open from local storage (offline) to an interactive inbox,
 * and a keystroke in the inventory's search until the table has repainted.
 */
export default {
  name: 'pwa-workspace',
  async run(): Promise<Record<string, unknown>> {
    const executablePath = findChromium();
    if (!executablePath) return { skipped: 'no Chromium' };
    // From the current source, in production mode: a stale or development build is not measured.
    buildPwa();
    const small = await measure(executablePath, SMALL);
    const large = await measure(executablePath, LARGE);
    return {
      workspace: LARGE,
      baselineWorkspace: SMALL,
      large,
      baseline: small,
      openRatio: round2(large.openInteractiveMs / small.openInteractiveMs),
      keystrokeRatio: round2(large.keystrokeMedianMs / small.keystrokeMedianMs),
      budget: BUDGET,
      withinBudget:
        large.openInteractiveMs <= BUDGET.openMs &&
        large.keystrokes > 0 &&
        large.keystrokeMaxMs <= BUDGET.keystrokeMs,
    };
  },
};
