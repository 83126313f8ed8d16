import type * as Y from 'yjs';
import { readAssessment, type Block } from '../documents/assessment/index.ts';
import type { Approval } from '../documents/registry/index.ts';
import { checkApprovals } from './approval-check.ts';
import { escapeMarkdown, markdownCell } from './escape.ts';
import { day } from './prefill.ts';
import { provenanceRows, type ExportProvenance } from './provenance.ts';
import { draftView, versionView, type AssessmentView } from './signed-view.ts';

/**
 * An assessment ready to export: one version as signed off, or the current draft. Built from the
 * signed view (signed-view.ts: what the approval seals), then written as Markdown here or as a
 * printable HTML page (assessment-html.ts). Deterministic: the date is the version's sign-off,
 * or the time the caller passes for a draft.
 */
export interface AssessmentExport {
  title: string;
  kind: 'risk' | 'impact';
  recordId: string;
  /** The system's name from the registry, when the caller has it. */
  systemName?: string;
  templateId: string;
  /** The template's title, when the caller has it. */
  templateTitle?: string;
  templateVersion: number;
  /** `Version 2`, or `Draft after Version 2` / `Draft` for the live document. */
  versionLabel: string;
  /** True for a signed-off version, confirmed by the registry when approvals were given. */
  approved: boolean;
  /** Set when the registry's approvals were checked and do not confirm this version. */
  approvalProblem?: 'unconfirmed' | 'altered';
  date: number;
  /** Who exported it, when, from where: printed at the top when given. */
  provenance?: ExportProvenance;
  /** Sign-offs up to and including this version, oldest first. */
  approvals: AssessmentView['signers'];
  reviewers: string[];
  /** The reviewers' approvals the sign-off counted (for a draft: those on its current text). */
  reviews: AssessmentView['reviews'];
  sections: Array<{
    id: string;
    title: string;
    references: string[];
    blocks: Block[];
    /** The register's paragraphs shown with the section (frozen at sign-off). */
    register: string[];
  }>;
}

const KIND_CLAUSES = { risk: 'ISO/IEC 42001 6.1.2, 8.2', impact: 'ISO/IEC 42001 6.1.4, 8.4' };
export const KIND_TITLES = { risk: 'AI risk assessment', impact: 'AI system impact assessment' };

/** `(approved)`, `(not approved)`, or why a recorded sign-off does not hold. */
export function approvalWords(e: AssessmentExport): string {
  if (e.approvalProblem === 'altered') return '(changed after approval: not approved)';
  if (e.approvalProblem === 'unconfirmed')
    return '(not approved: sign-off not confirmed by a lead)';
  return e.approved ? '(approved)' : '(not approved)';
}

/**
 * The export of one version (`versionId`) or of the draft (`draftAt`: the export's date). Throws
 * when the document holds no readable assessment or no such version.
 */
export function assessmentExport(
  doc: Y.Doc,
  which: { versionId: string } | { draftAt: number },
  options: {
    systemName?: string;
    templateTitle?: string;
    provenance?: ExportProvenance;
    /** The registry's approvals of this assessment: a version they do not confirm is not approved. */
    approvals?: readonly Approval[];
    /** For a draft: the register's live view of each pre-filled section, and current approvals. */
    register?: ReadonlyMap<string, readonly string[]>;
    reviews?: AssessmentView['reviews'];
  } = {},
): AssessmentExport {
  const assessment = readAssessment(doc);
  if (!assessment.meta) throw new Error('this document holds no readable assessment');
  let view: AssessmentView;
  let versionLabel: string;
  let date: number;
  let approvalProblem: AssessmentExport['approvalProblem'];
  if ('versionId' in which) {
    const version = assessment.versions.find((v) => v.id === which.versionId);
    if (!version) throw new Error(`no version ${which.versionId}`);
    view = versionView(assessment, version);
    versionLabel = version.name;
    date = version.at;
    if (options.approvals) {
      const state = checkApprovals(assessment, options.approvals).get(version.id);
      if (state !== 'approved') approvalProblem = state ?? 'unconfirmed';
    }
  } else {
    view = draftView(doc, assessment, {
      ...(options.register ? { register: options.register } : {}),
      ...(options.reviews ? { reviews: options.reviews } : {}),
    });
    const last = assessment.versions.at(-1);
    versionLabel = last ? `Draft after ${last.name}` : 'Draft';
    date = which.draftAt;
  }
  const result: AssessmentExport = {
    title: view.title,
    kind: view.kind,
    recordId: view.recordId,
    templateId: view.templateId,
    templateVersion: view.templateVersion,
    versionLabel,
    approved: 'versionId' in which && approvalProblem === undefined,
    date,
    approvals: view.signers,
    reviewers: view.reviewers,
    reviews: view.reviews,
    sections: view.sections,
  };
  if (options.systemName !== undefined) result.systemName = options.systemName;
  if (options.templateTitle !== undefined) result.templateTitle = options.templateTitle;
  if (options.provenance !== undefined) result.provenance = options.provenance;
  if (approvalProblem) result.approvalProblem = approvalProblem;
  return result;
}

function markdownBlocks(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  let previous: Block['type'] | undefined;
  for (const block of blocks) {
    const listy = block.type === 'bullet' || block.type === 'ordered';
    // A blank line between blocks, except between items of one list.
    if (out.length > 0 && !(listy && previous === block.type)) out.push('');
    const indent = '   '.repeat(Math.max(0, (block.depth ?? 1) - 1));
    const text = escapeMarkdown(block.text);
    if (block.type === 'heading')
      out.push(`${'#'.repeat(Math.min(6, (block.level ?? 1) + 2))} ${text}`);
    else if (block.type === 'bullet') out.push(`${indent}- ${text}`);
    else if (block.type === 'ordered') out.push(`${indent}1. ${text}`);
    else if (block.type === 'quote') out.push(`> ${text}`);
    else if (block.type === 'code') {
      // Code is shown as an indented, escaped paragraph: a fence could be closed by its content.
      out.push(
        text
          .split('  \n')
          .map((line) => `    ${line}`)
          .join('\n'),
      );
    } else out.push(text);
    previous = block.type;
  }
  return out;
}

/** The assessment as Markdown (CommonMark with GitHub tables); every piece of text escaped. */
/** The header rows every format prints, as label and plain-text value. */
export function assessmentHeader(e: AssessmentExport): Array<[string, string]> {
  return [
    ...(e.provenance ? provenanceRows(e.provenance) : []),
    ['System', systemWords(e)],
    ['Assessment', `${KIND_TITLES[e.kind]} (${KIND_CLAUSES[e.kind]})`],
    ['Template', `${e.templateTitle ?? KIND_TITLES[e.kind]}, version ${e.templateVersion}`],
    ['Version', `${e.versionLabel} ${approvalWords(e)}`],
    ['Date', day(e.date)],
    ['Reviewers', e.reviewers.length > 0 ? e.reviewers.join(', ') : 'none'],
    [
      'Reviewer approvals',
      e.reviews.length > 0 ? e.reviews.map((r) => `${r.by} (${day(r.at)})`).join(', ') : 'none',
    ],
  ];
}

const ROLE_WORDS: Record<string, string> = {
  admin: 'administrator',
  lead: 'governance lead',
  contributor: 'contributor',
  member: 'member',
};
/** A role in words. */
export const roleWords = (role: string) => ROLE_WORDS[role] ?? role;

const systemWords = (e: AssessmentExport) =>
  e.systemName ?? `a system no longer in the register (record ${e.recordId})`;

/** The assessment as Markdown (CommonMark with GitHub tables); every piece of text escaped. */
export function assessmentMarkdown(e: AssessmentExport): string {
  const lines = [
    `# ${escapeMarkdown(e.title)}`,
    '',
    '| | |',
    '|---|---|',
    ...assessmentHeader(e).map(([label, value]) => `| ${label} | ${markdownCell(value)} |`),
    '',
    '## Approvals',
    '',
  ];
  if (e.approvals.length === 0) lines.push('Not signed off yet.');
  else {
    lines.push('| Version | Signed off by | Role | Date |', '|---|---|---|---|');
    for (const a of e.approvals) {
      lines.push(
        `| ${markdownCell(a.versionName)} | ${markdownCell(a.by)} | ${roleWords(a.role)} | ${day(a.at)} |`,
      );
    }
  }
  e.sections.forEach((section, i) => {
    lines.push('', `## ${i + 1}. ${escapeMarkdown(section.title)}`, '');
    if (section.references.length > 0) {
      lines.push(`References: ${section.references.map(markdownCell).join(', ')}`, '');
    }
    if (section.register.length > 0) {
      lines.push(
        '*From the register:*',
        '',
        ...section.register.flatMap((p) => [escapeMarkdown(p), '']),
      );
    }
    const body = markdownBlocks(section.blocks);
    if (body.length > 0) lines.push(...body);
    else if (section.register.length > 0) lines.pop();
    else lines.push('*Not written.*');
  });
  return lines.join('\n') + '\n';
}
