import { describe, expect, it } from 'vitest';
import { formatDocumentName, parseDocumentName } from './names.ts';

describe('document names', () => {
  it('round-trips every kind', () => {
    for (const name of [
      { workspace: 'acme', kind: 'policy' },
      { workspace: 'acme', kind: 'registry' },
      { workspace: 'acme', kind: 'discoveries' },
      { workspace: 'acme', kind: 'assessment', id: 'a1' },
      { workspace: 'acme', kind: 'reports', id: 'r-0f3a' },
    ] as const) {
      expect(parseDocumentName(formatDocumentName(name))).toEqual(name);
    }
  });

  it.each([
    '',
    'acme',
    'acme/',
    'acme/unknown',
    'acme/policy/extra',
    'acme/reports',
    'acme/reports/',
    'Acme/policy',
    '../policy',
    'acme/assessment/../../x',
    'acme/reports/a b',
    'x'.repeat(300),
    42,
    null,
  ])('rejects %j without throwing', (raw) => {
    expect(parseDocumentName(raw)).toBeUndefined();
  });

  it('refuses to format a malformed name', () => {
    expect(() => formatDocumentName({ workspace: 'ACME', kind: 'policy' })).toThrow(/workspace/);
    expect(() => formatDocumentName({ workspace: 'acme', kind: 'reports' })).toThrow(/reports id/);
  });
});
