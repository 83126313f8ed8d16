import { useState } from 'react';
import type * as Y from 'yjs';
import {
  DEFAULT_APPROVALS_REQUIRED,
  MAX_APPROVALS_REQUIRED,
  updateGovernance,
} from '../../../shared/documents/registry/index.ts';
import { useGovernance } from './use-governance.ts';
import { useTierScheme } from './use-tier-scheme.ts';

interface Props {
  registry: Y.Doc | undefined;
  editable: boolean;
  me: string;
  now: () => number;
}

const COUNTS = Array.from({ length: MAX_APPROVALS_REQUIRED + 1 }, (_, i) => i);

/**
 * How many named reviewers (never the signer) must approve an assessment's text before a lead
 * signs it off, per tier (docs/assessments.md, S5). Each choice is saved as it is made.
 */
export function ApprovalsRequired({ registry, editable, me, now }: Props) {
  const governance = useGovernance(registry);
  const { scheme } = useTierScheme(registry);
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string }>();

  function choose(tierId: string, tierName: string, count: number) {
    if (!registry || !editable) return;
    try {
      updateGovernance(
        registry,
        { approvalsRequired: { [tierId]: count === DEFAULT_APPROVALS_REQUIRED ? null : count } },
        { by: me, at: now() },
      );
      setMessage({
        kind: 'saved',
        text: `${tierName}: ${count} approval${count === 1 ? '' : 's'}.`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <fieldset className="settings-form governance-approvals" disabled={!editable}>
      <legend>Reviewer approvals before a sign-off</legend>
      <p className="muted hint">
        Named reviewers other than the lead signing off approve the text as it stands; 0 lets a lead
        sign off alone. A system without a tier counts as the most severe.
      </p>
      {scheme.tiers.map((tier) => (
        <label key={tier.id}>
          {tier.name}
          <select
            value={governance.approvalsRequired[tier.id] ?? DEFAULT_APPROVALS_REQUIRED}
            onChange={(event) => choose(tier.id, tier.name, Number(event.target.value))}
          >
            {COUNTS.map((count) => (
              <option key={count} value={count}>
                {count === 0
                  ? 'None: a lead may sign off alone'
                  : `${count} approval${count === 1 ? '' : 's'}`}
              </option>
            ))}
          </select>
        </label>
      ))}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
