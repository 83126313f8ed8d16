// `sightline serve --demo`: fills a workspace with Northwind Demo Ltd (organisation.ts), written
// through the relay's own direct connections, as the extensions and a lead would have written it.
import { createHash } from 'node:crypto';
import { writeDemoIncidents } from './demo-incidents.ts';
import { demoMonitoring, raiseDemoBreaches } from './demo-monitoring.ts';
import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { builtInCatalog, CATALOG_VERSION } from '../../shared/catalog/catalog.ts';
import type { ToolEntry } from '../../shared/catalog/schema.ts';
import { suggestTier } from '../../shared/classification/index.ts';
import { readDiscoveries } from '../../shared/documents/discoveries/index.ts';
import { formatDocumentName, type DocumentName } from '../../shared/documents/names.ts';
import { setSettings, setStatus, setWorkspaceTool } from '../../shared/documents/policy/index.ts';
import {
  createRecord,
  decideEuAiActCategory,
  decideTier,
  readRegistry,
  setTriage,
  setUseProfile,
} from '../../shared/documents/registry/index.ts';
import {
  addFlag,
  readReport,
  recordSightings,
  setReportMeta,
  summariseReport,
  type Sighting,
} from '../../shared/documents/report/index.ts';
import {
  DEPARTMENTS,
  FLAGS,
  ORGANISATION,
  PEOPLE,
  RECORDS,
  SNOOZE_DAYS,
  STATUSES,
  TRIAGE,
  WORKSPACE_TOOL,
  type Department,
  type Usage,
} from './organisation.ts';
import { seedGovernance } from './seed-governance.ts';
import { publishDemoPolicy, writeDemoAims } from './seed-aims.ts';
import {
  DEMO_INTERVIEW,
  writeDemoInterview,
  writeDemoInterviewFindings,
} from './seed-interview.ts';
import { seedIntegration } from './seed-integration.ts';

export interface SeedDemoOptions {
  workspace: string;
  /** Epoch ms; sightings fall in the 30 days before it. */
  now: number;
  /** How long to wait for the relay to derive the discoveries (ms). */
  timeoutMs?: number;
}

export interface SeedDemoResult {
  /** False when the workspace already had a registry: nothing was written. */
  seeded: boolean;
  reports: number;
  reporterIds: string[];
  /** The tool keys the discoveries hold (those the reports speak of). */
  toolKeys: string[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DAYS = 30;
const EXTENSION_VERSION = '0.1.0-demo';

/**
 * Writes the demo organisation into `workspace`: ~40 reports, a policy, a registry. Idempotent: a
 * workspace whose registry has records is left alone. Resolves once the relay has derived the
 * discoveries from the reports (docs/sync.md D1–D3).
 */
export async function seedDemo(
  hocuspocus: Hocuspocus,
  options: SeedDemoOptions,
): Promise<SeedDemoResult> {
  const { workspace, now } = options;
  const name = (kind: DocumentName['kind'], id?: string) =>
    formatDocumentName({ workspace, kind, ...(id === undefined ? {} : { id }) });

  const alreadySeeded = await withDocument(
    hocuspocus,
    name('registry'),
    (doc) => readRegistry(doc).records.size > 0,
  );
  if (alreadySeeded) return { seeded: false, reports: 0, reporterIds: [], toolKeys: [] };

  const catalog = new Map(builtInCatalog().map((tool) => [tool.id, tool]));
  const random = seededRandom(0x4e57);
  // tool key → reporters that speak of it: what the derived discoveries must show.
  const expected = new Map<string, number>();
  const reporterIds: string[] = [];
  for (const department of DEPARTMENTS) {
    for (let person = 0; person < department.people; person++) {
      const reporterId = reporterIdFor(workspace, department.name, person);
      const sightings = personSightings(department, catalog, random, now);
      const flags = FLAGS.filter((f) => f.department === department.name && f.person === person);
      let summary: ReturnType<typeof summariseReport> = [];
      await write(hocuspocus, name('reports', reporterId), (doc) => {
        // A half-finished earlier seed left this report whole (one transaction): keep it.
        if (readReport(doc).reporterId === undefined) {
          setReportMeta(doc, {
            reporterId,
            extensionVersion: EXTENSION_VERSION,
            catalogVersion: CATALOG_VERSION,
          });
          recordSightings(doc, sightings);
          flags.forEach((flag, index) => {
            const tool = catalog.get(flag.toolKey);
            const host = flag.host ?? tool?.hosts[0];
            addFlag(doc, {
              id: `flag-${index + 1}`,
              toolKey: flag.toolKey,
              ...(host === undefined ? {} : { host }),
              name: flag.name ?? tool?.name ?? flag.toolKey,
              purpose: flag.purpose,
              dataCategories: flag.dataCategories,
              note: flag.note,
              createdAt: now - flag.daysAgo * DAY_MS - Math.floor(random() * 6 * HOUR_MS),
            });
          });
        }
        summary = summariseReport(readReport(doc));
      });
      for (const row of summary) expected.set(row.toolKey, (expected.get(row.toolKey) ?? 0) + 1);
      reporterIds.push(reporterId);
    }
  }

  // The registry is filled in a copy first: the assessments are signed off against it, and their
  // approvals recorded in it. Written last, in one update: its records are what says "seeded".
  const registry = new Y.Doc();
  writeRegistry(registry, now);
  await seedGovernance(registry, now, (id, edit) =>
    write(hocuspocus, name('assessment', id), edit),
  );
  writeDemoAims(registry, now);
  const interview = await write(hocuspocus, name('interview', DEMO_INTERVIEW), (doc) =>
    writeDemoInterview(doc, now),
  );
  writeDemoInterviewFindings(registry, interview, now);
  seedIntegration(registry, now);
  // The policy after the AI policy's approval in the copy: its approved version is published.
  await write(hocuspocus, name('policy'), (doc) => {
    writePolicy(doc, now);
    publishDemoPolicy(doc, registry);
  });
  // Monitoring first, then its breaches in the registry copy: the registry, written last, still
  // says "seeded" only once everything is there (docs/monitoring.md).
  const monitoring = new Map<string, Y.Doc>();
  for (const [recordId, edit] of demoMonitoring(now))
    monitoring.set(recordId, await write(hocuspocus, name('monitoring', recordId), edit));
  raiseDemoBreaches(registry, monitoring, now);
  await write(hocuspocus, name('registry'), (doc) =>
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(registry)),
  );

  await waitForDiscoveries(hocuspocus, name('discoveries'), expected, options.timeoutMs ?? 15_000);
  return {
    seeded: true,
    reports: reporterIds.length,
    reporterIds,
    toolKeys: [...expected.keys()].sort(),
  };
}

/** A stable, random-looking 32-hex-digit id: a rerun after a crash finds the same reports. */
function reporterIdFor(workspace: string, department: string, person: number): string {
  return createHash('sha256')
    .update(`sightline-demo/${workspace}/${department}/${person}`)
    .digest('hex')
    .slice(0, 32);
}

function personSightings(
  department: Department,
  catalog: Map<string, ToolEntry>,
  random: () => number,
  now: number,
): Sighting[] {
  const sightings: Sighting[] = [];
  department.tools.forEach((usage, index) => {
    // Everyone uses the department's main tool; the others, some people.
    if (index > 0 && random() > 0.45 + usage.daily / 2) return;
    const tool = catalog.get(usage.tool);
    if (tool === undefined) throw new Error(`demo: ${usage.tool} is not in the catalog`);
    // A personal rhythm around the department's.
    const daily = Math.min(1, usage.daily * (0.6 + random() * 0.8));
    const days = Math.min(DAYS, usage.sinceDays ?? DAYS);
    for (let daysAgo = 0; daysAgo < days; daysAgo++) {
      const weekday = new Date(now - daysAgo * DAY_MS).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      if (random() >= (weekend ? daily / 8 : daily)) continue;
      const count = countFor(usage, random);
      for (let i = 0; i < count; i++) {
        const at = now - daysAgo * DAY_MS - Math.floor(random() * 9 * HOUR_MS);
        sightings.push(sightingOf(tool, usage, at, random));
      }
    }
  });
  return sightings;
}

function countFor(usage: Usage, random: () => number): number {
  if (usage.via === 'extension') return 1;
  if (usage.via === 'api-call') return 2 + Math.floor(random() * 10);
  return 1 + Math.floor(random() * 4);
}

function sightingOf(tool: ToolEntry, usage: Usage, at: number, random: () => number): Sighting {
  const base = { toolKey: tool.id, name: tool.name, category: tool.category, at };
  switch (usage.via) {
    case 'extension':
      return { ...base, signal: 'extension' };
    case 'api-call':
      return {
        ...base,
        signal: 'api-call',
        host: tool.apiHosts[0] ?? tool.hosts[0]!,
        ...(usage.embeddedIn ? { embeddedIn: usage.embeddedIn } : {}),
      };
    default: {
      const host = tool.hosts.length > 1 && random() < 0.15 ? tool.hosts[1]! : tool.hosts[0]!;
      return { ...base, signal: 'visit', host };
    }
  }
}

function writePolicy(doc: Y.Doc, now: number): void {
  setSettings(doc, { workspaceName: ORGANISATION, attributedReporting: false });
  setWorkspaceTool(doc, WORKSPACE_TOOL);
  STATUSES.forEach(([toolKey, status], index) => {
    setStatus(doc, toolKey, {
      ...status,
      updatedBy: PEOPLE.ciso,
      updatedAt: now - (20 - index) * DAY_MS,
    });
  });
}

function writeRegistry(doc: Y.Doc, now: number): void {
  for (const record of RECORDS) {
    const at = now - record.daysAgo * DAY_MS;
    createRecord(doc, record.id, record.fields, record.by, at);
    if (record.profile === undefined) continue;
    const answeredAt = at + 2 * HOUR_MS;
    setUseProfile(doc, record.id, record.profile, record.by, answeredAt);
    const suggestion = suggestTier(record.profile);
    if (record.confirm) {
      decideEuAiActCategory(doc, record.id, {
        category: suggestion.euAiAct.category,
        confirmed: true,
        by: PEOPLE.ciso,
        at: answeredAt + DAY_MS,
      });
    }
    if (record.tier) {
      const decided = record.tier.decided ?? suggestion.tier.id;
      decideTier(doc, record.id, {
        suggested: suggestion.tier.id,
        decided,
        ...(record.tier.reason ? { reason: record.tier.reason } : {}),
        suggestedReasons: suggestion.reasons,
        by: PEOPLE.ciso,
        at: answeredAt + DAY_MS,
      });
    }
  }
  writeDemoIncidents(doc, now);
  for (const [toolKey, { daysAgo, ...entry }] of TRIAGE) {
    const at = now - daysAgo * DAY_MS;
    setTriage(doc, toolKey, {
      ...entry,
      at,
      ...(entry.state === 'snoozed' ? { snoozedUntil: at + SNOOZE_DAYS * DAY_MS } : {}),
    });
  }
}

/**
 * Writes one document in one transaction, then lets it go (persisted on disconnect). Returns a
 * copy of what it holds after the edit.
 */
async function write(
  hocuspocus: Hocuspocus,
  name: string,
  edit: (doc: Y.Doc) => void,
): Promise<Y.Doc> {
  const connection = await hocuspocus.openDirectConnection(name, { relay: true });
  try {
    await connection.transact(edit);
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(connection.document!));
    return copy;
  } finally {
    await connection.disconnect();
  }
}

async function withDocument<T>(
  hocuspocus: Hocuspocus,
  name: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const connection = await hocuspocus.openDirectConnection(name, { relay: true });
  try {
    if (!connection.document) throw new Error(`demo: could not open ${name}`);
    return read(connection.document);
  } finally {
    // Keep it warm: the relay is about to derive from it (or write to it) anyway.
    await connection.disconnect({ unloadImmediately: false });
  }
}

/** Polls the discoveries until every tool shows as many reporters as the reports name. */
async function waitForDiscoveries(
  hocuspocus: Hocuspocus,
  name: string,
  expected: Map<string, number>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const missing = await withDocument(hocuspocus, name, (doc) => {
      const derived = new Map(readDiscoveries(doc).tools.map((t) => [t.toolKey, t.reporters]));
      return [...expected].filter(([key, reporters]) => derived.get(key) !== reporters).length;
    });
    if (missing === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `demo: the relay has not derived ${missing} discoveries after ${timeoutMs} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** mulberry32: the same organisation on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
