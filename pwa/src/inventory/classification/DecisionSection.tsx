import { useState, type FormEvent } from 'react';
import {
  EU_AI_ACT_CATEGORIES,
  type EuAiActCategory,
  type TierSuggestion,
} from '../../../../shared/classification/index.ts';
import type { RecordClassification } from '../../../../shared/documents/registry/index.ts';
import { EU_AI_ACT_LABELS, formatDay, tierName } from '../classification-words.ts';
import type { useTierScheme } from '../../settings/use-tier-scheme.ts';
import type { Override } from './classification-decision.ts';

export interface PanelMessage {
  kind: 'saved' | 'error';
  text: string;
}

interface Props {
  classification: RecordClassification | undefined;
  suggestion: TierSuggestion;
  tiers: ReturnType<typeof useTierScheme>;
  editable: boolean;
  message: PanelMessage | undefined;
  /** Confirms the suggestion; true when it was kept. */
  onConfirm(): boolean;
  /** Saves an override; true when it was kept (the form closes). */
  onOverride(override: Override): boolean;
  onError(text: string): void;
}

/** The decision as recorded, and a lead's Confirm, or Override with a reason. */
export function DecisionSection(props: Props) {
  const { classification, suggestion, tiers, editable, message } = props;
  const [overriding, setOverriding] = useState(false);
  const [category, setCategory] = useState<EuAiActCategory>(suggestion.euAiAct.category);
  const [tier, setTier] = useState(suggestion.tier.id);
  const [reason, setReason] = useState('');
  const decision = classification?.decision;
  const tierDecision = classification?.tier;

  function override(event: FormEvent) {
    event.preventDefault();
    const why = reason.trim();
    if (why === '') {
      props.onError('An override needs a reason: it is kept with the decision.');
      return;
    }
    if (props.onOverride({ category, tier, reason: why })) {
      setOverriding(false);
      setReason('');
    }
  }

  return (
    <div className="decision">
      <h3>Decision</h3>
      {decision ? (
        <p className="decided-category">
          EU AI Act: <strong>{EU_AI_ACT_LABELS[decision.category]}</strong>,{' '}
          {decision.confirmed ? 'confirmed' : 'overridden'} by {decision.by} on{' '}
          {formatDay(decision.at)}.
          {decision.overrideReason !== undefined && (
            <>
              {' '}
              Reason: <q className="override-reason">{decision.overrideReason}</q>
            </>
          )}
        </p>
      ) : (
        <p className="muted">No decision on the EU AI Act category yet.</p>
      )}
      {tierDecision && (
        <p className="decided-tier">
          Tier: <strong>{tierName(tierDecision.decided, tiers)}</strong> (suggested{' '}
          {tierName(tierDecision.suggested, tiers)}), by {tierDecision.by} on{' '}
          {formatDay(tierDecision.at)}.
          {tierDecision.reason !== undefined && <> Reason: {tierDecision.reason}</>}
        </p>
      )}
      {editable ? (
        overriding ? (
          <form className="override" aria-label="Override the suggestion" onSubmit={override}>
            <label>
              EU AI Act category
              <select
                value={category}
                onChange={(event) => setCategory(event.target.value as EuAiActCategory)}
              >
                {EU_AI_ACT_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {EU_AI_ACT_LABELS[c]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Tier
              <select value={tier} onChange={(event) => setTier(event.target.value)}>
                {tiers.scheme.tiers.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Reason (kept with the decision)
              <textarea
                value={reason}
                rows={3}
                maxLength={1000}
                onChange={(event) => setReason(event.target.value)}
              />
            </label>
            <button type="submit">Save override</button>{' '}
            <button type="button" onClick={() => setOverriding(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <p className="actions">
            <button type="button" onClick={() => props.onConfirm() && setReason('')}>
              Confirm
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                setCategory(suggestion.euAiAct.category);
                setTier(suggestion.tier.id);
                setOverriding(true);
              }}
            >
              Override
            </button>
          </p>
        )
      ) : (
        <p className="muted">
          Only admins and leads decide a classification; you can read it here.
        </p>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
    </div>
  );
}
