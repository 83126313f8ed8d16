import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import {
  emptyEuAiActProfile,
  suggestTier,
  type EuAiActProfile,
} from '../../../shared/classification/index.ts';
import {
  setDraftAnswer,
  setDraftChoice,
  type RecordClassification,
} from '../../../shared/documents/registry/index.ts';
import { useTierScheme } from '../settings/use-tier-scheme.ts';
import { EU_AI_ACT_LABELS, tierName } from './classification-words.ts';
import { confirmSuggestion, overrideSuggestion } from './classification/classification-decision.ts';
import { DecisionSection, type PanelMessage } from './classification/DecisionSection.tsx';
import { DraftNote } from './classification/DraftNote.tsx';
import { SuggestionSummary } from './classification/SuggestionSummary.tsx';
import {
  UseProfileQuestions,
  type ChoiceField,
  type ProfileAnswer,
} from './classification/UseProfileQuestions.tsx';

const EMPTY_PROFILE: EuAiActProfile = emptyEuAiActProfile();

interface Props {
  recordId: string;
  classification: RecordClassification | undefined;
  registry: Y.Doc | undefined;
  canEdit: boolean;
  /** Who is recorded as deciding (the token id, or the role). */
  me: string;
  now?: () => number;
}

const failed = (error: unknown): PanelMessage => ({
  kind: 'error',
  text: error instanceof Error ? error.message : String(error),
});

/**
 * The EU AI Act use profile of a record, the category and tier it suggests with their basis, and
 * the lead's decision: confirm, or override with a reason that is kept (brief, decision 7).
 * Every tick is written at once as the record's draft (classification-draft.ts), so the boxes are
 * the document's: other leads see them live, a reload shows them as left, and Confirm records
 * exactly what they say.
 */
export function ClassificationPanel({
  recordId,
  classification,
  registry,
  canEdit,
  me,
  now = Date.now,
}: Props) {
  const profile: EuAiActProfile =
    classification?.draft?.profile ?? classification?.profile ?? EMPTY_PROFILE;
  // The workspace's own tiers (settings), the default Tier 1/2/3 until it has its own.
  const tiers = useTierScheme(registry);
  const suggestion = useMemo(() => suggestTier(profile, tiers.scheme), [profile, tiers.scheme]);
  const [message, setMessage] = useState<PanelMessage>();
  const editable = canEdit && registry !== undefined;

  /** Writes to the record's draft at once; an error is shown, not thrown. */
  function keep(write: (doc: Y.Doc) => void) {
    if (!editable) return;
    try {
      write(registry);
      setMessage(undefined);
    } catch (error) {
      setMessage(failed(error));
    }
  }
  const answer = (given: ProfileAnswer) =>
    keep((doc) => setDraftAnswer(doc, recordId, given, me, now()));
  const choose = (field: ChoiceField, value: string | undefined) =>
    keep((doc) => {
      const choice = field === 'role' ? (value ?? 'deployer') : value;
      setDraftChoice(doc, recordId, field, choice, me, now());
    });

  /** Records a decision in one transaction; true when it was kept. */
  function record(write: (doc: Y.Doc, at: number) => void, done: string): boolean {
    if (!editable) return false;
    try {
      registry.transact(() => write(registry, now()));
      setMessage({ kind: 'saved', text: done });
      return true;
    } catch (error) {
      setMessage(failed(error));
      return false;
    }
  }
  const decider = { recordId, profile, suggestion, me };

  return (
    <section className="classification-panel" aria-labelledby="classification-heading">
      <h2 id="classification-heading">Classification</h2>
      <DraftNote draft={classification?.draft} />
      <UseProfileQuestions
        profile={profile}
        editable={editable}
        onAnswer={answer}
        onChoose={choose}
      />
      <SuggestionSummary
        profile={profile}
        suggestion={suggestion}
        registry={registry}
        stored={classification?.suggested}
        now={now}
      />
      <DecisionSection
        classification={classification}
        suggestion={suggestion}
        tiers={tiers}
        editable={editable}
        message={message}
        onConfirm={() =>
          record(
            (doc, at) => confirmSuggestion(doc, at, decider),
            `Confirmed: ${EU_AI_ACT_LABELS[suggestion.euAiAct.category]}, ${suggestion.tier.name}.`,
          )
        }
        onOverride={(override) =>
          record(
            (doc, at) => overrideSuggestion(doc, at, decider, override),
            `Overridden: ${EU_AI_ACT_LABELS[override.category]}, ${tierName(override.tier, tiers)}.`,
          )
        }
        onError={(text) => setMessage({ kind: 'error', text })}
      />
    </section>
  );
}
