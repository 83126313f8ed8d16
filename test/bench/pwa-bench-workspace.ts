// Shared by the pwa-* benchmarks: a synthetic workspace written into a real relay through its own
// direct connections (as the relay writes W/discoveries and a lead writes W/registry). Not a
// benchmark itself: the runner loads only *.bench.ts files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hocuspocus } from '@hocuspocus/server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type * as Y from 'yjs';
import { builtInCatalog } from '../../shared/catalog/catalog.ts';
import { CATEGORIES, type Category } from '../../shared/catalog/schema.ts';
import { writeDiscovery } from '../../shared/documents/discoveries/index.ts';
import { formatDocumentName, type DocumentName } from '../../shared/documents/names.ts';
import { setStatus } from '../../shared/documents/policy/index.ts';
import {
  LIFECYCLES,
  createRecord,
  setTriage,
  type RecordFields,
} from '../../shared/documents/registry/index.ts';
import { DATA_CATEGORIES } from '../../shared/documents/schema/values.ts';
import { root } from '../../scripts/run-tool.ts';
import { chromiumArgs } from '../e2e/harness/chromium.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

export interface WorkspaceSize {
  records: number;
  discoveries: number;
  reporters: number;
}

/** The budget workspace (issue 6, "Benchmarks"). */
export const LARGE: WorkspaceSize = { records: 5_000, discoveries: 20_000, reporters: 2_000 };
/** The baseline measured in the same run: a small team's workspace. */
export const SMALL: WorkspaceSize = { records: 50, discoveries: 200, reporters: 20 };

const DAY_MS = 86_400_000;
const VENDORS = ['OpenAI', 'Anthropic', 'Google', 'Microsoft', 'Mistral', 'Acme AI', 'DeepL'];
const DEPARTMENTS = ['Sales', 'Support', 'Legal', 'Finance', 'HR', 'Engineering', 'Marketing'];
const WORDS = ['atlas', 'nova', 'quill', 'lumen', 'pilot', 'scribe', 'vector', 'echo', 'sage'];
const SIGNAL_SETS = [['visit'], ['visit', 'api-call'], ['api-call'], ['extension'], ['flag']];

type Random = ReturnType<typeof seededRandom>;
const someOf = <T>(random: Random, items: readonly T[], max: number): T[] =>
  [...new Set(Array.from({ length: 1 + random.int(max) }, () => random.pick(items)))].sort();

/** Writes one document in one transaction through the relay's own direct connection. */
export async function write(hocuspocus: Hocuspocus, name: string, edit: (doc: Y.Doc) => void) {
  const connection = await hocuspocus.openDirectConnection(name, { relay: true });
  try {
    await connection.transact(edit);
  } finally {
    await connection.disconnect();
  }
}

/**
 * Fills `workspace` with `size`: discoveries for catalog tools first, then tools only flagged
 * (host: keys), every fifth one triaged; records named after tools, with owners and departments.
 */
export async function seedWorkspace(
  hocuspocus: Hocuspocus,
  workspace: string,
  size: WorkspaceSize,
  now: number,
): Promise<void> {
  const random = seededRandom(size.records * 31 + size.discoveries);
  const name = (kind: DocumentName['kind']) => formatDocumentName({ workspace, kind });
  const catalog = builtInCatalog();
  const keys: Array<{ key: string; name: string; category: Category; host: string }> = [];
  for (let i = 0; i < size.discoveries; i++) {
    const tool = catalog[i];
    if (tool) {
      keys.push({
        key: tool.id,
        name: tool.name,
        category: tool.category,
        host: tool.hosts[0] ?? 'example.com',
      });
    } else {
      const word = `${random.pick(WORDS)}${i}`;
      keys.push({
        key: `host:${word}.example`,
        name: `${word[0]!.toUpperCase()}${word.slice(1)} AI`,
        category: random.pick(CATEGORIES),
        host: `${word}.example`,
      });
    }
  }
  await write(hocuspocus, name('discoveries'), (doc) => {
    for (const tool of keys) {
      const firstSeen = now - (1 + random.int(360)) * DAY_MS;
      const signals = random.pick(SIGNAL_SETS);
      const flagged = signals.includes('flag');
      writeDiscovery(doc, tool.key, {
        name: tool.name,
        category: tool.category,
        reporters: 1 + random.int(Math.max(1, Math.floor(size.reporters / 10))),
        firstSeen,
        lastSeen: Math.min(now, firstSeen + random.int(60) * DAY_MS),
        signals,
        hosts: [tool.host],
        embeddedIn: signals.includes('api-call') ? ['crm.example.com'] : [],
        flagCount: flagged ? 1 + random.int(3) : 0,
        purposes: flagged ? ['drafting replies to customers'] : [],
        dataCategories: flagged ? someOf(random, DATA_CATEGORIES, 2) : [],
      });
    }
  });
  await write(hocuspocus, name('policy'), (doc) => {
    for (const tool of keys.slice(0, 300)) {
      setStatus(doc, tool.key, {
        status: random.pick(['approved', 'restricted', 'banned'] as const),
        guidance: 'Use the company account.',
        updatedBy: 'bench',
        updatedAt: now,
      });
    }
  });
  await write(hocuspocus, name('registry'), (doc) => {
    for (let i = 0; i < size.records; i++) {
      const tool = keys[i % keys.length]!;
      const fields: RecordFields = {
        name: i < keys.length ? tool.name : `${tool.name} (${i})`,
        vendor: random.pick(VENDORS),
        category: tool.category,
        purpose: `Used by ${random.pick(DEPARTMENTS)} to draft, summarise and review (record ${i}).`,
        owner: `Owner ${random.int(60)}`,
        lifecycle: random.pick(LIFECYCLES),
        departments: someOf(random, DEPARTMENTS, 3),
        userCount: random.int(500),
        dataCategories: someOf(random, DATA_CATEGORIES, 3),
        toolKeys: [tool.key],
      };
      createRecord(doc, `rec-${i}`, fields, 'bench', now - random.int(300) * DAY_MS);
    }
    for (let i = 0; i < keys.length; i += 5) {
      setTriage(doc, keys[i]!.key, {
        state: i % 2 === 0 ? 'open' : 'dismissed',
        ...(i % 2 === 0 ? { recordId: `rec-${i % size.records}` } : { reason: 'noise' }),
        by: 'bench',
        at: now,
      });
    }
  });
}

/**
 * Runs `work` with a real relay serving the built PWA (dist/pwa) on loopback and a fresh Chromium
 * profile, then closes both and removes their folders.
 */
export async function withPwaInChromium<T>(
  executablePath: string,
  work: (server: TestServer, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const server = await startTestServer({ pwaDir: join(root, 'dist', 'pwa') });
  const profile = mkdtempSync(join(tmpdir(), 'sightline-bench-pwa-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
  });
  try {
    return await work(server, context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
    server.remove();
  }
}

/** Opens `url`'s join link as a lead of workspace `bench` and waits for the inbox. */
export async function joinBench(server: TestServer, context: BrowserContext): Promise<Page> {
  const token = await server.token('bench', 'lead');
  const page = await context.newPage();
  await page.goto(`${server.url}/#/join?workspace=bench&token=${token}`);
  await page.waitForURL(/#\/inbox$/);
  return page;
}
