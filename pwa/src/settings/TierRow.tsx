import { useState, type FormEvent } from 'react';
import {
  MAX_TIER_DESCRIPTION,
  MAX_TIER_NAME,
  type TierDefinition,
} from '../../../shared/classification/index.ts';

interface Props {
  tier: TierDefinition;
  position: number;
  count: number;
  /** Which default tier's suggestions land here, e.g. "Tier 1" (docs/classification.md). */
  suggestedFor: string[];
  /** Saves a change of name or description; returns whether it was saved. */
  onSave(tier: TierDefinition): boolean;
  onMove(to: number): void;
  onRemove(): void;
}

/** One tier, editable: name, description, move up or down, remove (asked first). */
export function TierRow({ tier, position, count, suggestedFor, onSave, onMove, onRemove }: Props) {
  // undefined: not editing, the fields follow the document (another lead may change them).
  const [draft, setDraft] = useState<{ name: string; description: string }>();
  const shown = draft ?? tier;
  const dirty =
    draft !== undefined && (draft.name !== tier.name || draft.description !== tier.description);
  const label = `${position + 1}. ${tier.name}`;

  function save(event: FormEvent) {
    event.preventDefault();
    if (onSave({ id: tier.id, name: shown.name.trim(), description: shown.description.trim() }))
      setDraft(undefined);
  }

  return (
    <li className="tier-row" data-tier-id={tier.id}>
      <form aria-label={`Tier ${label}`} onSubmit={save}>
        <div className="tier-fields">
          <label>
            Name
            <input
              type="text"
              value={shown.name}
              maxLength={MAX_TIER_NAME}
              required
              onChange={(event) => setDraft({ ...shown, name: event.target.value })}
            />
          </label>
          <label>
            Description
            <textarea
              value={shown.description}
              maxLength={MAX_TIER_DESCRIPTION}
              rows={2}
              onChange={(event) => setDraft({ ...shown, description: event.target.value })}
            />
          </label>
          {suggestedFor.length > 0 && (
            <p className="muted hint">
              Suggested for what the default scheme calls {suggestedFor.join(' and ')}.
            </p>
          )}
        </div>
        <div className="tier-actions">
          <button type="submit" disabled={!dirty}>
            Save
          </button>
          {dirty && (
            <button type="button" onClick={() => setDraft(undefined)}>
              Undo
            </button>
          )}
          <button
            type="button"
            className="move-up"
            aria-label={`Move ${tier.name} up`}
            disabled={position === 0}
            onClick={() => onMove(position - 1)}
          >
            ↑ Up
          </button>
          <button
            type="button"
            className="move-down"
            aria-label={`Move ${tier.name} down`}
            disabled={position === count - 1}
            onClick={() => onMove(position + 1)}
          >
            ↓ Down
          </button>
          <button
            type="button"
            aria-label={`Remove ${tier.name}`}
            disabled={count === 1}
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
      </form>
    </li>
  );
}
