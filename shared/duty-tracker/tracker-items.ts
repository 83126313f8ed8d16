// Which EU AI Act duties the deployer-obligations tracker lists for a system, with what evidence
// each asks for. The duties come from the classifier (one source of truth with the classification
// panel); their state comes from the registry's dutyTracker map.
import {
  classifyValidProfile,
  dutiesForWorkspace,
  dutyTiming,
  type DeployerContext,
  type Duty,
  type DutyTiming,
  type EuAiActCategory,
} from '../classification/index.ts';
import type { RegistryRecord, TrackedDuty } from '../documents/registry/index.ts';

/** What evidence shows each duty is met (the tracker's prompt); others get a generic one. */
export const EVIDENCE_PROMPTS: Readonly<Record<string, string>> = {
  'art-4-deployer': 'AI-literacy measures for the staff who use it',
  'art-26-1': 'Instructions for use received (version, date, where kept)',
  'art-26-2': 'The people named for human oversight, and their competence and authority',
  'art-26-4': 'How the input data is checked for relevance and representativeness',
  'art-26-5':
    'Monitoring plan; who tells the provider and the authority about risks and serious incidents',
  'art-26-6': 'Where its logs are kept, for at least six months',
  'art-26-7': 'Workers and their representatives informed (how; date)',
  'art-26-8': 'EU database registration of the use, if a public authority (Art. 49(3))',
  'art-26-9': 'The data-protection impact assessment (DPIA): link',
  'art-26-11': 'The notice that tells people a high-risk AI system is used in decisions about them',
  'art-26-12': 'Who answers the authorities about this system',
  'art-27': 'FRIA done (link) and notified to the market-surveillance authority (date)',
  'art-86': 'The procedure for explaining individual decisions on request (link)',
  'art-50-3': 'The disclosure text shown to the people exposed',
  'art-50-4-deep-fake': 'The disclosure text on deep-fake content',
  'art-50-4-text': 'The disclosure text on published text (or the editorial review)',
};
const GENERIC_PROMPT = 'What shows this duty is met';

export interface TrackerItem {
  duty: Duty;
  timing: DutyTiming;
  evidencePrompt: string;
  /** Its recorded state; absent: not started. */
  tracked?: TrackedDuty;
}

export interface SystemTracker {
  /** Whether the system is in the tracker's scope: high-risk or with Art. 50 duties. */
  inScope: boolean;
  category?: EuAiActCategory;
  items: TrackerItem[];
  /** Recorded duties the current classification no longer gives (kept, never dropped silently). */
  stale: TrackedDuty[];
  /** A caveat for the person reading it (e.g. a lead's decision that differs from the answers). */
  note?: string;
}

const IN_SCOPE = new Set<EuAiActCategory>(['high-risk', 'transparency']);

/**
 * The tracker of one system on `today` (YYYY-MM-DD): the duties that bind the workspace (its
 * effective role), with when each applies and its recorded state.
 */
export function systemTracker(
  record: RegistryRecord,
  tracked: ReadonlyMap<string, TrackedDuty> | undefined,
  deployer: DeployerContext,
  today: string,
): SystemTracker {
  const c = record.classification;
  const category = c?.decision?.category ?? c?.suggested?.category;
  const stored = [...(tracked?.values() ?? [])];
  if (!c?.profile || category === undefined || !IN_SCOPE.has(category))
    return { inScope: false, ...(category ? { category } : {}), items: [], stale: stored };
  const result = classifyValidProfile(c.profile, deployer);
  const own = dutiesForWorkspace(result).own;
  const items = own.map((duty): TrackerItem => {
    const item: TrackerItem = {
      duty,
      timing: dutyTiming(duty.appliesFrom, today),
      evidencePrompt: EVIDENCE_PROMPTS[duty.id] ?? GENERIC_PROMPT,
    };
    const state = tracked?.get(duty.id);
    if (state) item.tracked = state;
    return item;
  });
  const given = new Set<string>(own.map((d) => d.id));
  const tracker: SystemTracker = {
    inScope: true,
    category,
    items,
    stale: stored.filter((t) => !given.has(t.dutyId)),
  };
  if (result.category !== category)
    tracker.note = `The lead decided ${category}, but the answers give ${result.category}: the duties listed follow the answers — revise them to match the decision.`;
  return tracker;
}

/** Whether a tracked duty still needs work. */
export function isOpen(item: TrackerItem): boolean {
  const status = item.tracked?.status ?? 'to-do';
  return status === 'to-do' || status === 'in-progress';
}
