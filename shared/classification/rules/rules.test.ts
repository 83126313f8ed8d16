import { describe, expect, it } from 'vitest';
import { PROHIBITED_PRACTICES } from '../eu-ai-act-profile.ts';
import {
  ANNEX_III,
  APPLICATION_DATES,
  OBLIGATIONS,
  PROHIBITIONS,
  RULES_CHANGELOG,
  RULES_DATA,
  RULES_VERSION,
  RULE_SOURCES,
  isIsoDay,
  validateRules,
} from './index.ts';

describe('the EU AI Act rules data', () => {
  it('is sound: every date a calendar day, every source and date key known, no duplicates', () => {
    expect(validateRules()).toEqual([]);
  });

  it('catches the mistakes an amendment could bring in', () => {
    const broken = {
      ...RULES_DATA,
      dates: {
        ...RULES_DATA.dates,
        bad: { date: '2027-02-30', citation: 'Art. 113', source: 'nowhere' },
      },
      obligations: [
        ...RULES_DATA.obligations,
        {
          ...RULES_DATA.obligations[0]!,
          binds: 'user',
          appliesFrom: 'someday',
          citation: 'Article 4',
        },
      ],
      changelog: [{ version: 'x', date: '2020-01-01', changes: [] }, ...RULES_DATA.changelog],
    };
    expect(validateRules(broken)).toEqual(
      expect.arrayContaining([
        'date bad: 2027-02-30 is not a calendar day',
        'date bad: unknown source nowhere',
        'obligation "art-4-provider" is listed twice',
        expect.stringMatching(
          /^obligation art-4-provider: citation "Article 4" is not in the form/,
        ),
        'obligation art-4-provider: binds user, not provider or deployer',
        'obligation art-4-provider: unknown date someday',
        'version x: lists no change',
        'the changelog is not newest first',
      ]),
    );
  });

  it('the profile offers exactly the prohibitions of the data', () => {
    expect(PROHIBITED_PRACTICES).toBe(PROHIBITIONS);
  });

  // Review E1 (Art. 5(1)(ba)/(bb), Art. 113 as amended by the 2026 Digital Omnibus on AI).
  it('has the two 2026 prohibitions, applying from 2 Dec 2026, with a note on their numbering', () => {
    const added = PROHIBITIONS.filter((p) => p.appliesFrom === 'omnibus-prohibitions');
    expect(added.map((p) => [p.value, p.citation])).toEqual([
      ['non-consensual-intimate-imagery', 'Art. 5(1)(ba)'],
      ['child-sexual-abuse-material', 'Art. 5(1)(bb)'],
    ]);
    expect(APPLICATION_DATES['omnibus-prohibitions'].date).toBe('2026-12-02');
    for (const p of added) expect('note' in p && p.note).toMatch(/secondary sources.*Confirm/);
  });

  // Review E7: the dates as they stand after the amendment (Art. 111, 113 as amended).
  it('dates the regimes as amended', () => {
    expect(
      Object.fromEntries(Object.entries(APPLICATION_DATES).map(([key, d]) => [key, d.date])),
    ).toEqual({
      'prohibitions-2025': '2025-02-02',
      gpai: '2025-08-02',
      'transparency-2026': '2026-08-02',
      'omnibus-prohibitions': '2026-12-02',
      'art-50-2-legacy': '2026-12-02',
      'gpai-legacy': '2027-08-02',
      'annex-iii': '2027-12-02',
      'annex-i': '2028-08-02',
      'public-authority-backstop': '2030-08-02',
    });
    for (const d of Object.values(APPLICATION_DATES)) expect(isIsoDay(d.date)).toBe(true);
  });

  // Review E15: Annex III 6(a)–(e) and 7(a)–(d) with their letters.
  it('lists every Annex III point with its letter, 6 and 7 included', () => {
    expect(ANNEX_III.map((p) => p.citation.replace('Annex III ', ''))).toEqual([
      '1(a)',
      '1(b)',
      '1(c)',
      '2',
      '3(a)',
      '3(b)',
      '3(c)',
      '3(d)',
      '4(a)',
      '4(b)',
      '5(a)',
      '5(b)',
      '5(c)',
      '5(d)',
      '6(a)',
      '6(b)',
      '6(c)',
      '6(d)',
      '6(e)',
      '7(a)',
      '7(b)',
      '7(c)',
      '7(d)',
      '8(a)',
      '8(b)',
    ]);
    const label = (citation: string) => ANNEX_III.find((p) => p.citation === citation)!.label;
    expect(label('Annex III 1(a)')).toMatch(/not biometric verification/);
    expect(label('Annex III 5(a)')).toMatch(/by or on behalf of public authorities/);
    expect(label('Annex III 6(d)')).toMatch(/not solely on the basis of profiling/);
  });

  // Review E8: Art. 4 as replaced — support, not ensure.
  it('words Art. 4 as a duty to support AI literacy, for providers and deployers', () => {
    const art4 = OBLIGATIONS.filter((o) => o.citation === 'Art. 4');
    expect(art4.map((o) => o.binds)).toEqual(['provider', 'deployer']);
    for (const o of art4) {
      expect(o.text).toMatch(/support the AI literacy/);
      expect(o.text).not.toMatch(/ensure/);
    }
  });

  it('names for every duty the role it binds', () => {
    for (const o of OBLIGATIONS) expect(['provider', 'deployer']).toContain(o.binds);
    const binds = (id: string) => OBLIGATIONS.find((o) => o.id === id)!.binds;
    expect(binds('art-50-1')).toBe('provider'); // review E15
    expect(binds('art-50-2')).toBe('provider');
    expect(binds('art-49-2')).toBe('provider'); // review E2
    for (const id of ['art-26-5', 'art-26-8', 'art-26-9', 'art-26-11', 'art-26-12', 'art-86'])
      expect(binds(id)).toBe('deployer'); // review E6
  });

  it('has a version, the newest changelog entry, and primary and secondary sources', () => {
    expect(RULES_VERSION).toBe(RULES_CHANGELOG[0]!.version);
    expect(RULES_VERSION).toBe('eu-ai-act-2026-12');
    expect(RULE_SOURCES.map((s) => s.kind)).toContain('primary');
  });
});
