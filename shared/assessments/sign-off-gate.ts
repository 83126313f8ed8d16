import type * as Y from 'yjs';
import { readAssessment, type AssessmentMeta, type Review } from '../documents/assessment/index.ts';
import {
  approvalsRequiredFor,
  availableTemplates,
  readGovernance,
  readRegistry,
  readRiskRegister,
  readTierScheme,
  type RegistryRecord,
} from '../documents/registry/index.ts';
import { friaRequirement } from './fria.ts';
import { prefillSections } from './prefill.ts';
import { risksOfSystem } from './soa-view.ts';
import { draftSha256, draftView, type AssessmentView } from './signed-view.ts';
import type { AssessmentTemplate, CompletenessCheck } from './template-format.ts';
import { BUILT_IN_TEMPLATES } from './templates.ts';

/**
 * What the workspace asks of a sign-off beyond signOffBlockers (every section done, a lead or an
 * admin): the approvals of named reviewers other than the signer, on the text as it stands, that
 * the assessed system's tier needs (S4, S5); no open request for changes (S6); and the template's
 * completeness checks (S7). It also gives the register's live view of each pre-filled section,
 * which the sign-off freezes with the version (S8).
 */

export interface ReviewerState {
  person: string;
  /** Their latest verdict, if any. */
  verdict?: Review;
  /** The verdict was given on the text as it stands now. */
  current: boolean;
}

export interface SignOffGate {
  blockers: string[];
  /** Approvals needed by the tier, and the ones that count. */
  needed: number;
  reviews: Array<{ by: string; at: number }>;
  reviewers: ReviewerState[];
  checks: readonly CompletenessCheck[];
  /** sectionId → the register's paragraphs, live. */
  registerView: Record<string, string[]>;
  draftSha256: string;
}

/** The template an assessment was made from: the workspace's, else the built-in, else by kind. */
export function templateOf(
  meta: Pick<AssessmentMeta, 'templateId' | 'kind'> | undefined,
  templates: readonly AssessmentTemplate[],
): AssessmentTemplate | undefined {
  if (!meta) return undefined;
  return (
    templates.find((t) => t.id === meta.templateId) ??
    BUILT_IN_TEMPLATES.find((t) => t.id === meta.templateId) ??
    BUILT_IN_TEMPLATES.find((t) => t.kind === meta.kind)
  );
}

/** The register's current paragraphs for each of the assessment's pre-filled sections. */
export function liveRegisterView(
  meta: AssessmentMeta | undefined,
  registry: Y.Doc,
  record: RegistryRecord | undefined,
): Map<string, string[]> {
  if (!meta || !record) return new Map();
  const template = templateOf(meta, availableTemplates(registry));
  if (!template) return new Map();
  const ids = new Set(meta.outline.map((s) => s.id));
  const { publicBodyOrPublicService } = readGovernance(registry);
  const fria = friaRequirement(
    record.classification,
    publicBodyOrPublicService === undefined ? {} : { publicBodyOrPublicService },
  );
  return prefillSections(
    template.sections.filter((s) => ids.has(s.id)),
    {
      record,
      tierScheme: readTierScheme(registry).scheme,
      risks: readRiskRegister(registry).risks.values(),
      fria,
    },
  );
}

function checkProblems(
  checks: readonly CompletenessCheck[],
  draft: AssessmentView,
  risksNamingSystem: number,
): string[] {
  const problems: string[] = [];
  for (const check of checks) {
    if (check.type === 'risks-named' && risksNamingSystem < check.min) {
      problems.push(
        `the risk register must name this system in at least ${check.min} risk${check.min === 1 ? '' : 's'} (it names it in ${risksNamingSystem})`,
      );
    }
    if (check.type === 'sections-written') {
      const empty = draft.sections.filter(
        (s) => s.register.length === 0 && !s.blocks.some((b) => b.text.trim() !== ''),
      );
      if (empty.length > 0) {
        problems.push(
          `every section must say something: ${empty.map((s) => s.title).join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty`,
        );
      }
    }
  }
  return problems;
}

/** The sign-off conditions of an assessment, for `signer`, read from the registry. */
export function signOffGate(doc: Y.Doc, registry: Y.Doc, signer: string): SignOffGate {
  const assessment = readAssessment(doc);
  const meta = assessment.meta;
  const { records } = readRegistry(registry);
  const record = meta ? records.get(meta.recordId) : undefined;
  const scheme = readTierScheme(registry).scheme;
  const governance = readGovernance(registry);
  const needed = approvalsRequiredFor(
    governance,
    record?.classification?.tier?.decided,
    scheme.tiers[0]?.id,
  );
  const digest = draftSha256(doc, assessment);
  const latest = new Map<string, Review>();
  for (const review of assessment.reviews) latest.set(review.by, review);
  const reviewers: ReviewerState[] = assessment.reviewers.map((person) => {
    const verdict = latest.get(person);
    const state: ReviewerState = { person, current: verdict?.draftSha256 === digest };
    if (verdict) state.verdict = verdict;
    return state;
  });
  const approving = reviewers.filter(
    (r) => r.current && r.verdict?.decision === 'approve' && r.person !== signer,
  );
  const blockers: string[] = [];
  if (approving.length < needed) {
    const tier = scheme.tiers.find((t) => t.id === record?.classification?.tier?.decided);
    blockers.push(
      `${tier ? tier.name : 'an unclassified system'} needs ${needed} approval${needed === 1 ? '' : 's'} of this text from named reviewers other than you; it has ${approving.length}${approving.length > 0 ? ` (${approving.map((r) => r.person).join(', ')})` : ''}`,
    );
  }
  for (const r of reviewers) {
    if (r.current && r.verdict?.decision === 'request-changes') {
      blockers.push(`${r.person} requested changes: ${r.verdict.comment ?? ''}`);
    }
  }
  const register = liveRegisterView(meta, registry, record);
  const draft = draftView(doc, assessment, { register });
  const template = templateOf(meta, availableTemplates(registry));
  const checks = template?.checks ?? [];
  const named = meta
    ? risksOfSystem(readRiskRegister(registry).risks.values(), meta.recordId).length
    : 0;
  blockers.push(...checkProblems(checks, draft, named));
  return {
    blockers,
    needed,
    reviews: approving.map((r) => ({ by: r.person, at: r.verdict!.at })),
    reviewers,
    checks,
    registerView: Object.fromEntries(register),
    draftSha256: digest,
  };
}
