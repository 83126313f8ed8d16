import { useState } from 'react';
import type * as Y from 'yjs';
import {
  readProposedConcerns,
  type ProposedConcern,
} from '../../../shared/documents/discoveries/index.ts';
import {
  dismissConcern,
  readConcernDecisions,
  type RegistryRecord,
} from '../../../shared/documents/registry/index.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';
import { emptyIncidentForm, localInput, type IncidentForm } from './incident-form.ts';
import { formatTime } from './incident-words.ts';

const readProposedShared = sharedReader((doc) => ({ read: () => readProposedConcerns(doc) }));
const readDecisionsShared = sharedReader((doc) => ({ read: () => readConcernDecisions(doc) }));
const NONE: ProposedConcern[] = [];
const NO_DECISIONS = new Map();

/** The record an employee's concern is about: the one holding its tool, else none chosen. */
function systemFor(concern: ProposedConcern, records: readonly RegistryRecord[]): string {
  const match = records.find((r) => concern.toolKey && r.toolKeys.includes(concern.toolKey));
  return match?.id ?? records[0]?.id ?? '';
}

/** What accepting a concern pre-fills: its words, its time, who sent it (or that nobody said). */
export function concernForm(
  concern: ProposedConcern,
  records: readonly RegistryRecord[],
  me: string,
): IncidentForm {
  return {
    ...emptyIncidentForm(systemFor(concern, records), me, concern.createdAt),
    title: `Concern about ${concern.toolName}`.slice(0, 200),
    description: concern.what,
    detectedAt: localInput(concern.createdAt),
    detectedBy: concern.name ?? 'An employee (anonymous)',
    type: 'harm',
  };
}

interface Props {
  discoveries: Y.Doc | undefined;
  registry: Y.Doc;
  records: readonly RegistryRecord[];
  canEdit: boolean;
  me: string;
  now: () => number;
  onAccept(proposal: { key: string; form: IncidentForm }): void;
}

/** Employees' concerns from the extension, waiting for a lead to accept or dismiss them. */
export function ProposedConcerns(props: Props) {
  const concerns = useDocument(props.discoveries, readProposedShared, NONE);
  const decisions = useDocument(props.registry, readDecisionsShared, NO_DECISIONS);
  const [error, setError] = useState<string>();
  const waiting = concerns.filter((concern) => !decisions.has(concern.key));
  if (waiting.length === 0) return null;

  function dismiss(concern: ProposedConcern) {
    const reason = window.prompt('Why is this concern dismissed?');
    if (reason === null) return;
    try {
      dismissConcern(props.registry, concern.key, reason.trim(), props.me, props.now());
      setError(undefined);
    } catch (failure) {
      setError(`Not dismissed: ${failure instanceof Error ? failure.message : String(failure)}.`);
    }
  }

  return (
    <section aria-labelledby="proposed-concerns" className="proposed-concerns">
      <h2 id="proposed-concerns">Concerns reported by employees ({waiting.length})</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul>
        {waiting.map((concern) => (
          <li key={concern.key}>
            <p>
              <strong>{concern.toolName}</strong>
              {concern.host && <span className="muted"> ({concern.host})</span>} ·{' '}
              {formatTime(concern.createdAt)} · {concern.name ?? 'anonymous'}
            </p>
            <p className="incident-text">{concern.what}</p>
            {props.canEdit && (
              <p className="incidents-actions">
                <button
                  type="button"
                  onClick={() =>
                    props.onAccept({
                      key: concern.key,
                      form: concernForm(concern, props.records, props.me),
                    })
                  }
                >
                  Accept as incident
                </button>
                <button type="button" onClick={() => dismiss(concern)}>
                  Dismiss
                </button>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
