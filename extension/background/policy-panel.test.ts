import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { publishAiPolicy, setSettings } from '../../shared/documents/policy/index.ts';
import { readPolicyAcks } from '../../shared/documents/report/index.ts';
import { memoryKeyValueStore } from '../platform/key-value-store.ts';
import { PolicyPanel } from './policy-panel.ts';

const DAY = 86_400_000;
const V2 = {
  versionId: 'v2',
  number: 2,
  title: 'Using AI at Acme',
  summary: 'Use only approved AI tools. Never paste personal data into one.',
  link: 'https://intranet.example.com/policies/ai',
  approvedAt: Date.UTC(2026, 10, 1),
};

function setup() {
  let now = Date.UTC(2026, 10, 20, 10);
  const policy = new Y.Doc();
  const report = new Y.Doc();
  const storage = memoryKeyValueStore();
  const panel = new PolicyPanel(storage, () => now);
  publishAiPolicy(policy, V2, 'Ana', now);
  return { panel, policy, report, storage, advance: (ms: number) => (now += ms) };
}

describe('the AI policy panel (docs/extension.md, "The AI policy panel")', () => {
  it('shows the current version on an AI tool until the employee acknowledges it', async () => {
    const { panel, policy, report } = setup();
    const docs = { policy, report };
    expect(await panel.info(docs, true)).toEqual({
      show: true,
      policy: { versionId: 'v2', number: 2, title: V2.title, summary: V2.summary, link: V2.link },
      attributed: false,
    });
    expect(await panel.info(docs, false)).toEqual({ show: false }); // not an AI tool
    expect(await panel.info(undefined, true)).toEqual({ show: false }); // not enrolled

    expect(await panel.acknowledge(policy, 'v2')).toEqual({ ok: true });
    expect(await panel.info(docs, true)).toEqual({ show: false }); // at once, before any sync
    expect(await panel.flushInto(report)).toBe(1);
    expect(readPolicyAcks(report)).toEqual([{ versionId: 'v2', number: 2, day: '2026-11-20' }]);
    expect(await panel.info(docs, true)).toEqual({ show: false }); // from the report now
    expect(await panel.waiting()).toBe(0);
  });

  it('comes back for a new version', async () => {
    const { panel, policy, report } = setup();
    await panel.acknowledge(policy, 'v2');
    await panel.flushInto(report);
    publishAiPolicy(policy, { ...V2, versionId: 'v3', number: 3 }, 'Ana', Date.now());
    expect(await panel.info({ policy, report }, true)).toMatchObject({
      show: true,
      policy: { versionId: 'v3', number: 3 },
    });
  });

  it('"Not now" hides it for the rest of the day and counts nothing', async () => {
    const { panel, policy, report, advance } = setup();
    await panel.snooze('v2');
    expect(await panel.info({ policy, report }, true)).toEqual({ show: false });
    expect(await panel.flushInto(report)).toBe(0);
    advance(DAY);
    expect(await panel.info({ policy, report }, true)).toMatchObject({ show: true });
  });

  it('acknowledges only the version published now, and says so otherwise', async () => {
    const { panel, policy } = setup();
    expect(await panel.acknowledge(policy, 'v1')).toEqual({
      error: 'this is not the workspace’s current AI policy',
    });
    expect(await panel.acknowledge(undefined, 'v2')).toHaveProperty('error');
    expect(await panel.waiting()).toBe(0);
  });

  it('tells the employee when the workspace uses attributed reporting', async () => {
    const { panel, policy, report } = setup();
    setSettings(policy, { attributedReporting: true });
    expect(await panel.info({ policy, report }, true)).toMatchObject({ attributed: true });
  });
});
