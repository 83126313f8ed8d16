import type { Hocuspocus } from '@hocuspocus/server';
import type { BrowserContext, Page } from 'playwright-core';
import { buildPwa } from '../../scripts/ensure-built.ts';
import { AI_SYSTEM_IMPACT_ASSESSMENT, startAssessment } from '../../shared/assessments/index.ts';
import {
  appendParagraphs,
  readOutline,
  sectionFragment,
} from '../../shared/documents/assessment/index.ts';
import {
  createRecord,
  indexAssessment,
  readRegistry,
} from '../../shared/documents/registry/index.ts';
import { findChromium } from '../e2e/harness/chromium.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { joinBench, withPwaInChromium, write } from './pwa-bench-workspace.ts';
import { median, round2 } from './sync-bench-helpers.ts';

/** A page of an assessment: about 3,000 characters (some 500 words). */
const PAGE_CHARS = 3_000;
const PAGES = 50;
const OPENS = 3;
const KEYS = 12;
/** The budgets (issue 7, "Tests and budgets"). */
const BUDGET = { openMs: 500, keystrokeMs: 16 };
const WORDS = ['model', 'risk', 'data', 'bias', 'review', 'control', 'user', 'drift', 'impact'];

/** An impact assessment of `pages` pages, spread over its sections; returns its last words. */
async function seedAssessment(hocuspocus: Hocuspocus, id: string, pages: number, now: number) {
  const random = seededRandom(pages);
  let registry: ReturnType<typeof readRegistry> | undefined;
  await write(hocuspocus, 'bench/registry', (doc) => {
    if (!readRegistry(doc).records.has('rec-1')) {
      createRecord(doc, 'rec-1', { name: 'HireRank', purpose: 'Ranks job applicants' }, 'b', now);
    }
    registry = readRegistry(doc);
    indexAssessment(doc, {
      id,
      recordId: 'rec-1',
      kind: 'impact',
      title: `Impact assessment (${pages} pages)`,
      createdAt: now,
      createdBy: 'bench',
    });
  });
  let last = '';
  await write(hocuspocus, `bench/assessment/${id}`, (doc) => {
    const record = registry!.records.get('rec-1')!;
    startAssessment(doc, { template: AI_SYSTEM_IMPACT_ASSESSMENT, record }, 'bench', now);
    const sections = readOutline(doc, []) ?? [];
    const chars = pages * PAGE_CHARS;
    const perSection = Math.ceil(chars / sections.length);
    sections.forEach((section, s) => {
      const paragraphs: string[] = [];
      for (let written = 0; written < perSection;) {
        const words = Array.from({ length: 60 }, () => random.pick(WORDS)).join(' ');
        const paragraph = `${s}.${paragraphs.length} ${words}.`;
        paragraphs.push(paragraph);
        written += paragraph.length;
      }
      appendParagraphs(sectionFragment(doc, section.id, [])!, paragraphs);
      last = paragraphs.at(-1)!;
    });
  });
  return last;
}

/** From the hash change to every section's editor on screen with the last paragraph in it. */
async function timeOpen(page: Page, id: string, last: string): Promise<number> {
  await page.evaluate(() => (window.location.hash = '#/assessments'));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page.evaluate(
    async ({ id, last }) => {
      const start = performance.now();
      window.location.hash = `#/assessments/${id}`;
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const editors = document.querySelectorAll('.ProseMirror');
        const end = editors[editors.length - 1];
        if (end?.textContent?.includes(last)) return performance.now() - start;
        if (performance.now() - start > 60_000) throw new Error('the assessment never opened');
      }
    },
    { id, last },
  );
}

/**
 * Each keystroke in the first section: from keydown to the editor's last DOM change (the work),
 * and to the frame after it (what the eye sees; it includes waiting for the next frame).
 */
async function keystrokes(page: Page): Promise<{ work: number[]; frame: number[] }> {
  const editor = page.locator('.ProseMirror').first();
  await editor.click();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const state = window as unknown as { __key: number; __changed: number; __paint: number };
    const target = document.querySelector('.ProseMirror')!;
    document.addEventListener('keydown', (event) => (state.__key = event.timeStamp), true);
    new MutationObserver(() => {
      state.__changed = performance.now();
      requestAnimationFrame(() => (state.__paint = performance.now()));
    }).observe(target, { subtree: true, childList: true, characterData: true });
  });
  const work: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < KEYS; i++) {
    await page.evaluate(() => ((window as unknown as { __paint: number }).__paint = 0));
    await page.keyboard.press(i % 3 === 2 ? 'Backspace' : 'x');
    await page.waitForTimeout(120);
    const { key, changed, paint } = await page.evaluate(() => {
      const state = window as unknown as { __key: number; __changed: number; __paint: number };
      return { key: state.__key, changed: state.__changed, paint: state.__paint };
    });
    if (paint > 0) {
      work.push(changed - key);
      frame.push(paint - key);
    }
  }
  return { work, frame };
}

async function openThenMeasure(context: BrowserContext, url: string, id: string, last: string) {
  const page = await context.newPage();
  try {
    await page.goto(`${url}/#/assessments`);
    const opens: number[] = [];
    for (let i = 0; i < OPENS; i++) opens.push(await timeOpen(page, id, last));
    const keys = await keystrokes(page);
    return {
      openMs: round2(median(opens)),
      keystrokeWorkMedianMs: round2(median(keys.work)),
      keystrokeMedianMs: round2(median(keys.frame)),
      keystrokeMaxMs: round2(Math.max(...keys.frame)),
      keystrokes: keys.frame.length,
    };
  } finally {
    await page.close();
  }
}

/**
 * A 50-page impact assessment in Chromium, opened from local storage (offline) and typed into,
 * against a one-page one in the same run: from the hash change until every section's editor
 * holds its text, and from a keydown to the frame after the editor changed.
 */
export default {
  name: 'assessments',
  async run(): Promise<Record<string, unknown>> {
    const executablePath = findChromium();
    if (!executablePath) return { skipped: 'no Chromium' };
    buildPwa();
    const now = Date.UTC(2026, 10, 30, 12);
    return withPwaInChromium(executablePath, async (server, context) => {
      const lastLarge = await seedAssessment(server.hocuspocus, 'large', PAGES, now);
      const lastSmall = await seedAssessment(server.hocuspocus, 'small', 1, now);
      // Online once: both assessments come from the relay and stay in IndexedDB.
      const join = await joinBench(server, context);
      await timeOpen(join, 'large', lastLarge);
      await timeOpen(join, 'small', lastSmall);
      await join.waitForTimeout(1500);
      await join.close();
      await context.setOffline(true);
      const small = await openThenMeasure(context, server.url, 'small', lastSmall);
      const large = await openThenMeasure(context, server.url, 'large', lastLarge);
      return {
        pages: PAGES,
        large,
        baseline: small,
        openRatio: round2(large.openMs / small.openMs),
        keystrokeRatio: round2(large.keystrokeMedianMs / small.keystrokeMedianMs),
        budget: BUDGET,
        withinBudget:
          large.openMs <= BUDGET.openMs &&
          large.keystrokes > 0 &&
          large.keystrokeMedianMs <= BUDGET.keystrokeMs,
      };
    });
  },
};
