import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDiscoveries } from '../../shared/documents/discoveries/index.ts';
import { readPolicy } from '../../shared/documents/policy/index.ts';
import { readPublishedAiPolicy } from '../../shared/documents/policy/ai-policy.ts';
import {
  AIMS_GAPS,
  findingIdFor,
  readAiPolicy,
  readAimsRegister,
} from '../../shared/documents/aims/index.ts';
import { readInterview } from '../../shared/documents/interview/index.ts';
import { DEMO_INTERVIEW } from './seed-interview.ts';
import {
  pendingChangeReviews,
  readAssessmentIndex,
  readChangeMarks,
  readIsmsSoa,
  readOwnControls,
  readRegistry,
  readRiskErm,
} from '../../shared/documents/registry/index.ts';
import { reuseFromIsms } from '../../shared/iso27001/index.ts';
import { readReport } from '../../shared/documents/report/index.ts';
import { startTestServer } from '../../test/helpers/test-server.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { FLAGS, RECORDS, SITES, UNKNOWN_NOTES_HOST } from './organisation.ts';
import { seedDemo } from './seed-demo.ts';
import { RULES_VERSION } from '../../shared/classification/rules/version.ts';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 15, 30);

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  server.remove();
});

/** A document's state, read through the relay's own direct connection. */
async function snapshot(name: string): Promise<{ doc: Y.Doc; update: Uint8Array }> {
  const connection = await server.hocuspocus.openDirectConnection(name, { relay: true });
  try {
    const update = Y.encodeStateAsUpdate(connection.document!);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    return { doc, update };
  } finally {
    await connection.disconnect();
  }
}

describe('seedDemo', () => {
  let first: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    first = await seedDemo(server.hocuspocus, { workspace: 'demo', now: NOW });
  }, 30_000);

  it('writes ~40 reports whose discoveries the relay derives', async () => {
    expect(first.seeded).toBe(true);
    expect(first.reports).toBe(40);
    const { doc } = await snapshot('demo/discoveries');
    const discoveries = readDiscoveries(doc);
    expect(discoveries.problems).toEqual([]);
    const tools = new Map(discoveries.tools.map((t) => [t.toolKey, t]));
    expect(tools.size).toBeGreaterThanOrEqual(25);
    expect([...tools.keys()].sort()).toEqual(first.toolKeys);
    for (const key of ['openai-chatgpt', 'anthropic-claude', 'github-copilot', 'cursor-ide']) {
      expect(tools.get(key)?.reporters, key).toBeGreaterThan(0);
    }
    // Everything within the last 30 days, at day precision.
    for (const tool of tools.values()) {
      expect(tool.firstSeen).toBeGreaterThanOrEqual(NOW - 31 * DAY_MS);
      expect(tool.lastSeen).toBeLessThanOrEqual(NOW);
    }
    // API calls from inside the organisation's own sites.
    expect(tools.get('openai-api')).toMatchObject({
      signals: ['api-call'],
      hosts: ['api.openai.com'],
      embeddedIn: [SITES.support],
    });
    expect(tools.get('grammarly')?.signals).toContain('extension');
    // The flag for a tool the catalog does not know: named by its host, not by the flag's words
    // (docs/sync.md H16: a report never names a discovery).
    const notes = tools.get(`host:${UNKNOWN_NOTES_HOST}`);
    expect(notes).toMatchObject({
      name: UNKNOWN_NOTES_HOST,
      category: 'other',
      reporters: 1,
      signals: ['flag'],
      hosts: [UNKNOWN_NOTES_HOST],
      flagCount: 1,
      purposes: ['Summarising customer calls into CRM notes'],
      dataCategories: ['customer', 'personal'],
    });
    const flagged = discoveries.tools.reduce((sum, t) => sum + t.flagCount, 0);
    expect(flagged).toBe(FLAGS.length);
    // Aggregates only (D4).
    expect(discoveries.tools.some((t) => t.reporterIds !== undefined)).toBe(false);
  });

  it('writes each report as an extension would', async () => {
    expect(first.reporterIds).toHaveLength(40);
    let sightings = 0;
    for (const id of first.reporterIds) {
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      const report = readReport((await snapshot(`demo/reports/${id}`)).doc);
      expect(report.problems).toEqual([]);
      expect(report.reporterId).toBe(id);
      expect(report.tools.length).toBeGreaterThan(0);
      for (const tool of report.tools) for (const n of tool.days.values()) sightings += n;
    }
    expect(sightings).toBeGreaterThan(2000);
  });

  it('writes the policy: statuses, a workspace tool, settings', async () => {
    const policy = readPolicy((await snapshot('demo/policy')).doc);
    expect(policy.problems).toEqual([]);
    expect(policy.settings).toEqual({
      workspaceName: 'Northwind Demo Ltd',
      attributedReporting: false,
    });
    expect(policy.statuses.get('openai-chatgpt')?.status).toBe('approved');
    expect(policy.statuses.get('anthropic-claude')).toMatchObject({
      status: 'restricted',
      guidance: expect.stringContaining('no customer data'),
    });
    expect(policy.statuses.get('deepseek-chat')).toMatchObject({
      status: 'banned',
      alternative: expect.stringContaining('Northwind internal assistant'),
    });
    expect(policy.tools).toEqual([
      expect.objectContaining({
        id: 'northwind-assistant',
        name: 'Northwind internal assistant',
        hosts: ['assistant.northwind.example'],
      }),
    ]);
  });

  it('publishes the approved AI policy to the extensions (5.2): the version the registry approved', async () => {
    const current = readAiPolicy((await snapshot('demo/registry')).doc).current!;
    expect(current.number).toBe(1);
    const published = readPublishedAiPolicy((await snapshot('demo/policy')).doc);
    expect(published.problems).toEqual([]);
    expect(published.policy).toMatchObject({
      versionId: current.id,
      number: 1,
      title: current.title,
      summary: current.summary,
      link: current.link,
      approvedAt: current.approvedAt,
    });
  });

  it('writes a stakeholder interview whose answer is a finding of the registry’s gap analysis', async () => {
    const interview = readInterview((await snapshot(`demo/interview/${DEMO_INTERVIEW}`)).doc);
    expect(interview.problems).toEqual([]);
    expect(interview.interview?.questions.filter((q) => q.answer)).toHaveLength(4);
    const gaps = readAimsRegister((await snapshot('demo/registry')).doc, AIMS_GAPS).entries;
    expect(gaps.map((g) => g.id)).toContain(findingIdFor(DEMO_INTERVIEW, 'q03'));
  });

  it('writes the registry: records, classifications, triage', async () => {
    const registry = readRegistry((await snapshot('demo/registry')).doc);
    expect(registry.problems).toEqual([]);
    expect(registry.records.size).toBe(RECORDS.length);
    expect(registry.records.size).toBeGreaterThanOrEqual(8);
    const screening = registry.records.get('candidate-screening')!;
    expect(screening.classification?.suggested).toEqual({
      category: 'high-risk',
      basis: expect.arrayContaining(['Annex III 4(a)']),
      rulesVersion: RULES_VERSION,
    });
    expect(screening.classification?.decision).toMatchObject({
      category: 'high-risk',
      confirmed: true,
    });
    expect(screening.classification?.tier).toMatchObject({
      suggested: 'tier-1',
      decided: 'tier-1',
    });
    const claude = registry.records.get('claude-legal')!;
    expect(claude.classification?.tier).toMatchObject({
      suggested: 'tier-3',
      decided: 'tier-2',
      reason: expect.stringContaining('Confidential'),
    });
    expect(registry.records.get('deepl-pro')?.classification).toBeUndefined();
    expect(registry.triage.get('openai-api')).toMatchObject({
      state: 'merged',
      recordId: 'support-reply-drafts',
    });
    expect(registry.triage.get('suno')?.state).toBe('dismissed');
    expect(registry.triage.get('midjourney')).toMatchObject({
      state: 'snoozed',
      snoozedUntil: expect.any(Number),
    });
    // The unknown tool waits in the inbox.
    expect(registry.triage.has(`host:${UNKNOWN_NOTES_HOST}`)).toBe(false);
    // Everyone named is fictional.
    for (const record of registry.records.values()) {
      expect(record.createdBy).toMatch(/\(fictional\)$/);
    }
  });

  it('writes the integration examples: ERM fields, the ISMS SoA, an own control, a significant change', async () => {
    const { doc } = await snapshot('demo/registry');
    expect(readRiskErm(doc).erm.get('risk-screening-bias')?.ermReference).toBe('ERM-2026-0142');
    const isms = readIsmsSoa(doc);
    expect(isms.soa?.rows).toHaveLength(93);
    expect(reuseFromIsms(isms.soa!.rows, isms.clausesInPlace!.inPlace).reused).toBeGreaterThan(0);
    expect(readOwnControls(doc).controls.map((c) => c.ref)).toEqual(['ORG-1']);
    const pending = pendingChangeReviews(
      readChangeMarks(doc),
      readAssessmentIndex(doc).assessments,
    );
    expect(pending.map((row) => row.assessment.id)).toEqual(['demo-impact-support']);
    expect(pending[0]!.marks[0]!.changes).toEqual([
      { field: 'model', from: 'GPT-4o mini', to: 'GPT-4.1 mini' },
    ]);
  });

  it('changes nothing when run again', async () => {
    const names = [
      'demo/discoveries',
      'demo/policy',
      'demo/registry',
      ...first.reporterIds.map((id) => `demo/reports/${id}`),
    ];
    const before = await Promise.all(names.map(async (n) => (await snapshot(n)).update));
    const again = await seedDemo(server.hocuspocus, { workspace: 'demo', now: NOW + DAY_MS });
    expect(again.seeded).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 600)); // past D3's settling time
    const after = await Promise.all(names.map(async (n) => (await snapshot(n)).update));
    expect(after).toEqual(before);
  });
});

describe('sightline serve --demo', () => {
  it('seeds and prints a lead’s join link for the demo workspace', async () => {
    const dir = tempDir();
    const cli = join(import.meta.dirname, '..', 'cli.ts');
    const child = spawn(
      process.execPath,
      [cli, 'serve', '--port', '0', '--data', dir.path, '--pwa', dir.path, '--demo'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = stdout.split('\n').find((l) => l.startsWith('  demo:'));
          if (found) resolve(found);
        });
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('exit', (code) =>
          reject(new Error(`serve exited (${code}) before the demo line:\n${stdout}\n${stderr}`)),
        );
      });
      expect(line).toMatch(
        /^ {2}demo: {9}open http:\/\/localhost:\d+\/#\/join\?workspace=demo&token=[\w-]+\.[\w-]+\.[\w-]+$/,
      );
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) =>
        child.exitCode === null ? child.once('exit', resolve) : resolve(null),
      );
      dir.remove();
    }
  }, 30_000);
});
