import * as Y from 'yjs';
import {
  parseTemplate,
  TemplateError,
  type AssessmentTemplate,
} from '../../assessments/template-format.ts';
import { BUILT_IN_TEMPLATES } from '../../assessments/templates.ts';
import { addProblem } from '../schema/problems.ts';
import { readString, readTimestamp, topMap } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from './schema.ts';
import { checkAuthor } from './authored.ts';

/**
 * The workspace's own assessment templates (leads write, contributors read):
 *
 *   templates  templateId → { json, updatedBy, updatedAt }
 *
 * `json` is the whole template (shared/assessments/template-format.ts), validated on write and
 * again on read. A template is edited as a unit, so each save replaces its entry whole: two leads
 * saving at once leave one of their templates, never a mix of both. A new optional top-level
 * map: no migration.
 */
export const TEMPLATES = 'templates';
/** Generous for 60 sections of 2,000-character guidance, small enough to refuse a flood. */
export const MAX_TEMPLATE_JSON = 200_000;

export interface WorkspaceTemplate {
  template: AssessmentTemplate;
  updatedBy: string;
  updatedAt: number;
}

export interface WorkspaceTemplates {
  /** In id order. */
  templates: Map<string, WorkspaceTemplate>;
  problems: string[];
}

/** The template a save must follow: the stored one, else the built-in it overrides. */
function previousVersion(doc: Y.Doc, id: string): number {
  const stored = readWorkspaceTemplates(doc).templates.get(id);
  if (stored) return stored.template.version;
  return BUILT_IN_TEMPLATES.find((t) => t.id === id)?.version ?? 0;
}

/**
 * Saves a workspace template whole. Its version must be one more than the version it replaces
 * (1 for a new id), so each assessment's recorded version names one text. Throws, changing
 * nothing: a TemplateError listing every problem for a bad template, a RangeError otherwise.
 */
export function saveTemplate(
  doc: Y.Doc,
  raw: AssessmentTemplate,
  by: string,
  at: number,
): AssessmentTemplate {
  const template = parseTemplate(raw);
  checkAuthor(by, at);
  const expected = previousVersion(doc, template.id) + 1;
  if (template.version !== expected) {
    throw new TemplateError([`version: expected ${expected}, got ${template.version}`]);
  }
  const json = JSON.stringify(template);
  if (json.length > MAX_TEMPLATE_JSON) {
    throw new TemplateError([
      `the template is ${json.length} characters; at most ${MAX_TEMPLATE_JSON}`,
    ]);
  }
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const entry = new Y.Map<unknown>();
    doc.getMap<unknown>(TEMPLATES).set(template.id, entry);
    entry.set('json', json);
    entry.set('updatedBy', by);
    entry.set('updatedAt', at);
  });
  return template;
}

/** Removes a workspace template (a built-in it overrode shows again); false when there was none. */
export function removeTemplate(doc: Y.Doc, id: string): boolean {
  const templates = doc.getMap<unknown>(TEMPLATES);
  if (!isId(id) || !templates.has(id)) return false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    templates.delete(id);
  });
  return true;
}

function readEntry(map: Y.Map<unknown>, id: string, path: string, problems: string[]) {
  const opts = { path, required: true };
  const json = readString(map, 'json', problems, { ...opts, max: MAX_TEMPLATE_JSON });
  const updatedBy = readString(map, 'updatedBy', problems, { ...opts, max: MAX_PERSON });
  const updatedAt = readTimestamp(map, 'updatedAt', problems, opts);
  if (json === undefined || !updatedBy || updatedAt === undefined) {
    addProblem(problems, `${path}: unreadable template; skipped`);
    return undefined;
  }
  let template: AssessmentTemplate;
  try {
    template = parseTemplate(JSON.parse(json));
  } catch (error) {
    const why = error instanceof TemplateError ? error.problems.join('; ') : 'not JSON';
    addProblem(problems, `${path}: invalid template (${why.slice(0, 300)}); skipped`);
    return undefined;
  }
  if (template.id !== id) {
    addProblem(problems, `${path}: holds template ${JSON.stringify(template.id)}; skipped`);
    return undefined;
  }
  return { template, updatedBy, updatedAt };
}

/** The workspace's valid templates; unreadable ones are skipped and listed in `problems`. */
export function readWorkspaceTemplates(doc: Y.Doc): WorkspaceTemplates {
  const problems: string[] = [];
  const templates = new Map<string, WorkspaceTemplate>();
  const map = topMap(doc, TEMPLATES, problems);
  if (map === undefined) return { templates, problems };
  readRecords(map, TEMPLATES, problems, isId, (entry, id, path) => {
    const read = readEntry(entry, id, path, problems);
    if (read) templates.set(id, read);
    return undefined;
  });
  return { templates, problems };
}

/**
 * The templates an assessment can start from: the workspace's first (in id order), then the
 * built-ins it has not replaced with one of the same id.
 */
export function availableTemplates(doc: Y.Doc): AssessmentTemplate[] {
  const own = [...readWorkspaceTemplates(doc).templates.values()].map((t) => t.template);
  const ids = new Set(own.map((t) => t.id));
  return [...own, ...BUILT_IN_TEMPLATES.filter((t) => !ids.has(t.id))];
}
