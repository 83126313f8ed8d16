import { describe, expect, it } from 'vitest';
import data from './vendor-facts.json' with { type: 'json' };
import { builtInCatalog } from '../catalog.ts';
import { CERTIFICATIONS, FACT_PLANS, FACT_TOPICS, REGIONS, type VendorFact } from './schema.ts';
import {
  VendorFactsError,
  factSheet,
  toolsWithVendorFacts,
  validateVendorFacts,
  vendorFactsOf,
} from './vendor-facts.ts';
import { cellWords, knownFactLines } from './words.ts';

const ids = new Set(builtInCatalog().map((tool) => tool.id));
const fact = {
  topic: 'training',
  plan: 'api',
  value: 'no',
  source: 'https://docs.acme.ai/data',
  read: '2026-12-07',
  quote: 'We do not train on API data.',
};
const file = (facts: unknown[], vendorDomains = ['acme.ai']) => ({
  'acme-api': { vendorDomains, facts },
});

describe('vendor facts data (docs/catalog.md, "Vendor facts")', () => {
  it('validates: closed sets, an https page and a read date on every fact, catalog tools only', () => {
    expect(() => validateVendorFacts(data, ids)).not.toThrow();
  });

  it('cites only the vendor’s own pages, each read on a day, with the words the value rests on', () => {
    for (const [toolId, tool] of Object.entries(validateVendorFacts(data, ids)))
      for (const f of tool.facts) {
        const host = new URL(f.source).hostname;
        expect(
          tool.vendorDomains.some((d) => host === d || host.endsWith(`.${d}`)),
          `${toolId} ${f.source}`,
        ).toBe(true);
        expect(f.read, toolId).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(f.quote.length, toolId).toBeGreaterThanOrEqual(10);
      }
  });

  it('refuses a third party’s page, a value outside the closed set, a missing date, a duplicate', () => {
    expect(() =>
      validateVendorFacts(file([{ ...fact, source: 'https://blog.example/acme' }])),
    ).toThrow(/not on the vendor's own domains/);
    expect(() => validateVendorFacts(file([{ ...fact, value: 'probably' }]))).toThrow(
      VendorFactsError,
    );
    expect(() => validateVendorFacts(file([{ ...fact, read: undefined }]))).toThrow(
      VendorFactsError,
    );
    expect(() => validateVendorFacts(file([{ ...fact, source: 'http://docs.acme.ai/' }]))).toThrow(
      VendorFactsError,
    );
    expect(() => validateVendorFacts(file([fact, fact]))).toThrow(/two facts for training\/api/);
    expect(() =>
      validateVendorFacts(
        file([{ ...fact, topic: 'certifications', value: ['Totally Secure Certified'] }]),
      ),
    ).toThrow(VendorFactsError);
    expect(() =>
      validateVendorFacts(
        file([
          { ...fact, topic: 'processing', value: { regions: ['Mars'], customerChoice: false } },
        ]),
      ),
    ).toThrow(VendorFactsError);
    expect(() => validateVendorFacts(file([fact]), ids)).toThrow(/not a catalog tool/);
  });

  it('knows the closed sets it words', () => {
    expect(CERTIFICATIONS).toContain('ISO/IEC 42001');
    expect(REGIONS).toContain('EU');
  });
});

describe('vendorFactsOf: the one accessor', () => {
  it('gives each topic and plan its fact or "unknown", never a guess', () => {
    const sheet = vendorFactsOf('openai-chatgpt');
    expect(Object.keys(sheet.cells)).toEqual([...FACT_TOPICS]);
    for (const topic of FACT_TOPICS)
      expect(Object.keys(sheet.cells[topic])).toEqual([...FACT_PLANS]);
    expect(cellWords(sheet.cells.training.free)).toBe('yes');
    expect(cellWords(sheet.cells.training.paid)).toBe('yes');
    expect(cellWords(sheet.cells.training.business)).toBe('no');
    expect(sheet.cells.training.api).toBe('unknown'); // the API is its own catalog tool
    expect(vendorFactsOf('openai-api').cells.training.api).toMatchObject({ value: 'no' });
    expect(vendorFactsOf('anthropic-claude').cells.training.free).toBe('unknown');
    expect(cellWords(vendorFactsOf('google-gemini').cells.retention.free)).toBe('up to 18 months');
    expect(cellWords(vendorFactsOf('cohere-api').cells.retention.api)).toBe('up to 30 days');
    expect(cellWords(vendorFactsOf('replicate-platform').cells.retention.api)).toBe('up to 1 hour');
  });

  it('a fact stated for every plan fills each plan that has no fact of its own', () => {
    const all: VendorFact = {
      ...fact,
      topic: 'certifications',
      plan: 'all',
      value: ['ISO/IEC 27001'],
    };
    const own: VendorFact = { ...all, plan: 'api', value: ['SOC 2'] };
    const sheet = factSheet('acme-api', [all, own]);
    expect(cellWords(sheet.cells.certifications.free)).toBe('ISO/IEC 27001');
    expect(cellWords(sheet.cells.certifications.api)).toBe('SOC 2');
    expect(sheet.cells.training.free).toBe('unknown');
  });

  it('a tool nobody has read facts for is unknown throughout', () => {
    expect(toolsWithVendorFacts()).toContain('openai-chatgpt');
    const sheet = vendorFactsOf('no-such-tool');
    expect(sheet.known).toBe(0);
    expect(knownFactLines(sheet)).toEqual([]);
  });

  it('words a known fact with its page and the day it was read', () => {
    const lines = knownFactLines(vendorFactsOf('openai-api'));
    expect(lines).toContain(
      'Trains models on customer data by default (API): no [https://developers.openai.com/api/docs/guides/your-data read 2026-12-07]',
    );
  });
});
