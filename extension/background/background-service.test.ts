import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setStatus, setWorkspaceTool } from '../../shared/documents/policy/index.ts';
import { readConcerns, readReport } from '../../shared/documents/report/index.ts';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import type { Enrolment, FetchLike } from '../enrolment/enrolment.ts';
import { memoryLocalLog } from '../local-log/index.ts';
import { memoryKeyValueStore } from '../platform/key-value-store.ts';
import {
  BackgroundService,
  IDLE_AFTER_MS,
  NEW_TOOL_FLUSH_MS,
  REPEAT_FLUSH_MS,
  RETRY_FLUSH_MS,
} from './background-service.ts';
import { fakeSyncConnection } from './fake-sync-connection.ts';

const DAY = 86_400_000;
const ENROLMENT: Enrolment = {
  relayUrl: 'https://relay.example',
  workspace: 'acme',
  reporterId: 'r1',
  token: 'a.b.c',
  tokenId: 't',
  expiresAt: Date.now() + DAY,
  source: 'manual',
};
const SECRET_URL =
  'https://user:pw@chatgpt.com:8443/c/secret-conversation?q=private#fragment-secret';

function setup(options: { enrolled?: boolean; online?: boolean } = {}) {
  let now = Date.UTC(2026, 10, 20, 10);
  const storage = memoryKeyValueStore(
    options.enrolled === false
      ? {}
      : { [persistedNames.extensionStorageKeys.enrolment]: ENROLMENT },
  );
  const log = memoryLocalLog();
  const sync = fakeSyncConnection({ online: options.online ?? true });
  const scheduled: number[] = [];
  const tasks: { ms: number; work: () => void }[] = [];
  const fetch: FetchLike = async () => ({
    ok: true,
    status: 201,
    json: async () => ({
      workspace: 'acme',
      reporterId: 'r2',
      token: 'x.y.z',
      tokenId: 't2',
      expiresAt: now + DAY,
    }),
  });
  const service = new BackgroundService({
    version: '1.0.0',
    storage,
    log,
    fetch,
    openSync: () => sync,
    now: () => now,
    schedule: (ms, work) => {
      scheduled.push(ms);
      tasks.push({ ms, work });
    },
    randomId: () => `id${scheduled.length}`,
  });
  /** Runs the scheduled work that waits `ms`, as the worker's timers would. */
  const runTimers = (ms: number) =>
    tasks.filter((task) => task.ms === ms).forEach((task) => task.work());
  return {
    service,
    storage,
    log,
    sync,
    scheduled,
    runTimers,
    advance: (ms: number) => (now += ms),
  };
}

describe('BackgroundService', () => {
  it('turns a visit into a sighting, folds it into the report, and keeps only the hostname', async () => {
    const { service, log, sync, storage } = setup();
    await service.onNavigation({ url: SECRET_URL, frameId: 0, timeStamp: Date.now() });
    expect(await log.countPending()).toBe(1);
    await service.flush();
    expect(await log.countPending()).toBe(0);
    expect(readReport(sync.relayReport).tools.map((tool) => tool.toolKey)).toEqual([
      'openai-chatgpt',
    ]);
    const dumps = JSON.stringify([
      await log.exportAll(),
      sync.relayReport.toJSON(),
      storage.snapshot(),
      await service.ledger(),
      await service.exportData(),
    ]);
    for (const secret of ['secret-conversation', 'private', 'fragment-secret', 'pw', '8443'])
      expect(dumps).not.toContain(secret);
  });

  it('sends a new tool at once and lets repeat visits wait, so a day of browsing costs a few updates', async () => {
    const { service, scheduled } = setup();
    await service.onNavigation({ url: 'https://chatgpt.com/', frameId: 0, timeStamp: Date.now() });
    await service.flush();
    await service.onNavigation({
      url: 'https://chatgpt.com/again',
      frameId: 0,
      timeStamp: Date.now(),
    });
    expect(scheduled.filter((ms) => ms !== IDLE_AFTER_MS)).toEqual([
      NEW_TOOL_FLUSH_MS,
      REPEAT_FLUSH_MS,
    ]);
  });

  it('coalesces a day of visits into one day count', async () => {
    const { service, sync } = setup();
    let updates = 0;
    sync.relayReport.on('update', () => updates++);
    for (let i = 0; i < 200; i++)
      await service.onNavigation({
        url: `https://chatgpt.com/c/${i}`,
        frameId: 0,
        timeStamp: Date.now() + i,
      });
    await service.flush();
    expect([...readReport(sync.relayReport).tools[0]!.days.values()]).toEqual([200]);
    expect(updates).toBeLessThanOrEqual(3);
  });

  it('not enrolled: detects locally and sends nothing', async () => {
    const { service, log } = setup({ enrolled: false });
    await service.onNavigation({ url: 'https://claude.ai/', frameId: 0, timeStamp: Date.now() });
    await service.flush();
    expect(await log.countPending()).toBe(1);
    expect(await service.status(0)).toMatchObject({
      enrolled: false,
      connection: 'not-enrolled',
      pending: 1,
    });
    expect((await service.site('https://claude.ai/new')).tool?.toolKey).toBe('anthropic-claude');
  });

  it('keeps sightings made offline and delivers them when the relay is back', async () => {
    const { service, sync, storage } = setup({ online: false });
    await service.onNavigation({ url: 'https://claude.ai/', frameId: 0, timeStamp: Date.now() });
    await service.flush();
    expect(readReport(sync.relayReport).tools).toHaveLength(0);
    expect(await storage.get(persistedNames.extensionStorageKeys.lastSyncAt)).toBeUndefined();
    sync.setOnline(true);
    await service.flush();
    expect(readReport(sync.relayReport).tools.map((tool) => tool.toolKey)).toEqual([
      'anthropic-claude',
    ]);
    expect(await storage.get(persistedNames.extensionStorageKeys.lastSyncAt)).toBeTypeOf('number');
  });

  it('records a flag with its purpose and data kinds, for a host the catalog does not know', async () => {
    const { service, sync } = setup();
    expect(
      await service.flag({
        host: 'notes.example.ai',
        name: 'Example Notes',
        purpose: 'Meeting summaries',
        dataCategories: ['customer', 'bogus' as never],
        note: 'team trial',
      }),
    ).toEqual({ ok: true });
    await service.flush();
    expect(readReport(sync.relayReport).flags).toEqual([
      expect.objectContaining({
        toolKey: 'host:notes.example.ai',
        purpose: 'Meeting summaries',
        dataCategories: ['customer'],
        note: 'team trial',
      }),
    ]);
    expect(
      await service.flag({
        host: 'not a host',
        name: '',
        purpose: '',
        dataCategories: [],
        note: '',
      }),
    ).toHaveProperty('error');
  });

  it('keeps a concern made offline and writes it into the report once the relay is back', async () => {
    const { service, sync } = setup({ online: false });
    expect(
      await service.concern({ host: 'claude.ai', toolName: 'Claude', what: 'Wrong dosage advice' }),
    ).toEqual({ ok: true });
    await service.flush();
    expect(readConcerns(sync.relayReport)).toEqual([]);
    sync.setOnline(true);
    await service.flush();
    expect(readConcerns(sync.relayReport)).toEqual([
      expect.objectContaining({
        host: 'claude.ai',
        toolName: 'Claude',
        what: 'Wrong dosage advice',
      }),
    ]);
    expect(readConcerns(sync.relayReport)[0]).not.toHaveProperty('name');
  });

  it('tells the popup and the banner what the workspace decided, and the banner stays dismissed for the day', async () => {
    const { service, sync, advance } = setup();
    setStatus(sync.policy, 'anthropic-claude', {
      status: 'banned',
      guidance: 'No customer data.',
      alternative: 'ChatGPT Enterprise',
      updatedBy: 'dana',
      updatedAt: 1,
    });
    setStatus(sync.policy, 'openai-chatgpt', {
      status: 'approved',
      guidance: '',
      updatedBy: 'dana',
      updatedAt: 1,
    });
    expect(await service.site('https://claude.ai/chat/1')).toMatchObject({
      host: 'claude.ai',
      tool: { toolKey: 'anthropic-claude' },
      status: { status: 'banned', alternative: 'ChatGPT Enterprise' },
    });
    expect(await service.banner('chatgpt.com')).toEqual({ show: false });
    expect(await service.banner('claude.ai')).toMatchObject({
      show: true,
      status: 'banned',
      guidance: 'No customer data.',
    });
    await service.dismissBanner('anthropic-claude');
    expect(await service.banner('claude.ai')).toEqual({ show: false });
    advance(DAY);
    expect((await service.banner('claude.ai')).show).toBe(true);
    expect(await service.banner('example.com')).toEqual({ show: false });
  });

  it('detects the workspace’s own tools from its policy without a new release', async () => {
    const { service, sync, log } = setup();
    setWorkspaceTool(sync.policy, {
      id: 'acme-llm',
      name: 'Acme LLM',
      hosts: ['llm.acme.example'],
    });
    await service.onNavigation({
      url: 'https://llm.acme.example/chat',
      frameId: 0,
      timeStamp: Date.now(),
    });
    expect((await log.exportAll()).map((entry) => entry.toolKey)).toEqual(['acme-llm']);
  });

  it('enrols with a code and connects', async () => {
    const { service } = setup({ enrolled: false });
    expect(await service.enrol('a.b.c', 'https://relay.example/#/enrol')).toEqual({
      ok: true,
      workspace: 'acme',
    });
    expect(await service.status(0)).toMatchObject({
      enrolled: true,
      workspace: 'acme',
      connection: 'connected',
    });
    expect(await service.enrol('not a code', 'https://relay.example')).toHaveProperty('error');
  });

  it('deletes local data on request', async () => {
    const { service, log } = setup({ enrolled: false });
    await service.onNavigation({ url: 'https://claude.ai/', frameId: 0, timeStamp: Date.now() });
    await service.deleteLocalData();
    expect(await log.exportAll()).toEqual([]);
  });
});

// Y is imported so that the fake's documents and these assertions share one Yjs instance.
void Y;

describe('BackgroundService and the sleeping worker', () => {
  it('closes the socket after a quiet spell, and opens it again when there is work', async () => {
    const { service, sync, scheduled, advance, runTimers } = setup();
    await service.onNavigation({ url: 'https://chatgpt.com/', frameId: 0, timeStamp: Date.now() });
    await service.flush();
    expect(scheduled).toContain(IDLE_AFTER_MS);
    runTimers(IDLE_AFTER_MS); // too early: something happened less than IDLE_AFTER_MS ago
    expect(sync.sleeping).toBe(false);
    advance(IDLE_AFTER_MS);
    runTimers(IDLE_AFTER_MS);
    expect(sync.sleeping).toBe(true);
    await service.onNavigation({ url: 'https://claude.ai/', frameId: 0, timeStamp: Date.now() });
    await service.flush();
    expect(sync.sleeping).toBe(false);
  });
});

describe('BackgroundService when the relay is away (found by the end-to-end outage test)', () => {
  it('keeps the socket open while the relay has not acknowledged everything, and retries', async () => {
    const { service, sync, scheduled, advance, runTimers } = setup({ online: false });
    await service.onNavigation({ url: 'https://claude.ai/', frameId: 0, timeStamp: Date.now() });
    await service.flush();
    expect(scheduled).toContain(RETRY_FLUSH_MS);
    advance(IDLE_AFTER_MS);
    runTimers(IDLE_AFTER_MS);
    expect(sync.sleeping).toBe(false);
    sync.setOnline(true);
    runTimers(RETRY_FLUSH_MS);
    await service.flush();
    expect(readReport(sync.relayReport).tools.map((tool) => tool.toolKey)).toEqual([
      'anthropic-claude',
    ]);
  });

  it('counts folded but unacknowledged sightings as waiting', async () => {
    const { service, sync } = setup({ online: false });
    await service.onNavigation({ url: 'https://claude.ai/', frameId: 0, timeStamp: Date.now() });
    await service.flush();
    expect((await service.status(0)).pending).toBe(1);
    sync.setOnline(true);
    expect((await service.status(0)).pending).toBe(0);
  });

  it('records the last sync when the relay catches up after a reconnect, not only after a flush', async () => {
    const { service, sync, storage } = setup({ online: false });
    await service.onNavigation({ url: 'https://claude.ai/', frameId: 0, timeStamp: Date.now() });
    await service.flush();
    expect(await storage.get(persistedNames.extensionStorageKeys.lastSyncAt)).toBeUndefined();
    sync.setOnline(true);
    await Promise.resolve();
    expect(await storage.get(persistedNames.extensionStorageKeys.lastSyncAt)).toBeTypeOf('number');
    expect((await service.ledger()).entries.every((entry) => entry.synced)).toBe(true);
  });
});

describe('BackgroundService and likely-AI hosts (docs/privacy.md, "Likely-AI hosts")', () => {
  it('records a visit to an unknown host only when its name alone scores high, keyed by its domain', async () => {
    const { service, sync } = setup();
    const visit = (url: string) => service.onNavigation({ url, frameId: 0, timeStamp: Date.now() });
    // Scores: photo-ai.ai 0.88 (name and .ai), gptzero-notes.example 0.8, some-brand.ai 0.6,
    // dubai.com none.
    await visit('https://app.photo-ai.ai/editor/secret-project?q=private');
    await visit('https://gptzero-notes.example/');
    await visit('https://some-brand.ai/');
    await visit('https://dubai.com/');
    await service.flush();
    const tools = readReport(sync.relayReport).tools;
    expect(tools.map((tool) => [tool.toolKey, tool.name, tool.category])).toEqual([
      ['host:gptzero-notes.example', 'gptzero-notes.example', 'other'],
      ['host:photo-ai.ai', 'photo-ai.ai', 'other'],
    ]);
    expect([...tools[1]!.hosts.keys()]).toEqual(['app.photo-ai.ai']);
    const ledger = await service.ledger();
    expect(JSON.stringify(ledger)).not.toMatch(/secret-project|private|editor/);
  });

  it('never records a likely host from a request made by another site: those need the catalog', async () => {
    const { service, log } = setup();
    await service.onRequest({
      url: 'https://api.photo-ai.ai/v1/chat',
      initiator: 'https://crm.example.com',
      type: 'xmlhttprequest',
      timeStamp: Date.now(),
      tabId: 1,
    });
    expect(await log.countPending()).toBe(0);
  });
});
