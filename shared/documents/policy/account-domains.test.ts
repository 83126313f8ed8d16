import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ACCOUNT_DOMAINS,
  normaliseDomain,
  readAccountDomains,
  setAccountDomains,
} from './index.ts';

describe('the workspace’s email domains in the policy document', () => {
  it('keeps domains as a lead types them, normalised, and reads them sorted', () => {
    const doc = new Y.Doc();
    setAccountDomains(doc, [' Acme.COM ', '@acme.de', 'acme.com']);
    expect(readAccountDomains(doc)).toEqual(['acme.com', 'acme.de']);
    setAccountDomains(doc, ['acme.de']);
    expect(readAccountDomains(doc)).toEqual(['acme.de']);
  });

  it('refuses what is not a domain and changes nothing', () => {
    const doc = new Y.Doc();
    setAccountDomains(doc, ['acme.com']);
    for (const bad of ['ana@acme.com', 'https://acme.com', 'acme', 'acme.com/x'])
      expect(() => setAccountDomains(doc, ['acme.de', bad])).toThrow(/not an email domain/);
    expect(readAccountDomains(doc)).toEqual(['acme.com']);
    expect(normaliseDomain('localhost')).toBeUndefined();
  });

  it('skips what another writer left that is not a domain', () => {
    const doc = new Y.Doc();
    doc.getMap(ACCOUNT_DOMAINS).set('Not A Domain', true);
    doc.getMap(ACCOUNT_DOMAINS).set('acme.com', true);
    const problems: string[] = [];
    expect(readAccountDomains(doc, problems)).toEqual(['acme.com']);
    expect(problems).toHaveLength(1);
  });
});
