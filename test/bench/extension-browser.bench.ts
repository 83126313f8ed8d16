import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type * as Y from 'yjs';
import { builtInCatalog } from '../../shared/catalog/catalog.ts';
import { readDiscoveries } from '../../shared/documents/discoveries/index.ts';
import { recordSightings, setReportMeta } from '../../shared/documents/report/index.ts';
import { extensionArgs, findChromium } from '../e2e/harness/chromium.ts';
import { startFakeAiSites, type FakeAiSites } from '../e2e/harness/fake-ai-sites.ts';
import { startServerProcess, type ServerProcess } from '../e2e/harness/server-process.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { builtExtension, ms, root } from './extension-bench-helpers.ts';
import { median } from './sync-bench-helpers.ts';

const BUDGET_POPUP_MS = 100;
const BUDGET_VISIT_TO_LEAD_MS = 10_000;
const POPUP_OPENS = 5;
/** One tool per run, so that each visit is a tool the report has not seen yet. */
const VISITS: Array<[host: string, toolKey: string]> = [
  ['chatgpt.com', 'openai-chatgpt'],
  ['claude.ai', 'anthropic-claude'],
  ['perplexity.ai', 'perplexity'],
];
/** The same number of runs for the relay alone, with other tools (none the browser visits). */
const RELAY_ONLY_TOOLS = ['google-gemini', 'microsoft-copilot', 'mistral-le-chat'];
const BASELINE_HOST = 'baseline.example';
const WAIT_MS = 30_000;

const cli = join(root, 'server', 'cli.ts');

interface Launched {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://');

/**
 * Debian's Chromium with the extension in a fresh profile: test/e2e/harness/browser.ts's
 * `launchWithExtension`, which takes the browser's path from vitest's `inject` and so cannot run
 * outside vitest.
 */
async function launchWithExtension(
  executablePath: string,
  extensionDir: string,
  args: string[],
): Promise<Launched> {
  const profile = tempDir('sightline-bench-profile-');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile.path, {
      executablePath,
      headless: true,
      args: extensionArgs(extensionDir, args),
    });
    const worker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker }));
    const opened = context;
    return {
      context: opened,
      extensionId: new URL(worker.url()).host,
      async close() {
        await opened.close();
        profile.remove();
      },
    };
  } catch (error) {
    await context?.close();
    profile.remove();
    throw error;
  }
}

/**
 * Milliseconds from the navigation's start to `selector` being in the page and visible, measured
 * inside the page (performance.now() counts from the navigation's start), in a fresh tab.
 */
async function timeToVisible(context: BrowserContext, url: string, selector: string) {
  const page = await context.newPage();
  try {
    await page.addInitScript((wanted: string) => {
      const marks = globalThis as unknown as { __sightlineVisibleAt?: number };
      const observer = new MutationObserver(() => {
        const element = document.querySelector(wanted);
        if (!element?.checkVisibility()) return;
        marks.__sightlineVisibleAt = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    }, selector);
    await page.goto(url);
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { __sightlineVisibleAt?: number }).__sightlineVisibleAt !==
        undefined,
      null,
      { timeout: WAIT_MS },
    );
    return await page.evaluate(
      () => (globalThis as unknown as { __sightlineVisibleAt: number }).__sightlineVisibleAt,
    );
  } finally {
    await page.close();
  }
}

/** Resolves with performance.now() at the first update after which the lead sees `toolKey`. */
function discovered(doc: Y.Doc, toolKey: string): Promise<number> {
  const has = () => readDiscoveries(doc).tools.some((tool) => tool.toolKey === toolKey);
  if (has()) return Promise.reject(new Error(`${toolKey} was discovered before the run`));
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!has()) return;
      finish();
      resolve(performance.now());
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`the lead did not see ${toolKey} within ${WAIT_MS} ms`));
    }, WAIT_MS);
    const finish = () => {
      clearTimeout(timer);
      doc.off('update', check);
    };
    doc.on('update', check);
  });
}

/**
 * The extension in a real Chromium against a real relay process: the popup's first render (from
 * the navigation's start until the sync state is visible, which needs the worker's answer), against
 * the same measurement on a trivial page served on loopback; and visit-to-lead latency (a visit to
 * a real AI hostname, served locally, until a lead's client sees the tool in `acme/discoveries`),
 * against a reporter written straight from Node (the relay's own share: socket, settle, derive).
 */
export default {
  name: 'extension-browser',
  async run(): Promise<Record<string, unknown>> {
    const executablePath = findChromium();
    if (!executablePath) return { skipped: 'no Chromium' };

    const cleanup: Array<() => unknown> = [];
    try {
      const extension = builtExtension();
      cleanup.push(() => extension.remove());
      const data = tempDir('sightline-bench-relay-');
      cleanup.push(() => data.remove());
      const token = (...args: string[]) => {
        const minted = spawnSync(
          process.execPath,
          [cli, 'token', '--data', data.path, '--workspace', 'acme', ...args],
          { cwd: root, encoding: 'utf8' },
        );
        if (minted.status !== 0) throw new Error(`sightline token failed: ${minted.stderr}`);
        return minted.stdout.trim();
      };

      const relay: ServerProcess = await startServerProcess(data.path);
      cleanup.push(() => relay.stop());
      const sites: FakeAiSites = await startFakeAiSites([
        ...VISITS.map(([host]) => host),
        BASELINE_HOST,
      ]);
      cleanup.push(() => sites.close());
      const browser = await launchWithExtension(executablePath, extension.path, sites.resolverArgs);
      cleanup.push(() => browser.close());
      const clients: TestClient[] = [];
      cleanup.push(() => clients.forEach((client) => client.destroy()));
      const base = `chrome-extension://${browser.extensionId}`;

      // Enrol the extension by hand, as an employee pasting a code would.
      const options: Page = await browser.context.newPage();
      await options.goto(`${base}/options.html`);
      const enrolled = await options.evaluate(
        (message) =>
          (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
            }
          ).chrome.runtime.sendMessage(message),
        { type: 'enrol', code: token('--role', 'member'), relayUrl: relay.url },
      );
      if ((enrolled as { ok?: boolean }).ok !== true)
        throw new Error(`enrolment failed: ${JSON.stringify(enrolled)}`);
      await options.close();

      // Popup first render, alternating with the baseline page.
      const popup: number[] = [];
      const page: number[] = [];
      for (let i = 0; i < POPUP_OPENS; i++) {
        popup.push(
          await timeToVisible(browser.context, `${base}/popup.html`, '[data-testid="sync-state"]'),
        );
        page.push(await timeToVisible(browser.context, `https://${BASELINE_HOST}/`, '#heading'));
      }

      // Visit to lead, alternating with the relay alone.
      const lead = connectClient(relay.syncUrl, 'acme/discoveries', token('--role', 'lead'));
      clients.push(lead);
      await waitFor(() => lead.provider.synced, 'the lead’s first sync', WAIT_MS);
      const visits: number[] = [];
      const relayOnly: number[] = [];
      for (let run = 0; run < VISITS.length; run++) {
        const [host, toolKey] = VISITS[run]!;
        const seen = discovered(lead.doc, toolKey);
        const tab = await browser.context.newPage();
        const start = performance.now();
        await tab.goto(`https://${host}/`);
        visits.push((await seen) - start);
        await tab.close();

        const tool = builtInCatalog().find((entry) => entry.id === RELAY_ONLY_TOOLS[run]);
        if (!tool) throw new Error(`no ${RELAY_ONLY_TOOLS[run]} in the catalog`);
        const reporterId = `bench-relay-${run}`;
        const reporter = connectClient(
          relay.syncUrl,
          `acme/reports/${reporterId}`,
          token('--role', 'member', '--reporter', reporterId),
        );
        clients.push(reporter);
        await waitFor(() => reporter.provider.synced, 'the reporter’s first sync', WAIT_MS);
        const relayed = discovered(lead.doc, tool.id);
        const relayStart = performance.now();
        setReportMeta(reporter.doc, {
          reporterId,
          extensionVersion: '1.0.0',
          catalogVersion: 'bench',
        });
        recordSightings(reporter.doc, [
          {
            toolKey: tool.id,
            name: tool.name,
            category: tool.category,
            host: tool.hosts[0]!,
            signal: 'visit',
            at: Date.now(),
          },
        ]);
        relayOnly.push((await relayed) - relayStart);
      }

      const popupMs = median(popup);
      const pageMs = median(page);
      const visitToLeadMs = median(visits);
      return {
        popupFirstRenderMs: ms(popupMs),
        budgetMs: BUDGET_POPUP_MS,
        popupSamplesMs: popup.map(ms),
        baselinePageRenderMs: ms(pageMs),
        // What the popup adds to a page's own cost, which a busy machine inflates for both.
        popupOverBaselineMs: ms(popupMs - pageMs),
        visitToLeadMs: ms(visitToLeadMs),
        budgetVisitToLeadMs: BUDGET_VISIT_TO_LEAD_MS,
        visitToLeadSamplesMs: visits.map(ms),
        baselineRelayOnlyMs: ms(median(relayOnly)),
        withinBudget: popupMs <= BUDGET_POPUP_MS && visitToLeadMs <= BUDGET_VISIT_TO_LEAD_MS,
      };
    } finally {
      // Newest first; each step runs even if one before it fails.
      for (const step of cleanup.reverse()) {
        try {
          await step();
        } catch (error) {
          console.error(`extension-browser cleanup: ${(error as Error).message}`);
        }
      }
    }
  },
};
