import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  decideEuAiActCategory,
  readDutyTracker,
  readRegistry,
  saveTrackedDuty,
  setUseProfile,
} from '../documents/registry/index.ts';
import { dutyTrackerCsv, systemTracker, trackerSummary } from './index.ts';

const AT = Date.UTC(2026, 11, 7, 9);
const TODAY = '2026-12-07';

/** A recruiting screener (Annex III 4(a)), a chatbot (Art. 50(1)) and a minimal tool. */
function workspace(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'hire', { name: 'HireRank' }, 'lead', AT);
  setUseProfile(
    doc,
    'hire',
    { annexIII: ['employment.recruitment'], interactsWithPeople: true },
    'lead',
    AT,
  );
  createRecord(doc, 'chat', { name: 'HelpBot' }, 'lead', AT);
  setUseProfile(
    doc,
    'chat',
    { interactsWithPeople: true, biometricCategorisation: 'other-attributes' },
    'lead',
    AT,
  );
  createRecord(doc, 'notes', { name: 'Notes' }, 'lead', AT);
  setUseProfile(doc, 'notes', {}, 'lead', AT);
  return doc;
}

describe('the deployer-obligations tracker (Art. 26, 27, 50, 86)', () => {
  it('lists for a high-risk system each duty of the deployer, with when it applies', () => {
    const doc = workspace();
    const hire = readRegistry(doc).records.get('hire')!;
    const tracker = systemTracker(hire, undefined, {}, TODAY);
    expect(tracker.inScope).toBe(true);
    const rows = tracker.items.map((i) => [i.duty.citation, i.timing.label]);
    // Art. 26 and 27 from 2 Dec 2027 (Annex III, as amended); Art. 4 applies now.
    expect(rows).toContainEqual(['Art. 26(6)', 'from 2 Dec 2027']);
    expect(rows).toContainEqual(['Art. 27', 'from 2 Dec 2027']);
    expect(rows).toContainEqual(['Art. 86', 'from 2 Dec 2027']);
    expect(rows).toContainEqual(['Art. 4', 'applies now']);
    // Only the workspace's own duties: Art. 50(1) binds the provider.
    expect(tracker.items.every((i) => i.duty.binds === 'deployer')).toBe(true);
    expect(tracker.items.find((i) => i.duty.id === 'art-26-9')!.evidencePrompt).toMatch(/DPIA/);
  });

  it('lists an Art. 50 system’s disclosure duty, and leaves a minimal system out', () => {
    const records = readRegistry(workspace()).records;
    const chat = systemTracker(records.get('chat')!, undefined, {}, TODAY);
    expect(chat.items.map((i) => [i.duty.citation, i.timing.label])).toEqual([
      ['Art. 50(3)', 'applies now'],
      ['Art. 4', 'applies now'],
    ]);
    expect(systemTracker(records.get('notes')!, undefined, {}, TODAY).inScope).toBe(false);
  });

  it('counts open duties for the dashboard: applying now, and due by 2 Dec 2027', () => {
    const doc = workspace();
    saveTrackedDuty(doc, 'hire', 'art-26-1', { status: 'done' }, 'lead', AT);
    saveTrackedDuty(
      doc,
      'chat',
      'art-50-3',
      { status: 'not-applicable', evidence: 'No camera' },
      'lead',
      AT,
    );
    const records = readRegistry(doc).records.values();
    const summary = trackerSummary(records, readDutyTracker(doc), {}, TODAY);
    // HireRank: 13 deployer duties (Art. 26 ×10, 27, 86, 4), one done → 12; HelpBot: Art. 4 → 1.
    expect(summary).toEqual({
      systems: 2,
      open: 13,
      openNow: 2,
      dueBy: { date: '2027-12-02', count: 13 },
    });
    // A year on, everything applies: nothing about "today" is hard-coded.
    expect(
      trackerSummary(readRegistry(doc).records.values(), readDutyTracker(doc), {}, '2027-12-02')
        .openNow,
    ).toBe(13);
  });

  it('keeps a recorded duty the classification no longer gives, as stale', () => {
    const doc = workspace();
    saveTrackedDuty(doc, 'chat', 'art-26-7', { status: 'done' }, 'lead', AT);
    const chat = systemTracker(
      readRegistry(doc).records.get('chat')!,
      readDutyTracker(doc).byRecord.get('chat'),
      {},
      TODAY,
    );
    expect(chat.stale.map((t) => t.dutyId)).toEqual(['art-26-7']);
  });

  it('says so when the lead decided another category than the answers give', () => {
    const doc = workspace();
    decideEuAiActCategory(doc, 'chat', {
      category: 'high-risk',
      confirmed: false,
      overrideReason: 'ranks callers',
      by: 'lead',
      at: AT,
    });
    const chat = systemTracker(readRegistry(doc).records.get('chat')!, undefined, {}, TODAY);
    expect(chat.note).toMatch(/decided high-risk, but the answers give transparency/);
  });

  it('exports one CSV row per duty of each system, with its state', () => {
    const doc = workspace();
    saveTrackedDuty(
      doc,
      'hire',
      'art-26-2',
      { status: 'done', owner: 'Dana', evidence: '=SUM(A1)' },
      'lead',
      AT,
    );
    const csv = dutyTrackerCsv(readRegistry(doc).records.values(), readDutyTracker(doc), {}, TODAY);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'system,system_id,citation,duty,binds,applies_from,applies_now,status,owner,evidence,link,date,updated_by,updated_at',
    );
    expect(lines).toHaveLength(1 + 2 + 13);
    const row = lines.find((l) => l.includes('Art. 26(2)'))!;
    expect(row).toMatch(
      /^HireRank,hire,Art\. 26\(2\),.*,deployer,2027-12-02,no,done,Dana,'=SUM\(A1\),,,lead,2026-12-07T09:00:00\.000Z$/,
    );
  });
});
