import type * as Y from 'yjs';
import {
  isoDay,
  type EuAiActProfile,
  type TierSuggestion,
} from '../../../../shared/classification/index.ts';
import type { RecordClassification } from '../../../../shared/documents/registry/index.ts';
import { EU_AI_ACT_LABELS } from '../classification-words.ts';
import { DutiesByTime } from './DutiesByTime.tsx';

interface Props {
  profile: EuAiActProfile;
  suggestion: TierSuggestion;
  registry: Y.Doc | undefined;
  stored: RecordClassification['suggested'];
  now: () => number;
}

/** What the answers point to: the EU AI Act category with its basis, the duties, the tier. */
export function SuggestionSummary({ profile, suggestion, registry, stored, now }: Props) {
  const euAiAct = suggestion.euAiAct;
  return (
    <div className="suggestion" aria-live="polite">
      <h3>Suggested EU AI Act category</h3>
      <p className="suggested-category">
        <strong>{EU_AI_ACT_LABELS[euAiAct.category]}</strong>
      </p>
      <ul className="basis">
        {euAiAct.explanations.map((explanation) => (
          <li key={explanation.citation}>
            <cite>{explanation.citation}</cite>: {explanation.text}
          </li>
        ))}
      </ul>
      {euAiAct.notes.length > 0 && (
        <ul className="notes muted">
          {euAiAct.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <DutiesByTime profile={profile} registry={registry} today={isoDay(now())} stored={stored} />
      <h3>Suggested tier</h3>
      <p className="suggested-tier">
        <strong>{suggestion.tier.name}</strong>{' '}
        <span className="muted">{suggestion.tier.description}</span>
      </p>
      <ul className="tier-reasons">
        {suggestion.reasons.map((why) => (
          <li key={why}>{why}</li>
        ))}
      </ul>
      <p className="muted">A suggestion: a lead confirms it or overrides it with a reason.</p>
    </div>
  );
}
