import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { reviewIntervalMonths } from '../../../shared/assessments/index.ts';
import {
  MAX_REVIEW_MONTHS,
  MIN_REVIEW_MONTHS,
  updateGovernance,
  type GovernanceChange,
} from '../../../shared/documents/registry/index.ts';
import { ApprovalsRequired } from './ApprovalsRequired.tsx';
import { useGovernance } from './use-governance.ts';
import { useTierScheme } from './use-tier-scheme.ts';
import './governance.css';

interface Props {
  registry: Y.Doc | undefined;
  canEdit: boolean;
  /** Who is recorded as changing it (the token id, or the role). */
  me: string;
  now?: () => number;
}

export const PUBLIC_BODY_QUESTION =
  'Is the organisation a body governed by public law, or a private entity providing public services? (EU AI Act Art. 27(1))';

const ANSWERS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unanswered', label: 'Not answered' },
] as const;
type Answer = (typeof ANSWERS)[number]['value'];

const answerOf = (value: boolean | undefined): Answer =>
  value === undefined ? 'unanswered' : value ? 'yes' : 'no';
const months = (n: number) => `${n} month${n === 1 ? '' : 's'}`;

/**
 * Workspace governance for assessments (in the registry): whether the deployer must make a
 * fundamental-rights impact assessment for its Annex III systems (Art. 27(1)), and how often
 * each tier's assessments are reviewed. Leads and admins edit; contributors read.
 */
export function GovernanceSection({ registry, canEdit, me, now = Date.now }: Props) {
  const governance = useGovernance(registry);
  const { scheme } = useTierScheme(registry);
  const editable = canEdit && registry !== undefined;
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string }>();
  // undefined: not editing, the fields follow the document (another lead may change them).
  const [draft, setDraft] = useState<Record<string, string>>();

  const stored = (tierId: string) =>
    Object.hasOwn(governance.reviewMonths, tierId) ? governance.reviewMonths[tierId] : undefined;
  const shown = (tierId: string) => draft?.[tierId] ?? String(stored(tierId) ?? '');
  const defaultOf = (tierId: string) => reviewIntervalMonths(tierId, scheme);

  function write(change: GovernanceChange, done: string): boolean {
    if (!editable) return false;
    try {
      const changed = updateGovernance(registry, change, { by: me, at: now() });
      setMessage({ kind: 'saved', text: changed ? done : 'Nothing changed.' });
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  function answer(value: Answer) {
    const publicBody = value === 'unanswered' ? null : value === 'yes';
    write(
      { publicBodyOrPublicService: publicBody },
      publicBody === null
        ? 'The public-body question is not answered.'
        : `Saved: ${publicBody ? 'a public body or provider of public services' : 'neither a public body nor a provider of public services'}.`,
    );
  }

  function saveIntervals(event: FormEvent) {
    event.preventDefault();
    const reviewMonths: Record<string, number | null> = {};
    for (const tier of scheme.tiers) {
      const text = shown(tier.id).trim();
      // Empty, or the default itself: the tier follows the default (nothing stored).
      const value = text === '' ? null : Number(text);
      reviewMonths[tier.id] = value === defaultOf(tier.id) ? null : value;
    }
    if (write({ reviewMonths }, 'Saved the review intervals.')) setDraft(undefined);
  }

  const current = answerOf(governance.publicBodyOrPublicService);
  return (
    <section aria-labelledby="governance-heading" className="governance-settings">
      <h2 id="governance-heading">Assessment governance</h2>
      {governance.problems.length > 0 && (
        <details className="notice">
          <summary>
            Part of the stored settings could not be read ({governance.problems.length}); what was
            readable is shown.
          </summary>
          <ul>
            {governance.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </details>
      )}
      <fieldset className="settings-form governance-question" disabled={!editable}>
        <legend>{PUBLIC_BODY_QUESTION}</legend>
        <div className="governance-answers">
          {ANSWERS.map(({ value, label }) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="public-body"
                value={value}
                checked={current === value}
                onChange={() => answer(value)}
              />
              {label}
            </label>
          ))}
        </div>
        <p className="muted hint">
          Decides whether a new impact assessment of a high-risk Annex III system adds the
          fundamental-rights impact assessment (FRIA) sections. Creditworthiness and insurance
          pricing systems (Annex III 5(b), 5(c)) always need one; critical infrastructure (Annex III
          2) never does.
        </p>
      </fieldset>
      <form className="settings-form governance-intervals" onSubmit={saveIntervals} noValidate>
        <h3>Review intervals</h3>
        <p className="muted hint">
          How often a signed-off assessment is reviewed again, per tier (ISO/IEC 42001 8.2, 8.4: at
          planned intervals). Leave a field empty for the default.
        </p>
        <fieldset disabled={!editable}>
          {scheme.tiers.map((tier) => (
            <label key={tier.id}>
              {`${tier.name}: review every … months`}
              <input
                type="number"
                inputMode="numeric"
                min={MIN_REVIEW_MONTHS}
                max={MAX_REVIEW_MONTHS}
                step={1}
                value={shown(tier.id)}
                placeholder={String(defaultOf(tier.id))}
                aria-describedby={`review-default-${tier.id}`}
                onChange={(event) => setDraft({ ...draft, [tier.id]: event.target.value })}
              />
              <span id={`review-default-${tier.id}`} className="muted hint">
                {stored(tier.id) === undefined
                  ? `Default: every ${months(defaultOf(tier.id))}.`
                  : `Workspace's own (default ${months(defaultOf(tier.id))}).`}
              </span>
            </label>
          ))}
          {editable && (
            <div className="governance-actions">
              <button type="submit" disabled={draft === undefined}>
                Save intervals
              </button>
              {draft !== undefined && (
                <button type="button" onClick={() => setDraft(undefined)}>
                  Undo
                </button>
              )}
            </div>
          )}
        </fieldset>
      </form>
      <ApprovalsRequired registry={registry} editable={editable} me={me} now={now} />
      {!editable && <p className="muted">Only admins and leads change these settings.</p>}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
    </section>
  );
}
