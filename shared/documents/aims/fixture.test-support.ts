import type * as Y from 'yjs';
import { saveAimsEntry } from './entries.ts';
import { AIMS_ROLES } from './registers.ts';

/** Adds a committee marked as top management with `people` in it: who may approve the AI policy. */
export function addTopManagement(doc: Y.Doc, people: string[], at: number): void {
  saveAimsEntry(
    doc,
    AIMS_ROLES,
    'board',
    {
      title: 'Management board',
      kind: 'committee',
      responsibilities: 'Approves the AI policy',
      people,
      topManagement: true,
    },
    'Ana',
    at,
  );
}
