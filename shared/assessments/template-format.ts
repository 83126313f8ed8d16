import * as v from 'valibot';
import { isAnnexAControlId } from '../iso42001/index.ts';

/**
 * Assessment templates are data, so a workspace can edit its own later: this is their format
 * and its validation. An assessment keeps the outline it was created from (documents/assessment),
 * so editing a template never rewrites an assessment already started.
 */

export const ASSESSMENT_KINDS = ['risk', 'impact'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/**
 * How a section starts: each rule writes plain paragraphs from the registry record and the
 * workspace's data (prefill.ts). `none` leaves the section empty for people to write.
 */
export const PREFILL_RULES = [
  'none',
  'system',
  'purpose',
  'detections',
  'classification',
  'tier',
  'data-categories',
  'risk-criteria',
  'risk-sources',
  'linked-risks',
  'fria-basis',
] as const;
export type PrefillRule = (typeof PREFILL_RULES)[number];

/** When a section is part of an assessment; `always` unless a condition says otherwise. */
export const SECTION_CONDITIONS = ['always', 'fria-required'] as const;
export type SectionCondition = (typeof SECTION_CONDITIONS)[number];

export const SECTION_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SECTIONS = 60;
export const MAX_SECTION_TITLE = 200;
export const MAX_GUIDANCE = 2000;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const citation = v.pipe(v.string(), v.minLength(1), v.maxLength(40));

const SectionSchema = v.strictObject({
  id: v.pipe(v.string(), v.maxLength(64), v.regex(SECTION_ID_PATTERN, 'lower-case kebab-case')),
  title: text(MAX_SECTION_TITLE),
  /** The question the section answers, shown to whoever writes it. */
  guidance: text(MAX_GUIDANCE),
  prefill: v.pipe(v.array(v.picklist(PREFILL_RULES)), v.maxLength(PREFILL_RULES.length)),
  /** The clauses, controls and articles the section serves (`6.1.4`, `A.5.4`, `Art. 27(1)(c)`). */
  references: v.pipe(v.array(citation), v.maxLength(20)),
  /** Annex A controls a section's mitigations usually map to: validated against Annex A. */
  controls: v.pipe(
    v.array(
      v.pipe(
        v.string(),
        v.check((id: string) => isAnnexAControlId(id), 'not an Annex A control id'),
      ),
    ),
    v.maxLength(38),
  ),
  condition: v.picklist(SECTION_CONDITIONS),
});

/**
 * What a sign-off checks besides every section being done (sign-off-gate.ts): `risks-named`, at
 * least `min` risks in the register name the system; `sections-written`, no section is empty.
 */
const CheckSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('risks-named'),
    min: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  }),
  v.strictObject({ type: v.literal('sections-written') }),
]);
export type CompletenessCheck = v.InferOutput<typeof CheckSchema>;

export const TemplateSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.maxLength(64), v.regex(SECTION_ID_PATTERN, 'lower-case kebab-case')),
    version: v.pipe(v.number(), v.integer(), v.minValue(1)),
    kind: v.picklist(ASSESSMENT_KINDS),
    title: text(MAX_SECTION_TITLE),
    /** ISO/IEC 42001 clauses it serves (`6.1.2`, `8.2`). */
    clauses: v.pipe(v.array(citation), v.minLength(1), v.maxLength(10)),
    sections: v.pipe(v.array(SectionSchema), v.minLength(1), v.maxLength(MAX_SECTIONS)),
    /** Completeness checks a sign-off must pass; none when absent. */
    checks: v.optional(v.pipe(v.array(CheckSchema), v.maxLength(10))),
  }),
  v.check(
    (t) => new Set(t.sections.map((s) => s.id)).size === t.sections.length,
    'section ids must be unique',
  ),
);

export type AssessmentTemplate = v.InferOutput<typeof TemplateSchema>;
export type TemplateSection = AssessmentTemplate['sections'][number];

export class TemplateError extends Error {
  override name = 'TemplateError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid assessment template:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Validates a template (a workspace's own, or a built-in one); throws a TemplateError listing why. */
export function parseTemplate(raw: unknown): AssessmentTemplate {
  const result = v.safeParse(TemplateSchema, raw);
  if (result.success) return result.output;
  throw new TemplateError(
    result.issues.slice(0, 50).map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  );
}
