import * as Y from 'yjs';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp } from '../schema/write.ts';
import { appendParagraphs, sectionFragment } from './fragments.ts';
import {
  ASSESSMENT_SCHEMA,
  MAX_PERSON,
  MAX_TITLE,
  META,
  OUTLINE,
  SECTIONS,
  type AssessmentMeta,
  type OutlineSection,
} from './schema.ts';

export const SECTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TEMPLATE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_OUTLINE = 60;
export const MAX_GUIDANCE = 2000;
export const MAX_REFERENCES = 20;
export const MAX_PREFILL_PARAGRAPHS = 500;
export const MAX_PARAGRAPH = 10_000;

export type NewAssessment = Omit<AssessmentMeta, 'schemaVersion' | 'createdAt' | 'createdBy'> & {
  /** sectionId → the paragraphs it starts with (prefill.ts in shared/assessments). */
  prefill?: ReadonlyMap<string, readonly string[]>;
};

export function isSectionId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && SECTION_ID.test(value);
}

function checkOutline(outline: readonly OutlineSection[]): void {
  if (!Array.isArray(outline) || outline.length === 0 || outline.length > MAX_OUTLINE) {
    throw new RangeError(`an assessment has 1–${MAX_OUTLINE} sections`);
  }
  const ids = new Set<string>();
  for (const section of outline) {
    if (!isSectionId(section.id)) throw new RangeError('section ids are lower-case kebab-case');
    if (ids.has(section.id)) throw new RangeError(`section ${section.id} appears twice`);
    ids.add(section.id);
    checkText(`section ${section.id} title`, section.title, { min: 1, max: MAX_TITLE });
    checkText(`section ${section.id} guidance`, section.guidance, { max: MAX_GUIDANCE });
    if (!Array.isArray(section.references) || section.references.length > MAX_REFERENCES) {
      throw new RangeError(`section ${section.id}: at most ${MAX_REFERENCES} references`);
    }
    for (const ref of section.references) checkText('reference', ref, { min: 1, max: 40 });
  }
}

function checkPrefill(prefill: ReadonlyMap<string, readonly string[]>, outline: OutlineSection[]) {
  for (const [id, paragraphs] of prefill) {
    if (!outline.some((section) => section.id === id)) {
      throw new RangeError(`prefill for unknown section ${id}`);
    }
    if (!Array.isArray(paragraphs) || paragraphs.length > MAX_PREFILL_PARAGRAPHS) {
      throw new RangeError(`prefill of ${id}: at most ${MAX_PREFILL_PARAGRAPHS} paragraphs`);
    }
    for (const text of paragraphs) checkText(`prefill of ${id}`, text, { max: MAX_PARAGRAPH });
  }
}

/**
 * Writes a new assessment into an empty document: its meta and outline, every section's state
 * (draft), and the pre-filled paragraphs, in one transaction. Throws, changing nothing, on bad
 * input or a document that already holds an assessment.
 */
export function createAssessment(doc: Y.Doc, input: NewAssessment, by: string, at: number): void {
  if (input.kind !== 'risk' && input.kind !== 'impact') throw new RangeError('kind: unknown value');
  if (!isId(input.recordId)) throw new RangeError('recordId is not a record id');
  checkText('templateId', input.templateId, { min: 1, max: 64, pattern: TEMPLATE_ID });
  if (!Number.isSafeInteger(input.templateVersion) || input.templateVersion < 1) {
    throw new RangeError('templateVersion must be a whole number ≥ 1');
  }
  checkText('title', input.title, { min: 1, max: MAX_TITLE });
  checkOutline(input.outline);
  checkPrefill(input.prefill ?? new Map(), input.outline);
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
  const meta = doc.getMap<unknown>(META);
  if (meta.has('kind') || meta.has(OUTLINE))
    throw new Error('this document already holds an assessment');
  const problems: string[] = [];
  const fragments = input.outline.map((section) => sectionFragment(doc, section.id, problems));
  if (problems.length > 0) throw new Error(problems.join('; '));
  doc.transact(() => {
    ensureWritable(doc, ASSESSMENT_SCHEMA);
    meta.set('kind', input.kind);
    meta.set('recordId', input.recordId);
    meta.set('templateId', input.templateId);
    meta.set('templateVersion', input.templateVersion);
    meta.set('title', input.title);
    meta.set('createdAt', at);
    meta.set('createdBy', by);
    meta.set(
      OUTLINE,
      input.outline.map(({ id, title, guidance, references }) => ({
        id,
        title,
        guidance,
        references: [...references],
      })),
    );
    const sections = doc.getMap<unknown>(SECTIONS);
    input.outline.forEach((section, i) => {
      const state = new Y.Map<unknown>();
      sections.set(section.id, state);
      state.set('status', 'draft');
      state.set('updatedBy', by);
      state.set('updatedAt', at);
      const paragraphs = input.prefill?.get(section.id);
      if (paragraphs)
        appendParagraphs(
          fragments[i]!,
          paragraphs.flatMap((p) => p.split('\n')),
        );
    });
  });
}
