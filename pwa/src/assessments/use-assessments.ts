import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { readAssessment, type Assessment } from '../../../shared/documents/assessment/index.ts';
import { readApprovals, readAssessmentIndex } from '../../../shared/documents/registry/index.ts';
import type { OpenedAssessment } from '../sync/assessment-documents.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';

const NO_INDEX: ReturnType<typeof readAssessmentIndex> = { assessments: [], problems: [] };
const readIndexShared = sharedReader((doc) => ({ read: () => readAssessmentIndex(doc) }));

/** The registry's list of assessments (newest first); empty without a registry. */
export const useAssessmentIndex = (registry: Y.Doc | undefined) =>
  useDocument(registry, readIndexShared, NO_INDEX);

const NO_APPROVALS: ReturnType<typeof readApprovals> = { approvals: new Map(), problems: [] };
const readApprovalsShared = sharedReader((doc) => ({ read: () => readApprovals(doc) }));

/** The lead-written sign-offs of every assessment (the dashboard and the list read the same). */
export const useApprovals = (registry: Y.Doc | undefined) =>
  useDocument(registry, readApprovalsShared, NO_APPROVALS);

export type Opening =
  | { state: 'opening' }
  | { state: 'open'; opened: OpenedAssessment }
  | { state: 'refused'; reason: string };

/** Holds `W/assessment/<id>` while mounted, and says when this device's copy has loaded. */
export function useOpenedAssessment(
  openAssessment: WorkspaceSync['openAssessment'],
  id: string,
): Opening {
  const [opening, setOpening] = useState<Opening>({ state: 'opening' });
  useEffect(() => {
    let opened: OpenedAssessment;
    try {
      opened = openAssessment(id);
    } catch (failure) {
      setOpening({ state: 'refused', reason: String((failure as Error).message ?? failure) });
      return;
    }
    let live = true;
    setOpening({ state: 'opening' });
    void opened.ready.then(() => live && setOpening({ state: 'open', opened }));
    return () => {
      live = false;
      opened.release();
    };
  }, [openAssessment, id]);
  return opening;
}

/** True when a transaction changed something other than a section's rich text. */
function touchesMoreThanText(transaction: Y.Transaction): boolean {
  for (const type of transaction.changed.keys()) {
    let root = type;
    while (root._item?.parent instanceof Y.AbstractType) root = root._item.parent as typeof root;
    if (!(root instanceof Y.XmlFragment)) return true;
  }
  return false;
}

/**
 * The assessment read without trust, again only when its meta, workflow or versions change: a
 * keystroke changes a section's fragment alone, and the page above the editors must not re-read
 * and re-render on every one (budget: a keystroke renders in ≤ 16 ms on a 50-page assessment).
 */
export function useAssessmentOutline(doc: Y.Doc): Assessment {
  const store = useMemo(() => {
    let cached: Assessment | undefined;
    const listeners = new Set<() => void>();
    // Listens from the start (not from subscribing), so a change in between is not missed; the
    // listener goes with the document when its last holder releases it.
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (!touchesMoreThanText(transaction)) return;
      cached = undefined;
      listeners.forEach((listener) => listener());
    });
    return {
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      snapshot: () => (cached ??= readAssessment(doc)),
    };
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
