import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { RECORDS, TRIAGE } from '../../../shared/documents/registry/index.ts';

/**
 * Undo for triage and bulk actions (the inbox's toast and Ctrl+Z). Every triage write of this
 * device runs in a transaction with this origin, and one Y.UndoManager tracks only those: a
 * remote lead's change or an edit on another page is never undone from here. Each action is one
 * step (a bulk action is one transaction).
 */
export const TRIAGE_ORIGIN = 'sightline:triage';

/** Runs a triage write as one undoable step. */
export function triageWrite<T>(doc: Y.Doc, write: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = write();
  }, TRIAGE_ORIGIN);
  return result;
}

export interface TriageUndo {
  canUndo: boolean;
  /** Undoes the latest step; returns whether there was one. */
  undo(): boolean;
}

export function useTriageUndo(registry: Y.Doc | undefined): TriageUndo {
  const manager = useMemo(
    () =>
      registry &&
      new Y.UndoManager([registry.getMap(TRIAGE), registry.getMap(RECORDS)], {
        trackedOrigins: new Set([TRIAGE_ORIGIN]),
        captureTimeout: 0,
      }),
    [registry],
  );
  const [depth, setDepth] = useState(0);
  useEffect(() => {
    if (!manager) return;
    const changed = () => setDepth(manager.undoStack.length);
    manager.on('stack-item-added', changed);
    manager.on('stack-item-popped', changed);
    return () => manager.destroy();
  }, [manager]);
  return {
    canUndo: depth > 0,
    undo: () => (manager && manager.undoStack.length > 0 ? manager.undo() !== null : false),
  };
}
