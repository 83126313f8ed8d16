import { useEffect } from 'react';
import type * as Y from 'yjs';
import { claimRiskRefs, readRiskRefs } from '../../../shared/documents/registry/index.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';

const NO_REFS: ReadonlyMap<string, string> = new Map();
const readRefsShared = sharedReader((doc) => ({ read: () => readRiskRefs(doc) }));

/** Each risk's reference (`R-007`) by risk id; one reader for the register, palette and exports. */
export const useRiskRefs = (registry: Y.Doc | undefined): ReadonlyMap<string, string> =>
  useDocument(registry, readRefsShared, NO_REFS);

/**
 * Numbers the risks that have none (new ones, those from before numbers, one that lost its
 * number to a concurrent claim: docs/sync.md RID3), in id order, when this person may write.
 */
export function useNumberRisks(
  registry: Y.Doc | undefined,
  riskIds: readonly string[],
  refs: ReadonlyMap<string, string>,
  canEdit: boolean,
): void {
  const missing = riskIds.filter((id) => !refs.has(id));
  const key = missing.join('\u0000');
  useEffect(() => {
    if (!registry || !canEdit || key === '') return;
    claimRiskRefs(registry, key.split('\u0000').sort());
  }, [registry, canEdit, key]);
}
