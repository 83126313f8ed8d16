import {
  isRenewalDue,
  missingClauses,
  type EntryValues,
} from '../../../shared/documents/aims/index.ts';

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * What a supplier file still needs, in words: its renewal when due and the contract clauses not
 * shown present. The supplier card's badge, the record's supplier panel and the dashboard all say
 * it from here, so they agree.
 */
export function supplierAlerts(values: EntryValues, now: number): string[] {
  const alerts: string[] = [];
  if (isRenewalDue(values, now) && typeof values.renewalDate === 'number') {
    alerts.push(`Renewal due ${day(values.renewalDate)}`);
  }
  const missing = missingClauses(values).length;
  if (missing > 0)
    alerts.push(`${missing} contract ${missing === 1 ? 'clause' : 'clauses'} not present`);
  return alerts;
}

/** Where a supplier file is read and edited: its register on the management-system page. */
export const SUPPLIERS_HREF = '#/aims/aimsSuppliers';
