import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { AIMS_REGISTERS } from '../../shared/documents/aims/index.ts';

// `sightline demo` and `sightline export` on a real data folder, through the real command line
// (as `npm run -s sightline -- …` runs them). Issue 14: the demo seeds once; the exports stand alone.

const cli = join(import.meta.dirname, '..', 'cli.ts');
const dir = tempDir();
const data = join(dir.path, 'data');
afterAll(() => dir.remove());

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `sightline export` of the demo workspace into `out`, with the options given. */
function exportDemo(out: string, ...options: string[]) {
  return run('export', '--data', data, '--workspace', 'demo', '--out', out, ...options);
}

/** Every stored byte of the data folder's documents and tokens: what "changes nothing" compares. */
function stored() {
  const db = new DatabaseSync(join(data, 'sightline.sqlite'), { readOnly: true });
  try {
    const rows = (sql: string) => JSON.stringify(db.prepare(sql).all());
    return {
      updates: rows('SELECT document, data FROM document_updates ORDER BY seq'),
      snapshots: rows('SELECT document, data FROM document_snapshots ORDER BY document'),
      tokens: rows('SELECT id FROM tokens ORDER BY id'),
    };
  } finally {
    db.close();
  }
}

describe('sightline demo', () => {
  let first: ReturnType<typeof run>;
  beforeAll(() => {
    first = run('demo', '--data', data);
  }, 150_000);

  it('fills the demo workspace and exits', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Filled workspace demo/);
    // Not a terminal: no token is minted where nobody can read it.
    expect(first.stdout).toContain('No demo lead token minted');
  });

  it('changes nothing and mints no token when run again', () => {
    const before = stored();
    const again = run('demo', '--data', data);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/is filled already: nothing changed/);
    expect(stored()).toEqual(before);
  }, 150_000);

  describe('then sightline export', () => {
    const out = join(dir.path, 'out');
    let files: string[];
    beforeAll(() => {
      const result = exportDemo(out, '--by', 'Auditor A');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      files = result.stdout.trim().split('\n');
    }, 60_000);

    const text = (pattern: RegExp) =>
      readFileSync(
        files.find((f) => pattern.test(f))!,
        'utf8',
      );

    it('writes every part and prints the paths of what it wrote', () => {
      expect(files.every((f) => f.startsWith(out) && existsSync(f))).toBe(true);
      expect(readdirSync(out).sort()).toEqual(files.map((f) => f.slice(out.length + 1)).sort());
      expect(files.map((f) => f.slice(out.length + 1).replace(/\d{4}-\d\d-\d\d/, 'DAY'))).toEqual([
        'demo-inventory-DAY.csv',
        'demo-risk-register-DAY.csv',
        'demo-soa-DAY.md',
        'demo-assessment-AI-risk-assessment-HireVue-candidate-screening-pilot-Pilot-approval.md',
        'demo-assessment-AI-risk-assessment-HireVue-candidate-screening-pilot-draft-DAY.md',
        'demo-assessment-AI-system-impact-assessment-Support-reply-drafts-draft-DAY.md',
        'demo-erm-risks-DAY.csv',
        'demo-iso27001-crosswalk-DAY.csv',
        'demo-monitoring-DAY.md',
        ...AIMS_REGISTERS.map((register) => `demo-aims-${register.id}-DAY.csv`),
        ...['aimsPolicy', 'documentRegister', 'competenceNeeds', 'reviewApprovals'].map(
          (what) => `demo-aims-${what}-DAY.csv`,
        ),
        'demo-suppliers-DAY.csv',
        'demo-incident-register-DAY.csv',
      ]);
    });

    it('says in each file who exported it, when, from where, and at which state', () => {
      for (const file of files) {
        const body = readFileSync(file, 'utf8');
        expect(body, file).toContain('Northwind Demo Ltd');
        expect(body, file).toContain('Auditor A');
        expect(body, file).toMatch(/[0-9a-f]{16}/);
      }
      const csv = Papa.parse<Record<string, string>>(text(/inventory/).replace(/^\ufeff/, ''), {
        header: true,
        skipEmptyLines: true,
      });
      expect(csv.errors).toEqual([]);
      expect(csv.data[0]).toMatchObject({ Organisation: 'Northwind Demo Ltd', Workspace: 'demo' });
      // The management system's files carry the same columns, on every row.
      for (const what of [/aimsFindings/, /reviewApprovals/]) {
        const aims = Papa.parse<Record<string, string>>(text(what), {
          header: true,
          skipEmptyLines: true,
        });
        expect(aims.errors).toEqual([]);
        expect(aims.data.length).toBeGreaterThan(0);
        for (const row of aims.data) {
          expect(row).toMatchObject({
            Organisation: 'Northwind Demo Ltd',
            Workspace: 'demo',
            'Exported by': 'Auditor A',
            'Document state': expect.stringMatching(/^[0-9a-f]{16}$/),
          });
        }
      }
      // Labels in the reader's words, never stored keys; records by name.
      expect(text(/inventory/)).not.toMatch(/,in-use,|,meeting-notes,/);
      const names = csv.data.map((row) => row.Name!);
      expect(names).toEqual(
        [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
      );
    });

    it('says the signed-off version is approved, confirmed by the registry', () => {
      const md = text(/Pilot-approval/);
      expect(md).toContain('| Version | Pilot approval (approved) |');
      expect(md).toContain('| Reviewer approvals | Ines Halvorsen (fictional)');
      expect(text(/Support-reply-drafts-draft/)).toContain('(not approved)');
    });

    it('lists a risk as the reason a control is in the SoA, and a not-applicable one as such', () => {
      const soa = text(/soa/);
      expect(soa).toMatch(
        /\| A\.9\.2 Processes for responsible use of AI systems \| Yes \(a risk’s treatment names it\) \| Not started \|.*Video scoring ranks candidates/,
      );
      expect(soa).toMatch(/\| A\.10\.4 Customers \| No \| Not applicable \|/);
    });

    it('writes the incident register with each clock computed at the time of export (docs/incidents.md)', () => {
      const register = text(/incident-register/);
      expect(register.split('\n')[0]).toContain('Clocks');
      // The demo's personal-data incident: its GDPR Art. 33(1) 72-hour clock, in the register.
      expect(register).toMatch(/GDPR Art\. 33\(1\) due \d{4}-\d\d-\d\dT/);
    });

    it('writes the monitoring summary: the fairness gap and the drift breach, and every observation as CSV', () => {
      const summary = text(/monitoring/);
      expect(summary).toContain('## HireVue candidate screening (pilot)');
      expect(summary).toMatch(
        /- true-positive rate \(gap between men and women\): 0\.\d+ against 0\.05/,
      );
      expect(summary).toMatch(/- input drift \(PSI\): 0\.\d+ against 0\.25/);
      const result = exportDemo(out, '--what', 'monitoring', '--format', 'csv');
      expect(result.code).toBe(0);
      const csv = Papa.parse<Record<string, string>>(
        readFileSync(result.stdout.trim(), 'utf8').replace(/^\ufeff/, ''),
        { header: true, skipEmptyLines: true },
      );
      expect(csv.errors).toEqual([]);
      // 12 weekly runs: 4 observations of the screening pilot and 2 of the assistant each.
      expect(csv.data).toHaveLength(12 * 6);
      expect(csv.data[0]).toMatchObject({
        Organisation: 'Northwind Demo Ltd',
        'Exported by': expect.any(String),
      });
    });

    it('writes the supplier files (A.10): the missing clause, the renewal due, the vendor facts', () => {
      const csv = Papa.parse<Record<string, string>>(
        text(/demo-suppliers-/).replace(/^\ufeff/, ''),
        {
          header: true,
          skipEmptyLines: true,
        },
      );
      expect(csv.errors).toEqual([]);
      expect(csv.data.map((row) => [row.Supplier, row['Renewal due']])).toEqual([
        ['HireVue', 'yes'],
        ['OpenAI', 'no'],
      ]);
      expect(csv.data[0]).toMatchObject({
        'Missing contract clauses': 'Sub-processors; Audit rights',
        'Inventory records that use it (names)': 'HireVue candidate screening (pilot)',
        Organisation: 'Northwind Demo Ltd',
      });
      const result = exportDemo(out, '--what', 'suppliers', '--format', 'json');
      expect(result.code).toBe(0);
      const json = JSON.parse(readFileSync(result.stdout.trim(), 'utf8'));
      expect(json.exported).toMatchObject({ organisation: 'Northwind Demo Ltd' });
      const openai = json.suppliers.find((s: { id: string }) => s.id === 'sup-openai');
      // Read live from the catalog's vendor facts (vendor-facts.json, "openai-chatgpt").
      expect(openai.vendorFacts.training.business).toMatchObject({
        value: 'no',
        source: expect.stringMatching(/^https:\/\/help\.openai\.com\//),
      });
      expect(openai.questionnaire[0]).toMatchObject({ questionId: 'q-incidents', answer: null });
    });

    it('writes the complete register as JSON: notes, history and classification decisions', () => {
      const result = exportDemo(out, '--what', 'register', '--format', 'json');
      expect(result.code).toBe(0);
      const json = JSON.parse(readFileSync(result.stdout.trim(), 'utf8'));
      const screening = json.records.find((r: { id: string }) => r.id === 'candidate-screening');
      expect(screening.notes[0].text).toMatch(/Recruiters overrode/);
      expect(screening.history.length).toBeGreaterThan(0);
      expect(screening.classification.euAiAct).toMatchObject({ label: 'High-risk' });
      expect(json.exported).toMatchObject({
        organisation: 'Northwind Demo Ltd',
        workspace: 'demo',
      });
    });

    it('writes every register of the management system (--what aims), as CSV and as JSON', () => {
      const aimsOut = join(dir.path, 'aims');
      const exportAims = (...extra: string[]) => exportDemo(aimsOut, '--what', 'aims', ...extra);
      const csv = exportAims();
      expect(csv.stderr).toBe('');
      expect(csv.code).toBe(0);
      const written = csv.stdout.trim().split('\n');
      const whats = written.map((f) =>
        f.slice(aimsOut.length + 1).replace(/-\d{4}-\d\d-\d\d\.csv$/, ''),
      );
      for (const register of AIMS_REGISTERS) expect(whats).toContain(`demo-aims-${register.id}`);
      for (const what of ['aimsPolicy', 'documentRegister', 'competenceNeeds', 'reviewApprovals']) {
        expect(whats).toContain(`demo-aims-${what}`);
      }
      const findings = Papa.parse<Record<string, string>>(
        readFileSync(
          written.find((f) => f.includes('aimsFindings'))!,
          'utf8',
        ),
        { header: true, skipEmptyLines: true },
      );
      expect(findings.errors).toEqual([]);
      const nc = findings.data.find((row) => row.Kind === 'minor-nonconformity');
      expect(nc?.['Nonconformity (10.2) (names)']).toMatch(/overseer has no valid AI-literacy/);
      expect(nc?.['Requirement (names)']).toBe('Competence');

      const md = exportAims('--format', 'md');
      expect(md.code).toBe(2);
      expect(md.stderr).toMatch(/aims exports as csv, json, not md/);

      const json = exportAims('--format', 'json');
      expect(json.code).toBe(0);
      const all = JSON.parse(readFileSync(json.stdout.trim(), 'utf8'));
      expect(all.exported).toMatchObject({ organisation: 'Northwind Demo Ltd', workspace: 'demo' });
      expect(all.aimsPolicy.versions[0]).toMatchObject({ number: 1, state: 'approved' });
      const approved = all.reviewApprovals.find((r: { state: string }) => r.state === 'approved');
      expect(approved.inputs.audits.findings['minor-nonconformity']).toBe(1);
      expect(all.aimsAudits.entries.map((a: { id: string }) => a.id)).toEqual([
        'audit-hr',
        'audit-support',
      ]);
    });

    it('refuses bad input with a clear error, writing nothing', () => {
      const empty = join(dir.path, 'nothing');
      const cases: Array<[string[], RegExp]> = [
        [
          ['--what', 'everything'],
          /--what must be register, risks, soa, assessments, erm, iso27001, monitoring, aims, suppliers, incidents or all/,
        ],
        [['--what', 'register', '--format', 'md'], /register exports as csv, json, not md/],
        [['--workspace', 'nope'], /no workspace "nope"/],
      ];
      for (const [args, message] of cases) {
        const result = exportDemo(empty, ...args);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr).toMatch(message);
        expect(existsSync(empty)).toBe(false);
      }
      const missing = run(
        'export',
        '--data',
        join(dir.path, 'no-data'),
        '--workspace',
        'demo',
        '--out',
        empty,
      );
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/no Sightline data/);
      expect(existsSync(join(dir.path, 'no-data'))).toBe(false);
    });
  });
});
