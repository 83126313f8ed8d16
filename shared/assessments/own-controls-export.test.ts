import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readOwnControls, readSoa, saveOwnControl } from '../documents/registry/index.ts';
import { SOA_COLUMNS, soaCsv, soaMarkdown } from './registers-export.ts';

/** SOA1 (docs/assessments.md): own controls export with the SoA, after Annex A. */

const AT = Date.UTC(2026, 10, 5, 9);

function withOwnControl() {
  const doc = new Y.Doc();
  saveOwnControl(
    doc,
    'c1',
    {
      ref: 'ORG-1',
      title: '=cmd|x Logging on AI gateways',
      source: 'Northwind ISMS',
      iso27001: 'A.8.15',
      applicable: false,
      justification: 'No AI gateway | yet',
      implementation: 'partial',
      evidence: [],
    },
    'lead',
    AT,
  );
  return { soa: readSoa(doc), ownControls: readOwnControls(doc).controls };
}

describe('own controls in the SoA exports', () => {
  it('adds a CSV row after the 38 Annex A controls, formula-safe, excluded as not applicable', () => {
    const { soa, ownControls } = withOwnControl();
    const rows = Papa.parse<string[]>(soaCsv(soa, { ownControls }), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1 + 38 + 1);
    const row = Object.fromEntries(SOA_COLUMNS.map((c, i) => [c, rows.at(-1)![i]]));
    expect(row).toMatchObject({
      Control: 'ORG-1',
      Title: "'=cmd|x Logging on AI gateways",
      'Clause group': 'Own control (Northwind ISMS, ISO/IEC 27001:2022 A.8.15 Logging)',
      Applicable: 'No',
      Justification: 'No AI gateway | yet',
      Implementation: 'Not applicable',
    });
    // Without own controls the file is as before (the golden files stay valid).
    expect(soaCsv(soa)).toBe(soaCsv(soa, { ownControls: [] }));
  });

  it('adds a Markdown section with escaped cells', () => {
    const { soa, ownControls } = withOwnControl();
    const md = soaMarkdown(soa, { ownControls });
    expect(md).toContain('## The organisation’s own controls');
    expect(md).toContain('| ORG-1 =cmd\\|x Logging on AI gateways |');
    expect(md).toContain('| No AI gateway \\| yet |');
    expect(soaMarkdown(soa)).not.toContain('own controls');
  });
});
