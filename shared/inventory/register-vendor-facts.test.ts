import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { vendorFactsOf } from '../catalog/vendor-facts/vendor-facts.ts';
import { knownFactLines } from '../catalog/vendor-facts/words.ts';
import { createRecord, readRegistry } from '../documents/registry/index.ts';
import { suggestColumns } from './import/columns.ts';
import { LIST_SEPARATOR, REGISTER_COLUMNS, registerCsv, registerJson } from './register-export.ts';
import { VENDOR_FACTS_COLUMN, vendorFactsCell } from './register-vendor-facts.ts';

const AT = Date.UTC(2026, 11, 7, 12);

function registry() {
  const doc = new Y.Doc();
  createRecord(doc, 'rec-1', { name: 'ChatGPT', toolKeys: ['openai-chatgpt'] }, 'lead', AT);
  createRecord(
    doc,
    'rec-2',
    { name: 'Two tools', toolKeys: ['openai-api', 'host:photo-ai.example'] },
    'lead',
    AT,
  );
  createRecord(doc, 'rec-3', { name: 'Unread', toolKeys: ['no-such-tool'] }, 'lead', AT);
  createRecord(doc, 'rec-4', { name: 'Manual' }, 'lead', AT);
  return readRegistry(doc).records;
}

describe('vendor facts in the register export (docs/catalog.md, "Vendor facts")', () => {
  it('CSV: the facts the PWA shows, from the same accessor, after the register’s columns', () => {
    const csv = registerCsv(registry().values());
    const header = csv.split('\r\n')[0]!.split(',');
    expect(header[REGISTER_COLUMNS.length]).toBe(VENDOR_FACTS_COLUMN);
    const expected = knownFactLines(vendorFactsOf('openai-chatgpt')).join(LIST_SEPARATOR);
    expect(expected).toMatch(/help\.openai\.com.* read 2026-12-07/);
    expect(vendorFactsCell(['openai-chatgpt'], LIST_SEPARATOR)).toBe(expected);
    expect(csv).toContain(expected);
  });

  it('says unknown for a tool nobody has read, and nothing for a record with no catalog tool', () => {
    expect(vendorFactsCell(['no-such-tool'], '; ')).toBe('unknown');
    expect(vendorFactsCell(['host:photo-ai.example'], '; ')).toBe('');
    expect(vendorFactsCell([], '; ')).toBe('');
    expect(vendorFactsCell(['openai-api', 'host:photo-ai.example'], '; ')).toMatch(
      /^Trains models on customer data by default \(API\): no/,
    );
  });

  it('JSON: each catalog tool’s known facts in full, with page, day read and the vendor’s words', () => {
    const json = JSON.parse(registerJson(registry().values()));
    const chatgpt = json.records.find((r: { id: string }) => r.id === 'rec-1');
    expect(chatgpt.vendorFacts).toHaveLength(1);
    expect(chatgpt.vendorFacts[0].toolId).toBe('openai-chatgpt');
    expect(chatgpt.vendorFacts[0].facts).toContainEqual(
      expect.objectContaining({
        topic: 'training',
        plan: 'business',
        value: 'no',
        words: 'no',
        read: '2026-12-07',
      }),
    );
    const manual = json.records.find((r: { id: string }) => r.id === 'rec-4');
    expect(manual.vendorFacts).toBeUndefined();
    const unread = json.records.find((r: { id: string }) => r.id === 'rec-3');
    expect(unread.vendorFacts).toEqual([{ toolId: 'no-such-tool', facts: [] }]);
  });

  it('an import of the register leaves the column out (the facts are the catalog’s, not the file’s)', () => {
    const header = registerCsv(registry().values()).split('\r\n')[0]!.split(',');
    expect(suggestColumns(header)[header.indexOf(VENDOR_FACTS_COLUMN)]).toBe('ignore');
  });
});
