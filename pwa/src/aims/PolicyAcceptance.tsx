import type * as Y from 'yjs';
import {
  acceptanceRate,
  readPolicyAckCounts,
  type PolicyAckCount,
} from '../../../shared/documents/discoveries/index.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';

const NO_COUNTS: PolicyAckCount[] = [];
const readCounts = sharedReader((doc) => ({ read: () => readPolicyAckCounts(doc) }));

/** Each policy version's acknowledgements from the extensions, as the relay counted them. */
export const usePolicyAckCounts = (discoveries: Y.Doc | undefined) =>
  useDocument(discoveries, readCounts, NO_COUNTS);

/**
 * "Acknowledged by 3 of 4 active extensions (75 %)": one version's acceptance rate (ACK2), in
 * words a lead can put in an awareness record (ISO/IEC 42001 7.3).
 */
export function acceptanceWords(count: PolicyAckCount | undefined): string {
  if (!count || count.acknowledged === 0) return 'No employee has acknowledged it yet.';
  const rate = acceptanceRate(count);
  const active =
    rate === undefined
      ? 'no extension was active in the last 30 days'
      : `${count.ofActive} of ${count.active} extensions active in the last 30 days (${Math.round(rate * 100)} %)`;
  const all = count.acknowledged === 1 ? '1 in all' : `${count.acknowledged} in all`;
  return `Acknowledged by ${active}; ${all}.`;
}

/** The acceptance line of one version, with who when the workspace uses attributed reporting. */
export function PolicyAcceptance({ count }: { count: PolicyAckCount | undefined }) {
  return (
    <p className="muted small" data-testid="policy-acceptance">
      {acceptanceWords(count)}
      {count?.reporterIds && count.reporterIds.length > 0 && (
        <> Extensions: {count.reporterIds.join(', ')}.</>
      )}
    </p>
  );
}
