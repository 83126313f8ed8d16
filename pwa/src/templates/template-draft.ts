import type {
  AssessmentTemplate,
  SectionCondition,
  TemplateSection,
} from '../../../shared/assessments/index.ts';

/**
 * A template as the editor holds it: references as the text a person types ("6.1.4, A.5.4"),
 * turned back into a list only on save, so a half-typed comma is never lost.
 */
export interface DraftSection extends Omit<TemplateSection, 'references'> {
  references: string;
}
export interface TemplateDraft extends Omit<AssessmentTemplate, 'sections'> {
  sections: DraftSection[];
}

export function toDraft(template: AssessmentTemplate): TemplateDraft {
  return {
    ...template,
    sections: template.sections.map((s) => ({ ...s, references: s.references.join(', ') })),
  };
}

export function fromDraft(draft: TemplateDraft, version: number): AssessmentTemplate {
  return {
    ...draft,
    version,
    sections: draft.sections.map((s) => ({
      ...s,
      references: s.references
        .split(/[,\n]/)
        .map((r) => r.trim())
        .filter(Boolean),
    })),
  };
}

/** The first of `<base>`, `<base>-2`, … that no template uses. */
export function unusedId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** "Customise": a copy of a built-in under a new id, as version 1 of the workspace's own. */
export function customised(
  template: AssessmentTemplate,
  taken: ReadonlySet<string>,
): AssessmentTemplate {
  return { ...template, id: unusedId(`${template.id}-custom`.slice(0, 60), taken), version: 1 };
}

export function newSection(draft: TemplateDraft): DraftSection {
  const condition: SectionCondition = 'always';
  return {
    id: unusedId('section', new Set(draft.sections.map((s) => s.id))),
    title: 'New section',
    guidance: '',
    prefill: [],
    references: '',
    controls: [],
    condition,
  };
}

/** The sections with the one at `index` moved by `by` (−1 up, +1 down); unchanged at an end. */
export function moveSection<T>(sections: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  const next = [...sections];
  if (to < 0 || to >= next.length) return next;
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/**
 * Validation problems (`sections.2.guidance: …`) sorted to the field they belong to: a key per
 * field (`title`, `sections.2.guidance`, `sections.2.references`), `''` for the rest.
 */
export function problemsByField(problems: readonly string[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const match = /^([\w.]+): (.*)$/s.exec(problem);
    const path = match?.[1] ?? '';
    const parts = path.split('.');
    let key = '';
    if (parts[0] === 'title' || parts[0] === 'clauses') key = parts[0];
    else if (parts[0] === 'sections' && parts[1] !== undefined && parts[2] !== undefined) {
      key = `sections.${parts[1]}.${parts[2]}`;
    }
    const message = key ? (match?.[2] ?? problem) : problem;
    byField.set(key, [...(byField.get(key) ?? []), message]);
  }
  return byField;
}
