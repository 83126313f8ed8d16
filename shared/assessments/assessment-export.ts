import type * as Y from 'yjs';
import {
  currentSections,
  readAssessment,
  versionSections,
  type Block,
  type SignOff,
} from '../documents/assessment/index.ts';
import type { Approval } from '../documents/registry/index.ts';
import { checkApprovals } from './approval-check.ts';
import { escapeMarkdown, markdownCell } from './escape.ts';
import { day } from './prefill.ts';

/**
 * An assessment ready to export: one version as signed off, or the current draft. Built from the
 * document, then written as Markdown here or as a printable HTML page (assessment-html.ts).
 * Deterministic: the date is the version's sign-off, or the time the caller passes for a draft.
 */
export interface AssessmentExport {
  title: string;
  kind: 'risk' | 'impact';
  recordId: string;
  /** The system's name from the registry, when the caller has it. */
  systemName?: string;
  templateId: string;
  templateVersion: number;
  /** `Version 2`, or `Draft after Version 2` / `Draft` for the live document. */
  versionLabel: string;
  /** True for a signed-off version, confirmed by the registry when approvals were given. */
  approved: boolean;
  /** Set when the registry's approvals were checked and do not confirm this version. */
  approvalProblem?: 'unconfirmed' | 'altered';
  date: number;
  /** Sign-offs up to and including this version, oldest first. */
  approvals: SignOff[];
  reviewers: string[];
  sections: Array<{ id: string; title: string; references: string[]; blocks: Block[] }>;
}

const KIND_CLAUSES = { risk: 'ISO/IEC 42001 6.1.2, 8.2', impact: 'ISO/IEC 42001 6.1.4, 8.4' };
export const KIND_TITLES = { risk: 'AI risk assessment', impact: 'AI system impact assessment' };

/** `(approved)`, `(not approved)`, or why a recorded sign-off does not hold. */
export function approvalWords(e: AssessmentExport): string {
  if (e.approvalProblem === 'altered') return '(not approved: changed after sign-off)';
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
    /** The registry's approvals of this assessment: a version they do not confirm is not approved. */
    approvals?: readonly Approval[];
  } = {},
): AssessmentExport {
  const assessment = readAssessment(doc);
  const meta = assessment.meta;
  if (!meta) throw new Error('this document holds no readable assessment');
  const outline = meta.outline;
  const refs = new Map(outline.map((s) => [s.id, s.references]));
  let sections;
  let versionLabel: string;
  let date: number;
  let approvals: SignOff[];
  let approvalProblem: AssessmentExport['approvalProblem'];
  if ('versionId' in which) {
    const version = assessment.versions.find((v) => v.id === which.versionId);
    if (!version) throw new Error(`no version ${which.versionId}`);
    sections = versionSections(version, outline);
    versionLabel = version.name;
    date = version.at;
    const upTo = new Set(
      assessment.versions.filter((v) => v.number <= version.number).map((v) => v.id),
    );
    approvals = assessment.signoffs.filter((s) => upTo.has(s.versionId));
    if (options.approvals) {
      const state = checkApprovals(assessment, options.approvals).get(version.id);
      if (state !== 'approved') approvalProblem = state ?? 'unconfirmed';
    }
  } else {
    sections = currentSections(doc, outline);
    const last = assessment.versions.at(-1);
    versionLabel = last ? `Draft after ${last.name}` : 'Draft';
    date = which.draftAt;
    approvals = assessment.signoffs;
  }
  const result: AssessmentExport = {
    title: meta.title,
    kind: meta.kind,
    recordId: meta.recordId,
    templateId: meta.templateId,
    templateVersion: meta.templateVersion,
    versionLabel,
    approved: 'versionId' in which && approvalProblem === undefined,
    date,
    approvals,
    reviewers: assessment.reviewers,
    sections: sections.map((s) => ({ ...s, references: refs.get(s.id) ?? [] })),
  };
  if (options.systemName !== undefined) result.systemName = options.systemName;
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
export function assessmentMarkdown(e: AssessmentExport): string {
  const system = e.systemName ? `${e.systemName} (${e.recordId})` : e.recordId;
  const lines = [
    `# ${escapeMarkdown(e.title)}`,
    '',
    '| | |',
    '|---|---|',
    `| System | ${markdownCell(system)} |`,
    `| Assessment | ${KIND_TITLES[e.kind]} (${KIND_CLAUSES[e.kind]}) |`,
    `| Template | ${markdownCell(`${e.templateId}, version ${e.templateVersion}`)} |`,
    `| Version | ${markdownCell(e.versionLabel)} ${approvalWords(e)} |`,
    `| Date | ${day(e.date)} |`,
    `| Reviewers | ${e.reviewers.length > 0 ? e.reviewers.map(markdownCell).join(', ') : 'none'} |`,
    '',
    '## Approvals',
    '',
  ];
  if (e.approvals.length === 0) lines.push('Not signed off yet.');
  else {
    lines.push('| Version | Signed off by | Role | Date |', '|---|---|---|---|');
    for (const a of e.approvals) {
      lines.push(
        `| ${markdownCell(a.versionName)} | ${markdownCell(a.by)} | ${a.role} | ${day(a.at)} |`,
      );
    }
  }
  e.sections.forEach((section, i) => {
    lines.push('', `## ${i + 1}. ${escapeMarkdown(section.title)}`, '');
    if (section.references.length > 0) {
      lines.push(`References: ${section.references.map(markdownCell).join(', ')}`, '');
    }
    const body = markdownBlocks(section.blocks);
    lines.push(...(body.length > 0 ? body : ['*Not written.*']));
  });
  return lines.join('\n') + '\n';
}
