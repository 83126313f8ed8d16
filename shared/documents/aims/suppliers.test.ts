import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AIMS_SUPPLIER_ANSWERS,
  AIMS_SUPPLIER_QUESTIONS,
  AIMS_SUPPLIERS,
  answersOf,
  isRenewalDue,
  missingClauses,
  readAimsRegister,
  saveAimsEntry,
  suppliersOfRecord,
  type EntryValues,
} from './index.ts';

const DAY = 86_400_000;
const AT = Date.UTC(2026, 11, 7);

// A supplier of a general-purpose AI tool: OpenAI's public data-use page is the source the catalog
// cites (shared/catalog/vendor-facts/vendor-facts.json, "openai-chatgpt"); Art. 13 (instructions
// for use), Art. 47 (EU declaration of conformity), Art. 48 (CE marking) and Art. 49/71 (EU
// database registration) are the evidence a deployer keeps (/work/shared/reference/eu-ai-act.md).
const OPENAI: EntryValues = {
  title: 'OpenAI',
  toolId: 'openai-chatgpt',
  recordIds: ['rec-chatgpt'],
  owner: 'Dana Whitfield',
  contractStart: Date.UTC(2026, 0, 1),
  renewalDate: Date.UTC(2027, 0, 1),
  clause_dataUse: 'present',
  instructionsLink: 'https://platform.openai.com/docs/overview',
  instructionsReceived: Date.UTC(2026, 0, 5),
};

function workspace() {
  const doc = new Y.Doc();
  saveAimsEntry(doc, AIMS_SUPPLIERS, 'sup-openai', OPENAI, 'Ana', AT);
  saveAimsEntry(
    doc,
    AIMS_SUPPLIER_QUESTIONS,
    'q-training',
    { title: 'Is our data used to train your models?' },
    'Ana',
    AT,
  );
  return doc;
}

const refuses = (doc: Y.Doc, values: EntryValues, message: RegExp) => {
  const before = Y.encodeStateAsUpdate(doc);
  expect(() => saveAimsEntry(doc, AIMS_SUPPLIERS, 'sup-x', values, 'Ana', AT)).toThrow(message);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
};

describe('supplier files (A.10, SUP1–SUP5)', () => {
  it('saves a supplier file and reads it back', () => {
    const doc = workspace();
    const [entry] = readAimsRegister(doc, AIMS_SUPPLIERS).entries;
    expect(entry?.values).toMatchObject({ title: 'OpenAI', toolId: 'openai-chatgpt' });
  });

  it('SUP1 refuses a link that is not https, changing nothing', () => {
    const doc = workspace();
    refuses(doc, { title: 'X', art13Link: 'http://example.com/art13' }, /https/);
    refuses(doc, { title: 'X', conformityLink: 'javascript:alert(1)' }, /https/);
    refuses(doc, { title: 'X', euDatabaseLink: 'not a link' }, /https/);
  });

  it('SUP2 refuses a date received without its document', () => {
    refuses(workspace(), { title: 'X', art13Received: AT }, /date goes with its link/);
  });

  it('SUP3 refuses a renewal on or before the contract start', () => {
    refuses(workspace(), { title: 'X', contractStart: AT, renewalDate: AT }, /renewal date/);
    refuses(workspace(), { title: 'X', contractStart: AT, renewalDate: AT - DAY }, /renewal/);
  });

  it('SUP4 refuses a catalog tool id the catalog does not hold', () => {
    refuses(workspace(), { title: 'X', toolId: 'no-such-tool' }, /not a tool of the catalog/);
  });

  it('SUP5 an answer belongs to one existing supplier file and one question', () => {
    const doc = workspace();
    const answer = (values: EntryValues) =>
      saveAimsEntry(doc, AIMS_SUPPLIER_ANSWERS, 'a-1', values, 'Ana', AT);
    expect(() => answer({ answer: 'No', questionIds: ['q-training'] })).toThrow(/one supplier/);
    expect(() =>
      answer({ answer: 'No', supplierIds: ['sup-gone'], questionIds: ['q-training'] }),
    ).toThrow(/one supplier/);
    expect(() => answer({ answer: 'No', supplierIds: ['sup-openai'] })).toThrow(/one question/);
    expect(() =>
      answer({
        answer: 'No',
        supplierIds: ['sup-openai'],
        questionIds: ['q-training'],
        evidenceLink: 'ftp://example.com',
      }),
    ).toThrow(/https/);
    answer({
      answer: 'Not for business plans',
      supplierIds: ['sup-openai'],
      questionIds: ['q-training'],
      evidenceLink:
        'https://help.openai.com/en/articles/5722486-how-your-data-is-used-to-improve-model-performance',
    });
    const answers = readAimsRegister(doc, AIMS_SUPPLIER_ANSWERS).entries;
    expect(answersOf(answers, 'sup-openai').get('q-training')?.values.answer).toBe(
      'Not for business plans',
    );
  });

  it('a renewal is due within 60 days of its date, and after it', () => {
    const renewal = Date.UTC(2027, 0, 1);
    expect(isRenewalDue({ renewalDate: renewal }, renewal - 61 * DAY)).toBe(false);
    expect(isRenewalDue({ renewalDate: renewal }, renewal - 60 * DAY)).toBe(true);
    expect(isRenewalDue({ renewalDate: renewal }, renewal + DAY)).toBe(true);
    expect(isRenewalDue({}, renewal)).toBe(false);
  });

  it('lists the clauses not shown present, and the files that name a record', () => {
    expect(missingClauses({ ...OPENAI, clause_retention: 'absent' })).toEqual([
      'Retention',
      'Sub-processors',
      'Audit rights',
      'Incident notification',
      'Liability',
    ]);
    const entries = readAimsRegister(workspace(), AIMS_SUPPLIERS).entries;
    expect(suppliersOfRecord(entries, 'rec-chatgpt').map((s) => s.id)).toEqual(['sup-openai']);
    expect(suppliersOfRecord(entries, 'rec-other')).toEqual([]);
  });
});
