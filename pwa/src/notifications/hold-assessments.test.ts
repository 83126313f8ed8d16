import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { AI_RISK_ASSESSMENT, startAssessment } from '../../../shared/assessments/index.ts';
import { startThread } from '../../../shared/comments/write.ts';
import {
  ASSESSMENT_SCHEMA,
  assignSection,
  readAssessment,
  setReviewer,
} from '../../../shared/documents/assessment/index.ts';
import {
  createRecord,
  indexAssessment,
  readRegistry,
} from '../../../shared/documents/registry/index.ts';
import { REGISTRY_SCHEMA } from '../../../shared/documents/registry/schema.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { meOf, myNotifications } from './for-me.ts';
import { holdListedAssessments } from './hold-assessments.ts';
import { createNotificationFeed } from './notification-feed.ts';
import { DERIVATIONS } from './notification-sources.ts';

const AT = Date.UTC(2026, 11, 7, 9, 0);
const dana = { name: 'Dana Reyes', role: 'lead' } as const;
let stops: (() => void)[] = [];
afterEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
});

/**
 * A workspace where Leila is asked to review an assessment, assigned one of its sections and
 * mentioned in a comment on that section and on the record: all but the record's comment are in
 * the assessment's own document, which this device holds only on demand.
 */
function workspace() {
  const registry = new Y.Doc();
  createRecord(registry, 'rec-1', { name: 'HireRank' }, dana.name, AT);
  const record = readRegistry(registry).records.get('rec-1')!;
  const a1 = new Y.Doc({ gc: false });
  startAssessment(a1, { template: AI_RISK_ASSESSMENT, record }, dana.name, AT);
  const section = readAssessment(a1).meta!.outline[0]!;
  setReviewer(a1, 'Leila Moreau', true);
  assignSection(a1, section.id, 'Leila Moreau', dana.name, AT);
  const mention = { body: '@Leila Moreau please check', mentions: ['leila moreau'] };
  startThread(
    { doc: a1, schema: ASSESSMENT_SCHEMA },
    { id: 'c1', subject: { type: 'section', id: section.id }, ...mention },
    dana,
    AT,
  );
  startThread(
    { doc: registry, schema: REGISTRY_SCHEMA },
    { id: 'c2', subject: { type: 'record', id: 'rec-1' }, ...mention },
    dana,
    AT,
  );
  indexAssessment(registry, {
    id: 'a1',
    recordId: 'rec-1',
    kind: 'risk',
    title: 'AI risk assessment: HireRank',
    createdAt: AT,
    createdBy: dana.name,
  });
  const credentials = { workspace: 'acme', token: 't', role: 'contributor' } as const;
  return { registry, section, sync: fakeSync(credentials, { registry }, 'online', { a1 }) };
}

describe('the inbox holds the listed assessments (NTF-UI4)', () => {
  it('derives review requests, section assignments and mentions from their documents', async () => {
    const { registry, section, sync } = workspace();
    const into = new Map<string, Y.Doc>();
    const feed = createNotificationFeed(
      { registry, assessments: into },
      {
        derivations: DERIVATIONS,
        activate: (live) => holdListedAssessments({ sync, registry, into, feed: live, delay: 0 }),
      },
    );
    const leila = () => myNotifications(feed.snapshot().all, meOf('Leila Moreau', 'contributor'));
    expect(leila().map((n) => n.kind)).toEqual(['mentioned']); // the registry's comment only
    stops.push(feed.subscribe(() => {}));
    const described = () =>
      leila()
        .map((n) => `${n.kind} ${n.subject.title} ${n.subject.href}`)
        .sort();
    await vi.waitFor(() => expect(described()).toHaveLength(4), { timeout: 3_000 });
    expect([...into.keys()]).toEqual(['a1']);
    expect(described()).toEqual([
      'assigned AI risk assessment: HireRank #/assessments/a1',
      'mentioned HireRank #/inventory/rec-1',
      `mentioned ${section.title} · AI risk assessment: HireRank #/assessments/a1`,
      'review.requested AI risk assessment: HireRank #/assessments/a1',
    ]);
    stops.pop()!();
    expect(into.size).toBe(0);
    sync.destroy();
  });

  it('holds nothing for a role that cannot open assessments, and nothing without a registry', () => {
    const { registry, sync } = workspace();
    const refusing = {
      ...sync,
      openAssessment: () => {
        throw new Error('a member cannot open assessment documents');
      },
    };
    const into = new Map<string, Y.Doc>();
    const feed = { watch: () => () => {}, refresh: () => {} };
    const stop = holdListedAssessments({ sync: refusing, registry, into, feed, delay: 0 });
    stop();
    expect(into.size).toBe(0);
    expect(holdListedAssessments({ sync, registry: undefined, into, feed })).toBeTypeOf('function');
    sync.destroy();
  });
});
