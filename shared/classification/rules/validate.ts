// Checks the EU AI Act rules data for the mistakes an amendment could bring in: a date that is no
// calendar day, a source or date key that does not exist, a duplicate id or value, a citation in the
// wrong form. Returns one sentence per problem (none: the data is sound).
import { ANNEX_III, ANNEX_III_DEPRECATED } from './annex-iii.ts';
import { APPLICATION_DATES } from './dates.ts';
import { OBLIGATIONS } from './obligations.ts';
import { PROHIBITIONS } from './prohibitions.ts';
import { RULES_CHANGELOG } from './version.ts';
import { RULE_SOURCES } from './sources.ts';

export interface RulesData {
  sources: readonly { id: string; kind: string; where: string }[];
  dates: Record<string, { date: string; citation: string; source: string }>;
  prohibitions: readonly {
    value: string;
    citation: string;
    label: string;
    appliesFrom: string;
    source: string;
  }[];
  annexIII: readonly { value: string; citation: string; label: string; source: string }[];
  obligations: readonly {
    id: string;
    citation: string;
    text: string;
    binds: string;
    appliesFrom: string;
    source: string;
  }[];
  changelog: readonly { version: string; date: string; changes: readonly string[] }[];
}

export const RULES_DATA: RulesData = {
  sources: RULE_SOURCES,
  dates: APPLICATION_DATES,
  prohibitions: PROHIBITIONS,
  annexIII: [...ANNEX_III, ...ANNEX_III_DEPRECATED],
  obligations: OBLIGATIONS,
  changelog: RULES_CHANGELOG,
};

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const CITATION = /^(Art\. \d+[a-z]?(\(\d+[a-z]?\))?(\([a-z]{1,2}\))?|Annex III \d(\([a-e]\))?)$/;

export function validateRules(data: RulesData = RULES_DATA): string[] {
  const problems: string[] = [];
  const sources = new Set(data.sources.map((s) => s.id));
  const dateKeys = new Set(Object.keys(data.dates));
  const unique = (what: string, values: string[]) => {
    const seen = new Set<string>();
    for (const value of values) {
      if (seen.has(value)) problems.push(`${what} ${JSON.stringify(value)} is listed twice`);
      seen.add(value);
    }
  };
  unique('source', [...sources]);
  for (const s of data.sources)
    if (s.where.trim() === '') problems.push(`source ${s.id}: says nowhere where to read it`);
  for (const [key, entry] of Object.entries(data.dates)) {
    if (!isIsoDay(entry.date)) problems.push(`date ${key}: ${entry.date} is not a calendar day`);
    if (!sources.has(entry.source)) problems.push(`date ${key}: unknown source ${entry.source}`);
    if (entry.citation.trim() === '') problems.push(`date ${key}: no citation`);
  }
  const checkEntry = (what: string, e: { citation: string; source: string }, words: string) => {
    if (!CITATION.test(e.citation))
      problems.push(
        `${what}: citation ${JSON.stringify(e.citation)} is not in the form "Art. 26(5)" or "Annex III 6(d)"`,
      );
    if (!sources.has(e.source)) problems.push(`${what}: unknown source ${e.source}`);
    if (words.trim().length < 10) problems.push(`${what}: no words`);
  };
  unique(
    'prohibited practice',
    data.prohibitions.map((p) => p.value),
  );
  unique(
    'citation',
    data.prohibitions.map((p) => p.citation),
  );
  for (const p of data.prohibitions) {
    checkEntry(`prohibition ${p.value}`, p, p.label);
    if (!dateKeys.has(p.appliesFrom))
      problems.push(`prohibition ${p.value}: unknown date ${p.appliesFrom}`);
  }
  unique(
    'Annex III point',
    data.annexIII.map((p) => p.value),
  );
  unique(
    'Annex III citation',
    data.annexIII.map((p) => p.citation),
  );
  for (const p of data.annexIII) checkEntry(`Annex III ${p.value}`, p, p.label);
  unique(
    'obligation',
    data.obligations.map((o) => o.id),
  );
  for (const o of data.obligations) {
    checkEntry(`obligation ${o.id}`, o, o.text);
    if (o.binds !== 'provider' && o.binds !== 'deployer')
      problems.push(`obligation ${o.id}: binds ${o.binds}, not provider or deployer`);
    if (o.appliesFrom !== 'by-classification' && !dateKeys.has(o.appliesFrom))
      problems.push(`obligation ${o.id}: unknown date ${o.appliesFrom}`);
  }
  if (data.changelog.length === 0) problems.push('the changelog is empty');
  unique(
    'version',
    data.changelog.map((c) => c.version),
  );
  for (const c of data.changelog) {
    if (!isIsoDay(c.date)) problems.push(`version ${c.version}: ${c.date} is not a calendar day`);
    if (c.changes.length === 0) problems.push(`version ${c.version}: lists no change`);
  }
  const days = data.changelog.map((c) => c.date);
  if (days.some((day, i) => i > 0 && day > days[i - 1]!))
    problems.push('the changelog is not newest first');
  return problems;
}
