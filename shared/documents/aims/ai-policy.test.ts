import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { publishAiPolicy, readPublishedAiPolicy } from '../policy/index.ts';
import {
  AIMS_POLICY,
  AIMS_ROLES,
  aiPolicyCsv,
  approvePolicyVersion,
  isPolicyLink,
  readAiPolicy,
  saveAimsEntry,
  savePolicyDraft,
} from './index.ts';
import { addTopManagement } from './fixture.test-support.ts';

const AT = Date.UTC(2026, 11, 1);
// A policy summary in the spirit of the EU AI Act Art. 4 (AI literacy) and ISO/IEC 42001 A.2.2.
const draft = {
  title: 'Acceptable use of AI',
  summary: 'Use only approved AI tools for work data. Never paste personal data into a tool.',
  link: 'https://intranet.example.com/policies/ai',
};

function workspace() {
  const doc = new Y.Doc();
  addTopManagement(doc, ['Maria CEO'], AT);
  saveAimsEntry(
    doc,
    AIMS_ROLES,
    'lead',
    {
      title: 'AI governance lead',
      kind: 'role',
      responsibilities: 'Runs the AIMS',
      people: ['Ana'],
    },
    'Ana',
    AT,
  );
  return doc;
}

describe('the AI policy as a controlled document (M4, M5)', () => {
  it('M5: only top management approves; versions are numbered in order of approval', () => {
    const doc = workspace();
    savePolicyDraft(doc, 'v-a', draft, 'Ana', AT);
    expect(() => approvePolicyVersion(doc, 'v-a', 'Ana', AT + 1)).toThrow(/top-management/);
    expect(readAiPolicy(doc).current).toBeUndefined();
    approvePolicyVersion(doc, 'v-a', 'Maria CEO', AT + 2);
    savePolicyDraft(doc, 'v-b', { ...draft, summary: 'Updated.' }, 'Ana', AT + 3);
    approvePolicyVersion(doc, 'v-b', 'Maria CEO', AT + 4);
    const read = readAiPolicy(doc);
    expect(read.versions.map((v) => [v.id, v.number, v.state])).toEqual([
      ['v-a', 1, 'approved'],
      ['v-b', 2, 'approved'],
    ]);
    expect(read.current).toMatchObject({ id: 'v-b', number: 2, approvedBy: 'Maria CEO' });
    expect(() => approvePolicyVersion(doc, 'v-b', 'Maria CEO', AT + 5)).toThrow(/already/);
    const csv = aiPolicyCsv(read.versions).split('\r\n');
    expect(csv[0]).toBe(
      'Version id,Version,State,Title,Summary,Link,Approved by,Approved at,Created by,Created at,Last changed,Changed by',
    );
    expect(csv[2]).toMatch(/^v-b,2,approved,Acceptable use of AI,Updated\.,https:/);
  });

  it('M4: an approved version cannot be edited, and one altered behind the writer is shown as altered, never current', () => {
    const doc = workspace();
    savePolicyDraft(doc, 'v-a', draft, 'Ana', AT);
    approvePolicyVersion(doc, 'v-a', 'Maria CEO', AT + 1);
    expect(() => savePolicyDraft(doc, 'v-a', { ...draft, title: 'X' }, 'Ana', AT + 2)).toThrow(
      /cannot be changed/,
    );
    (doc.getMap(AIMS_POLICY).get('v-a') as Y.Map<unknown>).set('summary', 'Anything goes.');
    const read = readAiPolicy(doc);
    expect(read.versions[0]?.state).toBe('altered');
    expect(read.current).toBeUndefined();
    expect(read.problems.join('\n')).toMatch(/does not match/);
  });

  it('refuses a link that is not https, or carries credentials, changing nothing', () => {
    const doc = workspace();
    for (const link of ['http://x.example', 'javascript:alert(1)', 'https://u:p@x.example/']) {
      expect(isPolicyLink(link), link).toBe(false);
      expect(() => savePolicyDraft(doc, 'v-a', { ...draft, link }, 'Ana', AT)).toThrow(/https/);
    }
    expect(readAiPolicy(doc).versions).toEqual([]);
  });

  it('publishes the current version to the policy document, read without trust', () => {
    const policy = new Y.Doc();
    expect(readPublishedAiPolicy(policy).policy).toBeUndefined();
    const published = { versionId: 'v-a', number: 1, ...draft, approvedAt: AT };
    expect(publishAiPolicy(policy, published, 'Ana', AT + 1)).toBe(true);
    expect(publishAiPolicy(policy, published, 'Ana', AT + 2)).toBe(false);
    expect(readPublishedAiPolicy(policy).policy).toEqual({
      ...published,
      publishedBy: 'Ana',
      publishedAt: AT + 1,
    });
    expect(() =>
      publishAiPolicy(policy, { ...published, link: 'http://x' }, 'Ana', AT + 3),
    ).toThrow(/https/);
    policy.getMap('aiPolicy').set('link', 'javascript:alert(1)');
    const read = readPublishedAiPolicy(policy);
    expect(read.policy).toBeUndefined();
    expect(read.problems.join('\n')).toMatch(/none is shown/);
  });
});
