import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AI_RISK_ASSESSMENT, AI_SYSTEM_IMPACT_ASSESSMENT } from '../../assessments/templates.ts';
import { TemplateError, type AssessmentTemplate } from '../../assessments/template-format.ts';
import {
  TEMPLATES,
  availableTemplates,
  readWorkspaceTemplates,
  removeTemplate,
  saveTemplate,
} from './index.ts';

const AT = Date.UTC(2026, 2, 1);

const custom: AssessmentTemplate = {
  ...AI_RISK_ASSESSMENT,
  id: 'ai-risk-custom',
  version: 1,
  title: 'Our risk assessment',
};

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

function errorOf(run: () => unknown): TemplateError {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('saveTemplate', () => {
  it('stores a template and reads it back, listed before the built-ins', () => {
    const doc = new Y.Doc();
    saveTemplate(doc, custom, 'lead-1', AT);
    const { templates, problems } = readWorkspaceTemplates(doc);
    expect(problems).toEqual([]);
    expect(templates.get('ai-risk-custom')).toEqual({
      template: custom,
      updatedBy: 'lead-1',
      updatedAt: AT,
    });
    expect(availableTemplates(doc).map((t) => t.id)).toEqual([
      'ai-risk-custom',
      AI_RISK_ASSESSMENT.id,
      AI_SYSTEM_IMPACT_ASSESSMENT.id,
    ]);
  });

  it('lists every validation problem and changes nothing', () => {
    const doc = new Y.Doc();
    saveTemplate(doc, custom, 'lead-1', AT);
    const before = Y.encodeStateAsUpdate(doc);
    const bad = {
      ...custom,
      version: 2,
      title: '   ',
      sections: [
        { ...custom.sections[0]!, controls: ['A.99.1'] },
        { ...custom.sections[0]!, guidance: '' },
      ],
    };
    const error = errorOf(() => saveTemplate(doc, bad, 'lead-1', AT));
    expect(error.problems.join('\n')).toMatch(/title/);
    expect(error.problems.join('\n')).toMatch(/sections\.0\.controls\.0: not an Annex A control/);
    expect(error.problems.join('\n')).toMatch(/sections\.1\.guidance/);
    expect(error.problems.join('\n')).toMatch(/section ids must be unique/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(() => saveTemplate(doc, { ...custom, version: 2 }, '', AT)).toThrow(/by/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('requires the version to go up by exactly one on each save', () => {
    const doc = new Y.Doc();
    expect(errorOf(() => saveTemplate(doc, { ...custom, version: 2 }, 'l', AT)).problems).toEqual([
      'version: expected 1, got 2',
    ]);
    saveTemplate(doc, custom, 'l', AT);
    expect(() => saveTemplate(doc, custom, 'l', AT)).toThrow(/expected 2, got 1/);
    expect(() => saveTemplate(doc, { ...custom, version: 3 }, 'l', AT)).toThrow(/expected 2/);
    saveTemplate(doc, { ...custom, version: 2, title: 'Second' }, 'l', AT + 1);
    expect(readWorkspaceTemplates(doc).templates.get(custom.id)?.template.title).toBe('Second');
  });

  it('lets a workspace template replace a built-in, one version above it', () => {
    const doc = new Y.Doc();
    const same = { ...AI_RISK_ASSESSMENT, title: 'Replaced' };
    expect(() => saveTemplate(doc, same, 'l', AT)).toThrow(/version/);
    saveTemplate(doc, { ...same, version: AI_RISK_ASSESSMENT.version + 1 }, 'l', AT);
    const titles = availableTemplates(doc).map((t) => t.title);
    expect(titles).toEqual(['Replaced', AI_SYSTEM_IMPACT_ASSESSMENT.title]);
    expect(removeTemplate(doc, AI_RISK_ASSESSMENT.id)).toBe(true);
    expect(availableTemplates(doc).map((t) => t.id)).toEqual([
      AI_RISK_ASSESSMENT.id,
      AI_SYSTEM_IMPACT_ASSESSMENT.id,
    ]);
    expect(removeTemplate(doc, AI_RISK_ASSESSMENT.id)).toBe(false);
  });
});

describe('readWorkspaceTemplates on a hostile document', () => {
  it('skips and reports bad stored entries, keeping the good ones', () => {
    const doc = new Y.Doc();
    saveTemplate(doc, custom, 'lead-1', AT);
    const map = doc.getMap<unknown>(TEMPLATES);
    const entry = (json: unknown) => {
      const m = new Y.Map<unknown>();
      m.set('json', json);
      m.set('updatedBy', 'x');
      m.set('updatedAt', AT);
      return m;
    };
    map.set('not-json', entry('{oops'));
    map.set('bad-shape', entry(JSON.stringify({ ...custom, id: 'bad-shape', sections: [] })));
    map.set('html', entry(JSON.stringify({ ...custom, id: 'html', kind: '<script>' })));
    map.set('wrong-id', entry(JSON.stringify(custom)));
    map.set('number', entry(42));
    map.set('plain', 'just text');
    map.set('bad key!', entry(JSON.stringify(custom)));
    const { templates, problems } = readWorkspaceTemplates(doc);
    expect([...templates.keys()]).toEqual(['ai-risk-custom']);
    expect(problems.join('\n')).toMatch(/templates\.not-json: invalid template \(not JSON\)/);
    expect(problems.join('\n')).toMatch(/templates\.bad-shape: invalid template .*sections/);
    expect(problems.join('\n')).toMatch(/templates\.html: invalid template .*kind/);
    expect(problems.join('\n')).toMatch(/templates\.wrong-id: holds template "ai-risk-custom"/);
    expect(problems.join('\n')).toMatch(/templates\.number: unreadable template/);
    expect(problems.join('\n')).toMatch(/templates\.plain: expected a map/);
    expect(problems.join('\n')).toMatch(/not a valid key/);
  });

  it('reports a top-level name holding another type', () => {
    const doc = new Y.Doc();
    doc.getArray(TEMPLATES).push(['x']);
    const { templates, problems } = readWorkspaceTemplates(doc);
    expect(templates.size).toBe(0);
    expect(problems).toEqual(['templates: expected a map, found another type']);
    expect(availableTemplates(doc)).toHaveLength(2);
  });
});

describe('two replicas', () => {
  it('merge different templates, and concurrent saves of one leave one whole template', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    saveTemplate(a, custom, 'lead-a', AT);
    sync(a, b);
    saveTemplate(a, { ...custom, version: 2, title: 'From A' }, 'lead-a', AT + 1);
    saveTemplate(b, { ...custom, version: 2, title: 'From B', clauses: ['8.2'] }, 'lead-b', AT + 2);
    const other = { ...AI_SYSTEM_IMPACT_ASSESSMENT, id: 'impact-custom', version: 1 };
    saveTemplate(b, other, 'lead-b', AT + 3);
    sync(a, b);
    const readA = readWorkspaceTemplates(a);
    const readB = readWorkspaceTemplates(b);
    expect(readA).toEqual(readB);
    expect([...readA.templates.keys()]).toEqual(['ai-risk-custom', 'impact-custom']);
    const winner = readA.templates.get('ai-risk-custom')!;
    // Whole: A's title with A's clauses, or B's title with B's — never a mix.
    expect(
      (winner.template.title === 'From A' && winner.updatedBy === 'lead-a') ||
        (winner.template.title === 'From B' &&
          winner.updatedBy === 'lead-b' &&
          winner.template.clauses.join() === '8.2'),
    ).toBe(true);
  });
});
