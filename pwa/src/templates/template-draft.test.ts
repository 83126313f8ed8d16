import { describe, expect, it } from 'vitest';
import { AI_RISK_ASSESSMENT } from '../../../shared/assessments/index.ts';
import {
  customised,
  fromDraft,
  moveSection,
  problemsByField,
  toDraft,
  unusedId,
} from './template-draft.ts';

describe('template drafts', () => {
  it('round-trips a template, references typed as text', () => {
    const draft = toDraft(AI_RISK_ASSESSMENT);
    expect(fromDraft(draft, AI_RISK_ASSESSMENT.version)).toEqual(AI_RISK_ASSESSMENT);
    draft.sections[0]!.references = ' 6.1.2,, A.5.2 ,\n8.2';
    expect(fromDraft(draft, 2).sections[0]!.references).toEqual(['6.1.2', 'A.5.2', '8.2']);
  });

  it('copies a built-in under a free id as version 1', () => {
    const taken = new Set([`${AI_RISK_ASSESSMENT.id}-custom`]);
    expect(customised(AI_RISK_ASSESSMENT, taken)).toMatchObject({
      id: `${AI_RISK_ASSESSMENT.id}-custom-2`,
      version: 1,
    });
    expect(unusedId('section', new Set(['section', 'section-2']))).toBe('section-3');
  });

  it('moves a section up or down, and not past an end', () => {
    expect(moveSection(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveSection(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveSection(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveSection(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('sorts validation problems to their fields, the rest to the top', () => {
    const byField = problemsByField([
      'title: Invalid length',
      'sections.2.guidance: Invalid length',
      'sections.2.references.1: Invalid length',
      'section ids must be unique',
      'version: expected 3, got 2',
    ]);
    expect(Object.fromEntries(byField)).toEqual({
      title: ['Invalid length'],
      'sections.2.guidance': ['Invalid length'],
      'sections.2.references': ['Invalid length'],
      '': ['section ids must be unique', 'version: expected 3, got 2'],
    });
  });
});
