import { useCallback, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { RunStatus } from '../../../shared/documents/monitoring/evaluate.ts';
import {
  approveDeployment,
  overrideDeploymentGate,
  readDeploymentGate,
  type GateState,
} from '../../../shared/documents/registry/deployment-gate.ts';
import { useDocument } from '../sync/use-document.ts';
import { dayTime } from './monitoring-view.ts';

interface Props {
  recordId: string;
  registry: Y.Doc;
  run: RunStatus;
  canEdit: boolean;
  me: string;
  now: () => number;
}

const CLOSED: GateState = { required: false, open: true };

/**
 * The pre-deployment gate (docs/sync.md MON6), for a system of the highest tier: its state, and
 * for leads the approval of a passed run or an override with its reason.
 */
export function DeploymentGate({ recordId, registry, run, canEdit, me, now }: Props) {
  const read = useCallback((doc: Y.Doc) => readDeploymentGate(doc, recordId), [recordId]);
  const gate = useDocument(registry, read, CLOSED);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  if (!gate.required) return null;
  const act = (change: () => void) => {
    try {
      change();
      setError(undefined);
      setReason('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const override = (event: FormEvent) => {
    event.preventDefault();
    act(() => overrideDeploymentGate(registry, recordId, reason, me, now()));
  };
  const decision = gate.decision;
  return (
    <section className="deployment-gate" aria-labelledby="deployment-gate-heading">
      <h3 id="deployment-gate-heading">Pre-deployment gate</h3>
      <p>
        {!decision
          ? 'Closed: this system is of the highest tier, so it goes into use only after a lead approves a passed monitoring run.'
          : decision.kind === 'approved'
            ? `Approved by ${decision.by} on ${dayTime(decision.at)}, for the run of ${dayTime(decision.runAt)}.`
            : `Overridden by ${decision.by} on ${dayTime(decision.at)}: ${decision.reason}`}
      </p>
      {canEdit && (
        <>
          <button
            type="button"
            disabled={!run.passed}
            onClick={() => act(() => approveDeployment(registry, recordId, run, me, now()))}
          >
            Approve the latest run for use
          </button>
          {!run.passed && <span className="muted small"> (the latest run has not passed)</span>}
          <form className="monitoring-form" onSubmit={override} aria-label="Override the gate">
            <label>
              Reason for an override
              <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
            </label>
            <button type="submit">Override the gate</button>
          </form>
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
