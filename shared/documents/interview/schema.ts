import type * as Y from 'yjs';
import { defineSchema, migrate, type MigrationResult } from '../schema/version.ts';

/**
 * `<workspace>/interview/<id>`: one stakeholder interview of the gap analysis (ISO/IEC 42001
 * clause 4.4; docs/management-system.md): a questionnaire a lead sends to a contributor (legal,
 * data science, business) and the contributor's answers. A document of its own because
 * contributors may not write the registry (docs/sync.md P3); leads and contributors write this
 * one (INT1). This module owns its shape; readers never trust it.
 *
 *   meta       schemaVersion
 *   interview  title, respondent, area: legal|data-science|business|other, sentBy, sentAt
 *              (flat keys, written once by the lead who sends it)
 *   questions  questionId → { text, requirement (a clause or Annex A control, or ''), order }
 *              (plain objects, written whole by the lead)
 *   answers    questionId → { text, answeredBy, answeredAt } (plain objects, written whole by the
 *              one answering; a later answer to the same question replaces it)
 */
export { META } from '../schema/version.ts';
export const INTERVIEW = 'interview';
export const QUESTIONS = 'questions';
export const ANSWERS = 'answers';

export const INTERVIEW_SCHEMA = defineSchema({
  version: 1,
  migrations: [{ version: 1, up: () => {} }],
});

/** Brings an interview document up to this code's schema; 'newer' means: open it read-only. */
export function migrateInterview(doc: Y.Doc): MigrationResult {
  return migrate(doc, INTERVIEW_SCHEMA);
}

export const INTERVIEW_AREAS = ['legal', 'data-science', 'business', 'other'] as const;
export type InterviewArea = (typeof INTERVIEW_AREAS)[number];

export const MAX_TITLE = 200;
export const MAX_PERSON = 200;
export const MAX_QUESTION = 1000;
export const MAX_ANSWER = 4000;
export const MAX_QUESTIONS = 50;
/** A requirement reference: a clause (`4.2`, `6.1.4`) or an Annex A control (`A.7.4`). */
export const REQUIREMENT_REF = /^(?:A\.)?\d{1,2}(?:\.\d{1,2}){0,2}$/;
