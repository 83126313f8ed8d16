import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  MAX_ALTERNATIVE,
  MAX_GUIDANCE,
  setStatus,
  type ToolStatus,
  type ToolStatusValue,
} from '../../../shared/documents/policy/index.ts';
import { noteStatusDecision } from '../../../shared/documents/registry/index.ts';
import { STATUS_CHOICES, STATUS_LABELS } from './status-words.ts';

/** Who set a status, briefly: you, a role, or a token id shortened. */
function who(setBy: string, me: string): string {
  if (setBy === me) return 'you';
  if (/^[a-f0-9]{32}$/.test(setBy)) return `token ${setBy.slice(0, 8)}`;
  return setBy || 'someone';
}

interface Props {
  toolKey: string;
  current: ToolStatus | undefined;
  /** The policy document; undefined while this role has none. */
  policy: Y.Doc | undefined;
  canEdit: boolean;
  /** Who is recorded as having set it (the token id, or the role). */
  updatedBy: string;
  /** The registry, so that the decision is in the history of the records listing the tool. */
  registry?: Y.Doc | undefined;
  now?: () => number;
}

/**
 * What employees see for this tool: approved, restricted, banned or not reviewed, with guidance
 * and an approved alternative, written to the policy document. Read-only for contributors.
 * Mount it with `key={toolKey}` so that its fields start from the tool's current status.
 */
export function StatusEditor({
  toolKey,
  current,
  policy,
  canEdit,
  updatedBy,
  registry,
  now = Date.now,
}: Props) {
  const [status, setChoice] = useState<ToolStatusValue>(current?.status ?? 'unreviewed');
  const [guidance, setGuidance] = useState(current?.guidance ?? '');
  const [alternative, setAlternative] = useState(current?.alternative ?? '');
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string }>();
  const editable = canEdit && policy !== undefined;

  function save(event: FormEvent) {
    event.preventDefault();
    if (!editable) return;
    const next: ToolStatus = { status, guidance: guidance.trim(), updatedBy, updatedAt: now() };
    if (alternative.trim() !== '') next.alternative = alternative.trim();
    try {
      setStatus(policy, toolKey, next);
      if (registry && current?.status !== status) {
        const change = { from: current?.status ?? null, to: status };
        const stamp = { by: updatedBy, at: next.updatedAt };
        try {
          noteStatusDecision(registry, toolKey, change, stamp);
        } catch {
          // A registry from newer code is read-only here: the status itself is saved.
        }
      }
      setMessage({ kind: 'saved', text: `Saved: ${STATUS_LABELS[status]}.` });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <form className="status-editor" onSubmit={save} aria-label="Policy for employees">
      <fieldset disabled={!editable}>
        <legend>What employees see</legend>
        <div className="status-choices">
          {STATUS_CHOICES.map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name="status"
                value={choice}
                checked={status === choice}
                onChange={() => setChoice(choice)}
              />{' '}
              {STATUS_LABELS[choice]}
            </label>
          ))}
        </div>
        <label>
          Guidance
          <textarea
            value={guidance}
            maxLength={MAX_GUIDANCE}
            rows={3}
            onChange={(event) => setGuidance(event.target.value)}
          />
        </label>
        <label>
          Approved alternative
          <input
            type="text"
            value={alternative}
            maxLength={MAX_ALTERNATIVE}
            onChange={(event) => setAlternative(event.target.value)}
          />
        </label>
        {editable && <button type="submit">Save status</button>}
      </fieldset>
      {!editable && (
        <p className="muted">Only admins and leads set the status; you can read it here.</p>
      )}
      {current && current.updatedAt > 0 && (
        <p className="muted">
          Last set to {STATUS_LABELS[current.status]} by {who(current.updatedBy, updatedBy)} on{' '}
          {new Date(current.updatedAt).toISOString().slice(0, 10)}.
        </p>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
    </form>
  );
}
