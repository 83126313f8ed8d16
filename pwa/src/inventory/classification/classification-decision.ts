import type * as Y from 'yjs';
import type {
  EuAiActCategory,
  EuAiActProfile,
  TierSuggestion,
} from '../../../../shared/classification/index.ts';
import {
  decideEuAiActCategory,
  decideTier,
  setUseProfile,
} from '../../../../shared/documents/registry/index.ts';

export interface Decider {
  recordId: string;
  profile: EuAiActProfile;
  suggestion: TierSuggestion;
  me: string;
}

/** A lead confirms the suggestion as it stands: the answers, the category and the tier. */
export function confirmSuggestion(doc: Y.Doc, at: number, d: Decider): void {
  setUseProfile(doc, d.recordId, d.profile, d.me, at);
  decideEuAiActCategory(doc, d.recordId, {
    category: d.suggestion.euAiAct.category,
    confirmed: true,
    by: d.me,
    at,
  });
  decideTier(doc, d.recordId, {
    suggested: d.suggestion.tier.id,
    decided: d.suggestion.tier.id,
    suggestedReasons: d.suggestion.reasons,
    by: d.me,
    at,
  });
}

export interface Override {
  category: EuAiActCategory;
  tier: string;
  /** Trimmed, not blank: it is kept with the decision. */
  reason: string;
}

/**
 * A lead overrides the suggestion with a reason. Only what differs from the suggestion is an
 * override: a tier chosen alone leaves the category confirmed, and the other way round.
 */
export function overrideSuggestion(doc: Y.Doc, at: number, d: Decider, o: Override): void {
  const categoryKept = o.category === d.suggestion.euAiAct.category;
  const tierKept = o.tier === d.suggestion.tier.id;
  setUseProfile(doc, d.recordId, d.profile, d.me, at);
  decideEuAiActCategory(doc, d.recordId, {
    category: o.category,
    confirmed: categoryKept,
    ...(categoryKept ? {} : { overrideReason: o.reason }),
    by: d.me,
    at,
  });
  decideTier(doc, d.recordId, {
    suggested: d.suggestion.tier.id,
    decided: o.tier,
    ...(tierKept ? {} : { reason: o.reason }),
    suggestedReasons: d.suggestion.reasons,
    by: d.me,
    at,
  });
}
