import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  readIncidentRegister,
  type IncidentRegister,
} from '../../../shared/documents/registry/index.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';

const NO_INCIDENTS: IncidentRegister = { incidents: new Map(), problems: [] };

// One reader per registry document, shared by the incidents page and the dashboard.
const readIncidentsShared = sharedReader((doc) => ({ read: () => readIncidentRegister(doc) }));

/** The incident register, read without trust; empty while there is no document. */
export const useIncidents = (doc: Y.Doc | undefined) =>
  useDocument(doc, readIncidentsShared, NO_INCIDENTS);

/** The time now, renewed every `everyMs`: clocks count down while the page is open. */
export function useNow(now: () => number, everyMs = 30_000): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return time;
}
