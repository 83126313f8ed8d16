import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setUseProfile } from '../registry/classification.ts';
import { addPerson } from '../registry/people.ts';
import { createRecord } from '../registry/records.ts';
import { readRegistry } from '../registry/read.ts';
import {
  AIMS_COMPETENCES,
  AIMS_ROLES,
  AIMS_TRAINING,
  competenceNeeds,
  readAimsRegister,
  saveAimsEntry,
  systemsWithoutOversight,
  type EntryValues,
} from './index.ts';

const DAY = 86_400_000;
const AT = Date.UTC(2026, 11, 7);

// AI literacy (EU AI Act Art. 4, in force since 2 February 2025) and human oversight of a
// high-risk system by competent people (Art. 26(2)); a CV-screening tool is high-risk under
// Annex III point 4(a) (/work/shared/reference/eu-ai-act.md).
function workspace() {
  const doc = new Y.Doc();
  for (const name of ['Ines Moreau', 'Omar Haddad', 'Pia Lund']) {
    addPerson(doc, name, { from: 'added', by: 'Ana', at: AT });
  }
  saveAimsEntry(
    doc,
    AIMS_ROLES,
    'role-hr',
    {
      title: 'HR business partners',
      kind: 'role',
      responsibilities: 'Use the CV screener',
      people: ['Ines Moreau', 'Omar Haddad'],
    },
    'Ana',
    AT,
  );
  createRecord(doc, 'rec-cv', { name: 'CV screener' }, 'Ana', AT);
  createRecord(doc, 'rec-chat', { name: 'Chat helper' }, 'Ana', AT);
  // The use profile alone makes the suggestion high-risk; no lead decision needed.
  setUseProfile(doc, 'rec-cv', { annexIII: ['employment.recruitment'] }, 'Ana', AT);
  saveAimsEntry(
    doc,
    AIMS_COMPETENCES,
    'c-lit',
    { title: 'AI literacy', roleIds: ['role-hr'], course: 'AI literacy basics' },
    'Ana',
    AT,
  );
  return doc;
}

const training = (person: string, extra: EntryValues = {}): EntryValues => ({
  person,
  course: 'AI literacy basics',
  completedAt: AT - 300 * DAY,
  evidence: 'https://lms.example.com/certificates/4711',
  ...extra,
});

const needs = (doc: Y.Doc, now = AT) =>
  competenceNeeds(
    readAimsRegister(doc, AIMS_COMPETENCES).entries,
    readAimsRegister(doc, AIMS_ROLES).entries,
    readAimsRegister(doc, AIMS_TRAINING).entries,
    now,
  );

describe('competence and AI literacy (7.2, 7.3, A.4.6)', () => {
  it('COMP1–COMP3: a training record names a known person, a completion day, an https evidence', () => {
    const doc = workspace();
    const save = (values: EntryValues) =>
      saveAimsEntry(doc, AIMS_TRAINING, 't-1', values, 'Ana', AT);
    expect(() => save(training('Somebody Else'))).toThrow(/not in the people directory/);
    expect(() => save(training('Ines Moreau', { completedAt: undefined }))).toThrow(/Completed on/);
    expect(() => save(training('Ines Moreau', { expiresAt: AT - 400 * DAY }))).toThrow(
      /expires after/,
    );
    expect(() => save(training('Ines Moreau', { evidence: 'file:///c/cert.pdf' }))).toThrow(
      /https/,
    );
    expect(readAimsRegister(doc, AIMS_TRAINING).entries).toEqual([]);
    save(training('ines  moreau'));
    expect(readAimsRegister(doc, AIMS_TRAINING).entries).toHaveLength(1);
  });

  it('shows who has a valid, expiring, expired or missing training for each competence', () => {
    const doc = workspace();
    saveAimsEntry(
      doc,
      AIMS_TRAINING,
      't-1',
      training('Ines Moreau', { expiresAt: AT + 10 * DAY }),
      'Ana',
      AT,
    );
    expect(needs(doc).map((n) => [n.person, n.competence, n.status, n.because])).toEqual([
      ['Ines Moreau', 'AI literacy', 'expiring', 'HR business partners'],
      ['Omar Haddad', 'AI literacy', 'missing', 'HR business partners'],
    ]);
    expect(needs(doc, AT + 11 * DAY)[0]?.status).toBe('expired');
    // A newer record with a later expiry meets it again.
    saveAimsEntry(
      doc,
      AIMS_TRAINING,
      't-2',
      training('Ines Moreau', { completedAt: AT, expiresAt: AT + 365 * DAY }),
      'Ana',
      AT,
    );
    expect(needs(doc, AT + 11 * DAY)[0]).toMatchObject({ status: 'valid', trainingId: 't-2' });
  });

  it('names the high-risk systems nobody is named to oversee, until someone is', () => {
    const doc = workspace();
    const records = () => readRegistry(doc).records.values();
    const competences = () => readAimsRegister(doc, AIMS_COMPETENCES).entries;
    expect(systemsWithoutOversight(records(), competences()).map((r) => r.name)).toEqual([
      'CV screener',
    ]);
    saveAimsEntry(
      doc,
      AIMS_COMPETENCES,
      'c-oversight',
      {
        title: 'Human oversight of the CV screener',
        people: ['Pia Lund'],
        systemIds: ['rec-cv'],
        course: 'Oversight of automated shortlisting',
      },
      'Ana',
      AT,
    );
    expect(systemsWithoutOversight(records(), competences())).toEqual([]);
    expect(needs(doc).find((n) => n.person === 'Pia Lund')).toMatchObject({
      because: 'named',
      status: 'missing',
    });
  });
});
