import { describe, expect, it } from 'vitest';
import { DAY, DETECTED, HOUR, incident } from './fixture.test-support.ts';
import {
  INCIDENT_COLUMNS,
  incidentRegisterCsv,
  incidentRegisterJson,
  incidentReportMarkdown,
} from './incident-export.ts';

const systems = new Map([['rec-fraud', { name: 'FraudGuard', provider: 'Acme ML' }]]);
const NOW = DETECTED + DAY;

describe('incident exports', () => {
  it('writes the register as CSV with one row per incident, by id, formula-safe', () => {
    const csv = incidentRegisterCsv(
      [
        incident({ id: 'b', title: '=HYPERLINK("x")' }),
        incident({ id: 'a', serious: ['b'], informed: { provider: { at: DETECTED, by: 'D' } } }),
      ],
      systems,
      NOW,
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(INCIDENT_COLUMNS.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','));
    expect(lines[1]).toMatch(/^a,rec-fraud,FraudGuard,/);
    expect(lines[1]).toContain(
      'AI Act Art. 26(5) due 2027-03-01T09:30:00.000Z: met; AI Act Art. 73(3) due 2027-03-03T09:30:00.000Z: running',
    );
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes the register as JSON with each clock, its citation and source', () => {
    const json = JSON.parse(
      incidentRegisterJson([incident({ personalDataBreach: true })], systems, NOW),
    ) as { clocksAt: string; incidents: Array<{ clocks: unknown[]; systemName: string }> };
    expect(json.clocksAt).toBe(new Date(NOW).toISOString());
    expect(json.incidents[0]?.systemName).toBe('FraudGuard');
    expect(json.incidents[0]?.clocks).toEqual([
      {
        period: 'gdpr-33-1',
        citation: 'GDPR Art. 33(1)',
        source: expect.objectContaining({ url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' }),
        party: 'data-protection',
        dueAt: new Date(DETECTED + 72 * HOUR).toISOString(),
        immediate: false,
        informedAt: null,
        state: 'running',
      },
    ]);
  });

  it('writes one incident as a report with the Art. 73 template sections, text made inert', () => {
    const report = incidentReportMarkdown(
      incident({
        serious: ['a'],
        death: true,
        description: '# not a heading <script>',
        informed: { provider: { at: DETECTED + HOUR, by: 'Dana', to: 'Acme ML support' } },
      }),
      systems.get('rec-fraud'),
      { workspace: 'acme', now: NOW },
    );
    for (const heading of [
      '## 1. Reporter',
      '## 2. AI system',
      '## 3. The incident',
      '## 4. Seriousness (Art. 3(49))',
      '## 5. People affected',
      '## 6. Reporting deadlines and notifications',
      '## 7. Measures taken',
      '## Sources',
    ]) {
      expect(report).toContain(`\n${heading}\n`);
    }
    expect(report).toContain(
      '| AI Act Art. 73(4) — Market-surveillance authority | 2027-03-11T09:30:00.000Z | — | running |',
    );
    expect(report).toContain(
      '- Provider of the system (Acme ML support): informed 2027-03-01T10:30:00.000Z by Dana',
    );
    expect(report).toContain('\\# not a heading \\<script\\>');
    expect(report).toContain('http://data.europa.eu/eli/reg/2024/1689/oj (read 2026-12-07)');
  });
});
