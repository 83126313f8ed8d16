import { useEffect, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  DEFAULT_TIER_SCHEME,
  MAX_TIER_DESCRIPTION,
  MAX_TIER_NAME,
  MAX_TIERS,
  tierIndexForLevel,
  type TierDefinition,
  type TierScheme,
} from '../../../shared/classification/index.ts';
import {
  moveTier,
  removeTier,
  resetTierScheme,
  setTier,
  type TierChange,
} from '../../../shared/documents/registry/index.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { TierRow } from './TierRow.tsx';
import { useTierScheme } from './use-tier-scheme.ts';

interface Props {
  registry: Y.Doc | undefined;
  canEdit: boolean;
  /** Who is recorded as changing it (the token id, or the role). */
  me: string;
  now?: () => number;
  /** A fresh tier id; random by default. */
  newTierId?: () => string;
}

type Pending = { kind: 'remove'; tier: TierDefinition } | { kind: 'reset' };

const randomTierId = () => `tier-${crypto.randomUUID().slice(0, 8)}`;

/** For each tier, the default tiers whose suggestions land on it (docs/classification.md). */
function suggestedFor(scheme: TierScheme): string[][] {
  const names = scheme.tiers.map((): string[] => []);
  (['high', 'medium', 'low'] as const).forEach((level, i) => {
    names[tierIndexForLevel(level, scheme.tiers.length)]!.push(DEFAULT_TIER_SCHEME.tiers[i]!.name);
  });
  return names;
}

const sameAsDefault = (scheme: TierScheme) =>
  scheme.tiers.length === DEFAULT_TIER_SCHEME.tiers.length &&
  scheme.tiers.every((tier, i) => {
    const d = DEFAULT_TIER_SCHEME.tiers[i]!;
    return tier.id === d.id && tier.name === d.name && tier.description === d.description;
  });

/**
 * The workspace's tier scheme (in the registry): names, descriptions, number and order of its
 * tiers, most severe first. Leads and admins edit it; contributors read it.
 */
export function TierSchemeSection({
  registry,
  canEdit,
  me,
  now = Date.now,
  newTierId = randomTierId,
}: Props) {
  const workspace = useTierScheme(registry);
  const tiers = workspace.scheme.tiers;
  const editable = canEdit && registry !== undefined;
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string }>();
  const [pending, setPending] = useState<Pending>();
  const [adding, setAdding] = useState({ name: '', description: '' });
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; up: boolean }>();
  const list = useRef<HTMLOListElement>(null);

  // Keeps the keyboard on the tier that moved (its button may have become disabled).
  useEffect(() => {
    if (!focusAfterMove) return;
    const row = list.current?.querySelector(`[data-tier-id="${CSS.escape(focusAfterMove.id)}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(
      focusAfterMove.up ? '.move-up' : '.move-down',
    );
    const other = row?.querySelector<HTMLButtonElement>(
      focusAfterMove.up ? '.move-down' : '.move-up',
    );
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocusAfterMove(undefined);
  }, [focusAfterMove]);

  function write(change: (doc: Y.Doc, by: TierChange) => void, done: string): boolean {
    if (!editable) return false;
    try {
      change(registry, { by: me, at: now() });
      setMessage({ kind: 'saved', text: done });
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  function add(event: FormEvent) {
    event.preventDefault();
    const tier = {
      id: newTierId(),
      name: adding.name.trim(),
      description: adding.description.trim(),
    };
    if (write((doc, by) => setTier(doc, tier, by), `Added ${tier.name}, the least severe tier.`))
      setAdding({ name: '', description: '' });
  }

  function confirmPending() {
    const what = pending;
    setPending(undefined);
    if (what?.kind === 'remove') {
      write((doc, by) => removeTier(doc, what.tier.id, by), `Removed ${what.tier.name}.`);
    } else if (what?.kind === 'reset') {
      write((doc, by) => resetTierScheme(doc, by), 'The tier scheme is the default again.');
    }
  }

  const mapped = suggestedFor(workspace.scheme);

  return (
    <section aria-labelledby="tiers-heading" className="tier-scheme">
      <h2 id="tiers-heading">Tier scheme</h2>
      <p className="muted">
        The risk tiers records are classified into, most severe first
        {workspace.isDefault ? ' — the default Tier 1/2/3 until the workspace changes it' : ''}. A
        suggestion lands on the first tier for what the default calls Tier 1, on the last for Tier
        3, and on the middle one for Tier 2; a lead confirms or overrides it.
      </p>
      {workspace.problems.length > 0 && (
        <details className="notice">
          <summary>
            Part of the stored scheme could not be read ({workspace.problems.length} problem
            {workspace.problems.length === 1 ? '' : 's'}); what was readable is shown.
          </summary>
          <ul>
            {workspace.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </details>
      )}
      {editable ? (
        <ol className="tier-list" ref={list}>
          {tiers.map((tier, position) => (
            <TierRow
              key={tier.id}
              tier={tier}
              position={position}
              count={tiers.length}
              suggestedFor={mapped[position]!}
              onSave={(next) => write((doc, by) => setTier(doc, next, by), `Saved ${next.name}.`)}
              onMove={(to) => {
                if (
                  write(
                    (doc, by) => moveTier(doc, tier.id, to, by),
                    `Moved ${tier.name} to position ${to + 1}.`,
                  )
                )
                  setFocusAfterMove({ id: tier.id, up: to < position });
              }}
              onRemove={() => setPending({ kind: 'remove', tier })}
            />
          ))}
        </ol>
      ) : (
        <ol className="tier-list read-only">
          {tiers.map((tier) => (
            <li key={tier.id}>
              <strong>{tier.name}</strong>
              {tier.description && <span className="muted"> — {tier.description}</span>}
            </li>
          ))}
        </ol>
      )}
      {!editable && <p className="muted">Only admins and leads change the tier scheme.</p>}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
      {editable && (
        <>
          <form
            className="settings-form add-tier"
            aria-labelledby="add-tier-heading"
            onSubmit={add}
          >
            <h3 id="add-tier-heading">Add a tier</h3>
            <fieldset disabled={tiers.length >= MAX_TIERS}>
              <label>
                Name
                <input
                  type="text"
                  value={adding.name}
                  maxLength={MAX_TIER_NAME}
                  required
                  onChange={(event) => setAdding({ ...adding, name: event.target.value })}
                />
              </label>
              <label>
                Description
                <textarea
                  value={adding.description}
                  maxLength={MAX_TIER_DESCRIPTION}
                  rows={2}
                  onChange={(event) => setAdding({ ...adding, description: event.target.value })}
                />
              </label>
              <p className="muted hint">
                {tiers.length >= MAX_TIERS
                  ? `A scheme has at most ${MAX_TIERS} tiers: remove one first.`
                  : 'It comes last (the least severe); move it up where it belongs.'}
              </p>
              <button type="submit">Add tier</button>
            </fieldset>
          </form>
          <p>
            <button
              type="button"
              disabled={sameAsDefault(workspace.scheme)}
              onClick={() => setPending({ kind: 'reset' })}
            >
              Reset to the default
            </button>
          </p>
        </>
      )}
      {workspace.removed.length > 0 && (
        <details>
          <summary>Removed tiers ({workspace.removed.length})</summary>
          <p className="muted">Kept so that decisions made under them still show their names.</p>
          <ul>
            {workspace.removed.map((tier) => (
              <li key={tier.id}>{tier.name}</li>
            ))}
          </ul>
        </details>
      )}
      <ConfirmDialog
        open={pending !== undefined}
        title={
          pending?.kind === 'remove' ? `Remove ${pending.tier.name}?` : 'Reset the tier scheme?'
        }
        action={pending?.kind === 'remove' ? 'Remove' : 'Reset'}
        onConfirm={confirmPending}
        onCancel={() => setPending(undefined)}
      >
        {pending?.kind === 'remove' ? (
          <p>
            {`Records already classified under it keep their decision, shown as “${pending.tier.name} (removed from the scheme)”, until a lead classifies them again. New decisions cannot choose it.`}
          </p>
        ) : (
          <p>
            The scheme goes back to Tier 1/2/3 with their default names and descriptions. Other
            tiers are removed; records classified under them keep their decision, marked as removed.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
