import { describe, expect, it } from 'vitest';
import {
  AI_RISK_ASSESSMENT,
  AI_SYSTEM_IMPACT_ASSESSMENT,
  BUILT_IN_TEMPLATES,
  TemplateError,
  parseTemplate,
  templateSections,
} from './index.ts';

describe('built-in templates', () => {
  it('validate, and serve the clauses the issue names', () => {
    for (const template of BUILT_IN_TEMPLATES) expect(parseTemplate(template)).toEqual(template);
    expect(AI_RISK_ASSESSMENT.clauses).toEqual(['6.1.2', '8.2']);
    expect(AI_SYSTEM_IMPACT_ASSESSMENT.clauses).toEqual(['6.1.4', '8.4']);
  });

  it('give the impact assessment every topic of 6.1.4 the issue lists', () => {
    const ids = templateSections(AI_SYSTEM_IMPACT_ASSESSMENT, { friaRequired: false }).map(
      (s) => s.id,
    );
    expect(ids).toEqual([
      'system',
      'classification',
      'affected',
      'fundamental-rights',
      'fairness',
      'transparency',
      'robustness',
      'drift-monitoring',
      'misuse-harm',
      'data',
      'human-oversight',
      'mitigations',
      'residual-risk',
    ]);
  });

  it('add the Art. 27(1)(a)–(f) questions only when a FRIA is required', () => {
    const all = templateSections(AI_SYSTEM_IMPACT_ASSESSMENT, { friaRequired: true });
    const fria = all.filter((s) => s.condition === 'fria-required');
    expect(fria.flatMap((s) => s.references)).toEqual([
      'Art. 27(1)',
      'Art. 27(4)',
      'Art. 27(1)(a)',
      'Art. 27(1)(b)',
      'Art. 27(1)(c)',
      'Art. 27(1)(d)',
      'Art. 27(1)(e)',
      'Art. 27(1)(f)',
    ]);
    expect(all.length).toBe(13 + fria.length);
    expect(templateSections(AI_RISK_ASSESSMENT, { friaRequired: true })).toHaveLength(
      AI_RISK_ASSESSMENT.sections.length,
    );
  });

  it('give every section a title, a guidance prompt and a pre-fill rule list', () => {
    for (const section of BUILT_IN_TEMPLATES.flatMap((t) => t.sections)) {
      expect(section.title.length).toBeGreaterThan(3);
      expect(section.guidance.length).toBeGreaterThan(20);
      expect(Array.isArray(section.prefill)).toBe(true);
    }
  });
});

describe('parseTemplate', () => {
  const base = {
    id: 'mine',
    version: 1,
    kind: 'risk',
    title: 'Mine',
    clauses: ['6.1.2'],
    sections: [
      {
        id: 'a',
        title: 'A',
        guidance: 'Why?',
        prefill: ['purpose'],
        references: [],
        controls: ['A.6.2.4'],
        condition: 'always',
      },
    ],
  };

  it('accepts a workspace template', () => {
    expect(parseTemplate(base).sections[0]?.id).toBe('a');
  });

  it.each([
    ['duplicate section ids', { sections: [base.sections[0], base.sections[0]] }, /unique/],
    [
      'a control outside Annex A',
      { sections: [{ ...base.sections[0], controls: ['A.11.1'] }] },
      /Annex A/,
    ],
    [
      'an unknown pre-fill rule',
      { sections: [{ ...base.sections[0], prefill: ['eval'] }] },
      /prefill/,
    ],
    ['an unknown key', { extra: true }, /extra/],
    ['no sections', { sections: [] }, /sections/],
    ['a bad section id', { sections: [{ ...base.sections[0], id: 'Not OK' }] }, /kebab/],
  ])('refuses %s with a clear list', (_, patch, message) => {
    expect(() => parseTemplate({ ...base, ...patch })).toThrow(TemplateError);
    expect(() => parseTemplate({ ...base, ...patch })).toThrow(message);
  });
});
