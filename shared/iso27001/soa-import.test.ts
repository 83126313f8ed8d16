import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../inventory/import/read-sheet.ts';
import { reuseFromIsms } from './reuse.ts';
import { parseControlId, parseIsmsSoa, type SoaImport } from './soa-import.ts';

/**
 * X27-2 and X27-4 (docs/management-system.md), against SoAs in the shapes of public templates
 * (fixtures/README.md names them).
 */

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
const fixture = async (name: string) =>
  parseIsmsSoa(
    await readSheet(
      new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url))),
      decode,
    ),
  );
const ok = (result: SoaImport) => {
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
};

describe('importing an ISO/IEC 27001:2022 SoA', () => {
  it('reads the OpenGRC template shape: title lines, theme headings, Yes/No and Implemented/Partial/Planned', async () => {
    const soa = ok(await fixture('soa-opengrc-shape.csv'));
    expect(soa.rows).toHaveLength(93);
    expect(soa.skipped).toBe(4); // the theme headings (the title lines are above the header)
    expect(soa.columns).toEqual({
      id: 'Control',
      title: 'Title',
      applicable: 'Applicable',
      status: 'Status',
      justification: 'Justification/Implementation',
    });
    const byId = new Map(soa.rows.map((row) => [row.id, row]));
    expect(byId.get('A.5.1')).toEqual({
      id: 'A.5.1',
      applicable: true,
      implementation: 'implemented',
      justification: 'ISP-001 Information security policy',
    });
    expect(byId.get('A.7.11')).toMatchObject({ applicable: false, implementation: 'unknown' });
    expect(byId.get('A.5.23')!.implementation).toBe('partial');
    expect(byId.get('A.5.21')!.implementation).toBe('not-implemented');
  });

  it('reads the cyberask shape: bare numbers, ";" delimiter, status-only applicability', async () => {
    const soa = ok(await fixture('soa-cyberask-shape.csv'));
    expect(soa.rows).toHaveLength(93);
    expect(soa.columns).toMatchObject({ id: 'Control Reference', status: 'Implementation Status' });
    const a71 = soa.rows.find((row) => row.id === 'A.7.1')!;
    expect(a71).toMatchObject({ applicable: false });
    expect(soa.rows.find((row) => row.id === 'A.5.1')).toMatchObject({
      applicable: true,
      implementation: 'implemented',
      evidence: 'ISP-001 Information security policy',
    });
  });

  it('reads ids however templates write them', () => {
    for (const [cell, id] of [
      ['A.5.1', 'A.5.1'],
      ['A5.1', 'A.5.1'],
      ['a.8.34', 'A.8.34'],
      ['Annex A 6.3', 'A.6.3'],
      ['A.5.1 Policies for information security', 'A.5.1'],
      ['8.15 – Logging', 'A.8.15'],
      ['Clause 9.2', '9.2'],
      ['6.1.2', '6.1.2'],
      ['10.2', '10.2'],
    ]) {
      expect(parseControlId(cell!), cell).toEqual({ id });
    }
    expect(parseControlId('5. Organizational Controls')).toEqual({ skip: true });
    expect(parseControlId('A.5')).toEqual({ skip: true });
  });

  it('refuses a file it cannot read faithfully, naming each row, and returns nothing to write', () => {
    const header = ['Control', 'Applicable', 'Status'];
    const errors = (rows: string[][]) => {
      const result = parseIsmsSoa([header, ...rows]);
      expect(result.ok).toBe(false);
      return result.ok ? [] : result.errors;
    };
    expect(errors([['A.9.2.3', 'Yes', 'Implemented']])).toEqual([
      'Row 2: "A.9.2.3" is an ISO/IEC 27001:2013 control number; map the SoA to the 2022 controls first.',
    ]);
    expect(errors([['A.5.38', 'Yes', '']])[0]).toMatch(
      /Row 2: "A.5.38" is not an ISO\/IEC 27001:2022/,
    );
    expect(errors([['A.5.1', 'maybe', '']])[0]).toMatch(
      /Row 2: applicable "maybe" is neither yes nor no/,
    );
    expect(errors([['A.5.1', 'Yes', 'sort of']])[0]).toMatch(
      /Row 2: status "sort of" is not one of/,
    );
    expect(errors([['A.5.1', 'Yes', 'Not applicable']])[0]).toMatch(
      /applicable says yes, status says not applicable/,
    );
    expect(
      errors([
        ['A.5.1', 'Yes', ''],
        ['5.1', 'No', ''],
      ]),
    ).toEqual(['Row 3: A.5.1 is listed twice (also row 2).']);
    expect(errors([])).toEqual(['The file lists no ISO/IEC 27001:2022 control.']);
    const noId = parseIsmsSoa([
      ['Name', 'Owner'],
      ['Policies', 'CISO'],
    ]);
    expect(noId.ok ? [] : noId.errors[0]).toMatch(/No column names the control .*"Name", "Owner"/);
  });
});

describe('the measured reuse (X27-4)', () => {
  it('counts the 42001 requirements the ISMS lets the organisation build on, from its SoA', async () => {
    const soa = ok(await fixture('soa-opengrc-shape.csv'));
    const notCertified = reuseFromIsms(soa.rows, false);
    const certified = reuseFromIsms(soa.rows, true);
    // Annex A: measured from the SoA alone; the clauses only count once the ISMS says it runs them.
    // 5.2, 5.3, 7.2, 7.3, 7.5 and 9.2 also name an Annex A control, implemented here.
    expect(notCertified.byKind.clause.reused).toBe(6);
    expect(certified.byKind.clause.reused).toBe(25); // every clause but 6.1.4 and 8.4 (new)
    // 38 − 7 new = 31 mapped; all but A.7.6 (its A.8.11 is partial) reach an implemented control.
    expect(certified.byKind['annex-a']).toEqual({ total: 38, reused: 30 });
    expect(certified).toMatchObject({ total: 65, reused: 55, partly: 1, notYet: 0, new: 9 });
    expect(certified.percent).toBe(85); // 55 / 65 = 84.6 %
    // Serving as is: clauses 4.4, 5.1, 6.3, 7.1, 7.4, 7.5, 9.2, 9.3, 10.1, 10.2 and A.2.4.
    expect(certified.reusedAsIs).toBe(11);
    expect(certified.requirements.find((r) => r.id === 'A.7.6')!.status).toBe('partly');
    expect(certified.reused + certified.partly + certified.notYet + certified.new).toBe(65);
    const a264 = certified.requirements.find((r) => r.id === 'A.6.2.4')!;
    expect(a264).toMatchObject({ status: 'reused', relation: 'extend' });
    expect(a264.iso27001).toEqual([
      {
        id: 'A.8.29',
        title: 'Security testing in development and acceptance',
        state: 'in-place',
        evidence: 'Security testing procedure',
      },
    ]);
  });

  it('a remote firm without physical controls still reuses what it has; nothing in place, nothing reused', async () => {
    const soa = ok(await fixture('soa-cyberask-shape.csv'));
    const summary = reuseFromIsms(soa.rows, true);
    expect(summary.requirements.find((r) => r.id === 'A.4.5')!.status).toBe('reused');
    const none = reuseFromIsms([], false);
    expect(none).toMatchObject({ reused: 0, percent: 0, new: 9, notYet: 56 });
    expect(none.requirements.find((r) => r.id === 'A.2.2')!.iso27001[0]!.state).toBe('not-in-file');
  });
});
