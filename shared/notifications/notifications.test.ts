import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { recordReview } from '../documents/assessment/reviews.ts';
import {
  recordApproval,
  saveIncident,
  saveRisk,
  readRiskRegister,
} from '../documents/registry/index.ts';
import { incidentFields } from '../incidents/fixture.test-support.ts';
import { DAY, NOW, SHA, SIGNED, financeWorkspace } from './fixture.test-support.ts';
import { notificationsFor, workspaceNotifications, type WorkspaceNotification } from './index.ts';

const ids = (list: WorkspaceNotification[], kind?: string) =>
  list
    .filter((n) => kind === undefined || n.kind === kind)
    .map((n) => n.id)
    .sort();

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe('workspaceNotifications (NTF1–NTF5)', () => {
  it('derives every kind from the Global Finance Corp workspace', () => {
    const list = workspaceNotifications({ ...financeWorkspace(), now: NOW });
    expect(ids(list, 'assigned')).toEqual([
      'assigned:aims:aimsNonconformities%2Fnc-1:sam%20okafor',
      'assigned:assessment:asm-1:affected:leila%20moreau',
      'assigned:record:rec-fraud:art-26-5:leila%20moreau',
      'assigned:record:rec-fraud:leila%20moreau',
      'assigned:risk:risk-1:sam%20okafor',
    ]);
    // Priya approved since the last sign-off; Sam has not answered.
    expect(ids(list, 'review.requested')).toEqual([
      `review.requested:assessment:asm-1:sam%20okafor:${SIGNED}`,
    ]);
    // Signed off 2026-09-20 with no tier decided: reviewed at 6 months (nextReview), so
    // 2027-03-20, within 30 days of 2 March; the risk is due 10 March; the document was due
    // 1 March; the management review is held 25 March.
    expect(ids(list, 'review.due')).toEqual([
      `review.due:aims:aimsDocuments%2Fdoc-1:${Date.UTC(2027, 2, 1)}`,
      `review.due:aims:aimsReviews%2Fmr-1:${Date.UTC(2027, 2, 25)}`,
      `review.due:assessment:asm-1:${Date.UTC(2027, 2, 20, 10)}`,
      `review.due:risk:risk-1:${Date.UTC(2027, 2, 10)}`,
    ]);
    // A serious incident with a personal-data breach, detected 1 March 09:30: Art. 26(5) at once,
    // GDPR Art. 33(1) within 72 h, Art. 73(2) within 15 days.
    const detected = Date.UTC(2027, 2, 1, 9, 30);
    expect(ids(list, 'clock.due')).toEqual([
      `clock.due:incident:inc-1:ai-act-26-5:${detected}`,
      `clock.due:incident:inc-1:ai-act-73-2:${detected + 15 * DAY}`,
      `clock.due:incident:inc-1:gdpr-33-1:${detected + 3 * DAY}`,
    ]);
    const byId = new Map(list.map((n) => [n.id, n]));
    expect(byId.get(`clock.due:incident:inc-1:gdpr-33-1:${detected + 3 * DAY}`)).toMatchObject({
      subject: { type: 'incident', id: 'inc-1', href: '#/incidents/inc-1' },
      summary:
        'Fraud model blocked legitimate card payments: inform the data-protection supervisory authority (GDPR Art. 33(1)), 1 d 21 h left',
      dueAt: detected + 3 * DAY,
      recipients: [],
    });
    expect(byId.get(`review.due:risk:risk-1:${Date.UTC(2027, 2, 10)}`)?.summary).toBe(
      'The risk “Legitimate payments declined after a model update” is due 2027-03-10',
    );
    expect(byId.get(`review.due:aims:aimsDocuments%2Fdoc-1:${Date.UTC(2027, 2, 1)}`)?.summary).toBe(
      'The document “Model change procedure” was due 2027-03-01 for review',
    );
    // Newest first.
    expect(list.map((n) => n.at)).toEqual([...list.map((n) => n.at)].sort((a, b) => b - a));
  });

  it('gives the same ids on another replica and later, while the facts hold', () => {
    const workspace = financeWorkspace();
    const here = workspaceNotifications({ ...workspace, now: NOW });
    const there = workspaceNotifications({
      registry: copyOf(workspace.registry),
      assessments: new Map([...workspace.assessments].map(([id, doc]) => [id, copyOf(doc)])),
      now: NOW + 3 * 3_600_000,
    });
    expect(ids(there)).toEqual(ids(here));
  });

  it('ends a notification when its fact ends', () => {
    const workspace = financeWorkspace();
    const { registry } = workspace;
    const before = ids(workspaceNotifications({ ...workspace, now: NOW }));
    // The provider is informed; the risk is closed; Sam gives his verdict.
    const fields = incidentFields({ serious: ['a'], personalDataBreach: true });
    saveIncident(
      registry,
      'inc-1',
      { ...fields, informed: { provider: { at: NOW - 3_600_000, by: 'Dana Lead' } } },
      'Dana Lead',
      NOW,
    );
    const risk = readRiskRegister(registry).risks.get('risk-1')!;
    saveRisk(registry, 'risk-1', { ...risk, status: 'closed' }, 'Dana Lead', NOW);
    recordReview(workspace.assessments.get('asm-1')!, {
      id: 'rv-2',
      by: 'sam okafor',
      decision: 'approve',
      at: NOW,
      draftSha256: SHA,
    });
    const after = ids(workspaceNotifications({ ...workspace, now: NOW }));
    const gone = before.filter((id) => !after.includes(id));
    expect(gone).toEqual([
      'assigned:risk:risk-1:sam%20okafor',
      `clock.due:incident:inc-1:ai-act-26-5:${Date.UTC(2027, 2, 1, 9, 30)}`,
      `review.due:risk:risk-1:${Date.UTC(2027, 2, 10)}`,
      `review.requested:assessment:asm-1:sam%20okafor:${SIGNED}`,
    ]);
    expect(after.filter((id) => !before.includes(id))).toEqual([]);
  });

  it('starts a new review cycle with a new id after the next sign-off', () => {
    const workspace = financeWorkspace();
    recordApproval(workspace.registry, {
      assessmentId: 'asm-1',
      versionId: 'v2',
      versionName: 'Reviewed',
      number: 2,
      by: 'Dana Lead',
      role: 'lead',
      at: NOW - DAY,
      contentSha256: SHA,
    });
    const list = workspaceNotifications({ ...workspace, now: NOW });
    // Reviewed yesterday: the next review is six months away, and the request is a new one.
    expect(ids(list, 'review.due').some((id) => id.startsWith('review.due:assessment'))).toBe(
      false,
    );
    expect(ids(list, 'review.requested')).toEqual([
      `review.requested:assessment:asm-1:priya%20raman:${NOW - DAY}`,
      `review.requested:assessment:asm-1:sam%20okafor:${NOW - DAY}`,
    ]);
  });

  it('shows a person theirs, and a lead also those for every lead', () => {
    const list = workspaceNotifications({ ...financeWorkspace(), now: NOW });
    const leila = notificationsFor(list, 'leila moreau', { lead: false });
    expect(leila.every((n) => n.recipients.includes('leila moreau'))).toBe(true);
    expect(leila).toHaveLength(3);
    const lead = notificationsFor(list, 'dana lead', { lead: true });
    expect(lead.filter((n) => n.kind === 'clock.due')).toHaveLength(3);
    expect(lead.some((n) => n.subject.id === 'aimsReviews/mr-1')).toBe(true);
  });

  it('reads damaged documents without trust: what is unreadable is skipped', () => {
    const registry = new Y.Doc();
    registry.getMap('records').set('rec-x', 'not a record');
    registry.getMap('incidents').set('inc-x', 42);
    registry.getMap('assessments').set('asm-x', { recordId: 7 });
    const assessment = new Y.Doc();
    assessment.getMap('reviewers').set('Sam', 'yes');
    expect(
      workspaceNotifications({ registry, assessments: new Map([['asm-x', assessment]]), now: NOW }),
    ).toEqual([]);
  });
});
