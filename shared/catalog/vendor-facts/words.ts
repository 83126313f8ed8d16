import type { FactPlan, FactTopic, VendorFact } from './schema.ts';
import { FACT_PLANS, FACT_TOPICS } from './schema.ts';
import type { FactCell, VendorFactSheet } from './vendor-facts.ts';

/** Vendor facts in the reader's words: one wording for the PWA and the exports. */

export const FACT_TOPIC_LABELS: Record<FactTopic, string> = {
  training: 'Trains models on customer data by default',
  retention: 'Data retention',
  processing: 'Where data is processed',
  certifications: 'Certifications claimed',
};

export const FACT_PLAN_LABELS: Record<FactPlan, string> = {
  free: 'Free',
  paid: 'Paid (personal)',
  business: 'Team / enterprise',
  api: 'API',
};

export const UNKNOWN = 'unknown';

/** A fact's value in words (without its source). */
export function factValueWords(fact: VendorFact): string {
  switch (fact.topic) {
    case 'training':
      return fact.value === 'yes' ? 'yes' : 'no';
    case 'retention':
      if (fact.value.kind === 'days')
        return fact.value.days === 0 ? 'not retained' : `up to ${fact.value.days} days`;
      if (fact.value.kind === 'months') return `up to ${fact.value.months} months`;
      if (fact.value.kind === 'hours')
        return `up to ${fact.value.hours} hour${fact.value.hours === 1 ? '' : 's'}`;
      return fact.value.kind === 'until-deleted' ? 'until deleted' : 'as the customer sets';
    case 'processing':
      return (
        fact.value.regions.join(', ') +
        (fact.value.customerChoice ? ' (customer can choose the region)' : '')
      );
    case 'certifications':
      return fact.value.join(', ');
  }
}

export const cellWords = (cell: FactCell) => (cell === 'unknown' ? UNKNOWN : factValueWords(cell));

/**
 * A sheet as flat lines, one per topic and plan that is known: for an export cell or a summary.
 * `Data retention (API): up to 30 days [https://… read 2026-12-07]`.
 */
export function knownFactLines(sheet: VendorFactSheet): string[] {
  const lines: string[] = [];
  for (const topic of FACT_TOPICS)
    for (const plan of FACT_PLANS) {
      const cell = sheet.cells[topic][plan];
      if (cell === 'unknown') continue;
      lines.push(
        `${FACT_TOPIC_LABELS[topic]} (${FACT_PLAN_LABELS[plan]}): ${factValueWords(cell)} [${cell.source} read ${cell.read}]`,
      );
    }
  return lines;
}
