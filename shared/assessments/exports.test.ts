import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { signOff } from '../documents/assessment/index.ts';
import {
  readRegistry,
  claimRiskRefs,
  readRiskRefs,
  readRiskRegister,
  readSoa,
  saveSoaEntry,
} from '../documents/registry/index.ts';
import { AT, PROVENANCE, draftAssessment, fixtureRegistryDoc } from './fixture.test-support.ts';
import {
  assessmentExport,
  assessmentHtml,
  assessmentMarkdown,
  escapeHtml,
  riskRegisterCsv,
  signOffGate,
  soaCsv,
  soaMarkdown,
} from './index.ts';

const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url);
/** Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change (then review the diff). */
function expectGolden(name: string, actual: string) {
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden(name), actual);
  expect(actual).toBe(readFileSync(golden(name), 'utf8'));
}

/**
 * A signed-off risk assessment of the fixture record, with some rich text typed into it,
 * approved by a reviewer and signed off through the workspace's gate (its register view frozen).
 */
function signedAssessment(registry: Y.Doc, hostile?: string) {
  const doc = draftAssessment(registry, { hostile, approvedBy: 'Priya' });
  const by = hostile ?? 'lead-1';
  const gate = signOffGate(doc, registry, by);
  expect(gate.blockers).toEqual([]);
  signOff(doc, {
    signoffId: 's1',
    versionId: 'v1',
    by,
    role: 'lead',
    at: AT + 86_400_000,
    ...(hostile ? { versionName: hostile.slice(0, 100) } : {}),
    gate: { blockers: [], reviews: gate.reviews, registerView: gate.registerView },
  });
  return doc;
}

function soaFixture(registry: Y.Doc, hostile?: string) {
  const text = hostile ?? 'Our AI policy, approved by the board';
  saveSoaEntry(
    registry,
    'A.2.2',
    {
      applicable: true,
      justification: text,
      implementation: 'implemented',
      owner: hostile ?? 'CISO',
      evidence: ['https://wiki.example/ai-policy'],
      systems: ['rec-hire'],
      risks: ['risk-bias'],
    },
    'lead-1',
    AT,
  );
  saveSoaEntry(
    registry,
    'A.10.4',
    {
      applicable: false,
      justification: text,
      implementation: 'not-started',
      evidence: [],
      systems: [],
      risks: [],
    },
    'lead-2',
    AT,
  );
  saveSoaEntry(
    registry,
    'A.5.4',
    { applicable: true, implementation: 'partial', evidence: [], systems: ['rec-hire'], risks: [] },
    'lead-2',
    AT,
  );
  return readSoa(registry);
}

describe('exports match their golden files', () => {
  it('assessment → Markdown and printable HTML, with version, approvals and date', () => {
    const doc = signedAssessment(fixtureRegistryDoc());
    const exported = assessmentExport(
      doc,
      { versionId: 'v1' },
      { systemName: 'HireRank', templateTitle: 'AI risk assessment', provenance: PROVENANCE },
    );
    expectGolden('risk-assessment.md', assessmentMarkdown(exported));
    expectGolden('risk-assessment.html', assessmentHtml(exported));
  });

  it('risk register → CSV; SoA → CSV and Markdown', () => {
    const registry = fixtureRegistryDoc();
    const names = new Map([...readRegistry(registry).records].map(([id, r]) => [id, r.name]));
    const risks = readRiskRegister(registry).risks;
    claimRiskRefs(registry, [...risks.keys()]);
    expectGolden(
      'risk-register.csv',
      riskRegisterCsv(risks.values(), names, {
        provenance: PROVENANCE,
        refs: readRiskRefs(registry),
      }),
    );
    const soa = soaFixture(registry);
    const options = {
      risks: risks.values(),
      names: {
        systems: names,
        risks: new Map([...risks.values()].map((r) => [r.id, r.description])),
      },
      provenance: PROVENANCE,
    };
    expectGolden('soa.csv', soaCsv(soa, options));
    expectGolden('soa.md', soaMarkdown(soa, { ...options, risks: risks.values() }));
  });

  it('are deterministic: the same documents give the same bytes', () => {
    const run = () => {
      const registry = fixtureRegistryDoc();
      const doc = signedAssessment(registry);
      const e = assessmentExport(doc, { versionId: 'v1' });
      return [assessmentMarkdown(e), assessmentHtml(e), soaCsv(soaFixture(registry))].join('\0');
    };
    expect(run()).toBe(run());
  });

  it('export a draft with the date given, and say it is not approved', () => {
    const doc = signedAssessment(fixtureRegistryDoc());
    const draft = assessmentExport(doc, { draftAt: Date.UTC(2026, 3, 1) });
    expect(draft).toMatchObject({ versionLabel: 'Draft after Version 1', approved: false });
    expect(assessmentMarkdown(draft)).toContain(
      '| Version | Draft after Version 1 (not approved) |',
    );
    expect(assessmentMarkdown(draft)).toContain('| Date | 2026-04-01 |');
  });
});

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|calc',
  '-2+3',
  '@SUM(A1)',
  '\tTab',
  '\rCR',
  '# not a heading',
  '"quoted", comma & ampersand',
  '</td></tr><tr><td>',
];
const FORMULA = /^[=+\-@\t\r]/;
const ALLOWED_TAGS = new Set(
  'html head meta title style body header table thead tbody tr th td span section h1 h2 h3 h4 h5 h6 p ul ol li blockquote pre footer'.split(
    ' ',
  ),
);

function expectInertHtml(html: string) {
  // Payload text may show (escaped); what matters is that no tag or attribute came from it.
  expect(html).not.toMatch(/<script|<img|<a\s/i);
  const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase());
  expect(tags.filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
  // Attributes only where the page puts them.
  const attributes = [...html.matchAll(/<[a-z0-9]+\s+([a-z-]+)=/gi)].map((m) =>
    m[1]!.toLowerCase(),
  );
  expect(new Set(attributes)).toEqual(
    new Set(['lang', 'charset', 'http-equiv', 'name', 'class', 'scope']),
  );
}

function expectInertMarkdown(md: string) {
  // Every character that could open markup is escaped.
  expect(md).not.toMatch(/(?<!\\)[<>]/);
  expect(md).not.toMatch(/(?<!\\)\[/);
  expect(md).not.toMatch(/(?<!\\)&/);
  // No line of untrusted text became a heading other than ours.
  const headings = md.split('\n').filter((line) => /^#{1,6} /.test(line));
  expect(headings.every((line) => !line.includes('not a heading') || line.includes('\\#'))).toBe(
    true,
  );
}

function expectInertCsv(csv: string) {
  const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  for (const row of parsed.data) for (const cell of row) expect(cell).not.toMatch(FORMULA);
}

describe('hostile text through every field stays inert', () => {
  it.each(PAYLOADS)('%j', (payload) => {
    const registry = new Y.Doc();
    // The registry fixture, but with the payload in every text field of record, risk and SoA.
    const base = fixtureRegistryDoc();
    Y.applyUpdate(registry, Y.encodeStateAsUpdate(base));
    const records = registry.getMap<Y.Map<unknown>>('records');
    const record = records.get('rec-hire')!;
    for (const key of ['name', 'vendor', 'purpose', 'owner', 'model', 'provider'])
      record.set(key, payload);
    const risk = registry.getMap<Y.Map<unknown>>('risks').get('risk-bias')!;
    risk.set('description', payload);
    risk.set('owner', payload);
    risk.set('updatedBy', payload);
    const doc = signedAssessment(registry, payload.trim() === '' ? 'x' : payload);
    const exported = assessmentExport(doc, { versionId: 'v1' }, { systemName: payload });
    const md = assessmentMarkdown(exported);
    const html = assessmentHtml(exported);
    expect(html).toContain(`<td>${escapeHtml(payload)}</td>`);
    expectInertHtml(html);
    expectInertMarkdown(md);
    const names = new Map([['rec-hire', payload]]);
    expectInertCsv(riskRegisterCsv(readRiskRegister(registry).risks.values(), names));
    const soa = soaFixture(registry, payload);
    expectInertCsv(soaCsv(soa));
    expectInertMarkdown(soaMarkdown(soa, { workspaceName: payload }));
  });
});
