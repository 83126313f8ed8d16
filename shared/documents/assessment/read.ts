import type * as Y from 'yjs';
import { ROLES, type Role } from '../../auth/access.ts';
import { addProblem, describe, joinPath } from '../schema/problems.ts';
import { readEnum, readNumber, readString, readTimestamp, topMap } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { readMeta } from '../schema/version.ts';
import { isSectionId, MAX_GUIDANCE, MAX_OUTLINE, TEMPLATE_ID } from './create.ts';
import { readFrozen } from './frozen.ts';
import { readReviews } from './reviews.ts';
import {
  MAX_PERSON,
  MAX_REVIEWERS,
  MAX_TITLE,
  MAX_VERSION_NAME,
  META,
  OUTLINE,
  REVIEWERS,
  SECTION_STATUSES,
  SECTIONS,
  SIGNOFFS,
  VERSIONS,
  type Assessment,
  type AssessmentMeta,
  type OutlineSection,
  type SectionState,
  type SignOff,
  type VersionInfo,
} from './schema.ts';

const text = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max;

/** The outline stored in meta: invalid sections are skipped (reported); undefined when absent. */
export function readOutline(doc: Y.Doc, problems: string[]): OutlineSection[] | undefined {
  const meta = topMap(doc, META, problems);
  return meta && outlineIn(meta, problems);
}

function outlineIn(meta: Y.Map<unknown>, problems: string[]): OutlineSection[] | undefined {
  const raw = meta.get(OUTLINE);
  if (raw === undefined) return undefined;
  const path = joinPath(META, OUTLINE);
  if (!Array.isArray(raw)) {
    addProblem(problems, `${path}: expected a list, got ${describe(raw)}`);
    return undefined;
  }
  const outline: OutlineSection[] = [];
  const seen = new Set<string>();
  for (const [i, item] of raw.slice(0, MAX_OUTLINE).entries()) {
    const s = item as Partial<Record<keyof OutlineSection, unknown>> | null;
    const references = Array.isArray(s?.references)
      ? s.references.filter((r): r is string => text(r, 40)).slice(0, 20)
      : [];
    if (
      typeof s !== 'object' ||
      s === null ||
      !isSectionId(s.id) ||
      seen.has(s.id) ||
      !text(s.title, MAX_TITLE) ||
      !text(s.guidance, MAX_GUIDANCE)
    ) {
      addProblem(problems, `${path}[${i}]: not a valid section; skipped`);
      continue;
    }
    seen.add(s.id);
    outline.push({ id: s.id, title: s.title, guidance: s.guidance, references });
  }
  if (raw.length > MAX_OUTLINE) addProblem(problems, `${path}: kept ${MAX_OUTLINE} sections`);
  return outline;
}

function readAssessmentMeta(
  read: ReturnType<typeof readMeta>,
  problems: string[],
): AssessmentMeta | undefined {
  if (read === undefined) return undefined;
  const { map } = read;
  // Not created yet (a new document, or one still syncing): nothing to report.
  if (!map.has('kind') && !map.has(OUTLINE)) return undefined;
  const opts = { path: META, required: true };
  const kind = readEnum(map, 'kind', ['risk', 'impact'] as const, problems, opts);
  const recordId = readString(map, 'recordId', problems, { ...opts, max: 64 });
  const templateId = readString(map, 'templateId', problems, {
    ...opts,
    max: 64,
    pattern: TEMPLATE_ID,
  });
  const templateVersion = readNumber(map, 'templateVersion', problems, {
    ...opts,
    integer: true,
    min: 1,
  });
  const title = readString(map, 'title', problems, { ...opts, max: MAX_TITLE });
  const outline = outlineIn(map, problems);
  if (kind === undefined || outline === undefined || !isId(recordId)) {
    addProblem(problems, `${META}: not a readable assessment`);
    return undefined;
  }
  const meta: AssessmentMeta = {
    kind,
    recordId,
    templateId: templateId ?? '',
    templateVersion: templateVersion ?? 1,
    title: title ?? 'Untitled assessment',
    createdAt: readTimestamp(map, 'createdAt', problems, opts) ?? 0,
    createdBy: readString(map, 'createdBy', problems, { ...opts, max: MAX_PERSON }) ?? '',
    outline,
  };
  if (read.schemaVersion !== undefined) meta.schemaVersion = read.schemaVersion;
  return meta;
}

function readSectionStates(doc: Y.Doc, outline: OutlineSection[], problems: string[]) {
  const states = new Map<string, SectionState>();
  const map = topMap(doc, SECTIONS, problems);
  const read = new Map(
    map === undefined
      ? []
      : readRecords(map, SECTIONS, problems, isSectionId, (entry, id, path) => {
          const status = readEnum(entry, 'status', SECTION_STATUSES, problems, {
            path,
            required: true,
          });
          const state: SectionState = {
            status: status ?? 'draft',
            updatedBy: readString(entry, 'updatedBy', problems, { path, max: MAX_PERSON }) ?? '',
            updatedAt: readTimestamp(entry, 'updatedAt', problems, { path }) ?? 0,
          };
          const assignee = readString(entry, 'assignee', problems, { path, max: MAX_PERSON });
          if (assignee !== undefined) state.assignee = assignee;
          return [id, state] as const;
        }),
  );
  for (const section of outline) {
    states.set(
      section.id,
      read.get(section.id) ?? { status: 'draft', updatedBy: '', updatedAt: 0 },
    );
  }
  return states;
}

function readRole(map: Y.Map<unknown>, path: string, problems: string[]): Role | undefined {
  return readEnum(map, 'role', ROLES, problems, { path, required: true });
}

function readSignOffs(doc: Y.Doc, problems: string[]): SignOff[] {
  const map = topMap(doc, SIGNOFFS, problems);
  if (map === undefined) return [];
  const list = readRecords(map, SIGNOFFS, problems, isId, (entry, id, path) => {
    const opts = { path, required: true };
    const by = readString(entry, 'by', problems, { ...opts, max: MAX_PERSON });
    const role = readRole(entry, path, problems);
    const at = readTimestamp(entry, 'at', problems, opts);
    const versionId = readString(entry, 'versionId', problems, { ...opts, max: 64 });
    const versionName = readString(entry, 'versionName', problems, {
      ...opts,
      max: MAX_VERSION_NAME,
    });
    if (!by || !role || at === undefined || !isId(versionId) || versionName === undefined) {
      addProblem(problems, `${path}: unreadable sign-off; skipped`);
      return undefined;
    }
    return { id, by, role, at, versionId, versionName } satisfies SignOff;
  });
  return list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

function readVersions(doc: Y.Doc, problems: string[]): VersionInfo[] {
  const map = topMap(doc, VERSIONS, problems);
  if (map === undefined) return [];
  const list = readRecords(map, VERSIONS, problems, isId, (entry, id, path) => {
    const opts = { path, required: true };
    const name = readString(entry, 'name', problems, { ...opts, max: MAX_VERSION_NAME });
    const number = readNumber(entry, 'number', problems, { ...opts, integer: true, min: 1 });
    const by = readString(entry, 'by', problems, { ...opts, max: MAX_PERSON });
    const role = readRole(entry, path, problems);
    const at = readTimestamp(entry, 'at', problems, opts);
    if (name === undefined || number === undefined || !by || !role || at === undefined) {
      addProblem(problems, `${path}: unreadable version; skipped`);
      return undefined;
    }
    const version: VersionInfo = { id, name, number, by, role, at };
    const frozen = readFrozen(entry.get('frozen'), joinPath(path, 'frozen'), problems);
    if (frozen) version.frozen = frozen;
    for (const key of ['snapshot', 'content'] as const) {
      const bytes = entry.get(key);
      if (bytes instanceof Uint8Array) version[key] = bytes;
      else addProblem(problems, `${joinPath(path, key)}: expected bytes, got ${describe(bytes)}`);
    }
    return version;
  });
  return list.sort((a, b) => a.number - b.number || a.at - b.at || (a.id < b.id ? -1 : 1));
}

function readReviewers(doc: Y.Doc, problems: string[]): string[] {
  const map = topMap(doc, REVIEWERS, problems);
  if (map === undefined) return [];
  const reviewers: string[] = [];
  let skipped = 0;
  for (const [person, flag] of map.entries()) {
    if (flag === true && person.length > 0 && person.length <= MAX_PERSON) reviewers.push(person);
    else skipped++;
  }
  if (skipped > 0) addProblem(problems, `${REVIEWERS}: skipped ${skipped} invalid entries`);
  reviewers.sort();
  if (reviewers.length > MAX_REVIEWERS) {
    addProblem(problems, `${REVIEWERS}: kept ${MAX_REVIEWERS} of ${reviewers.length}`);
    reviewers.length = MAX_REVIEWERS;
  }
  return reviewers;
}

/** Reads an assessment without trusting it: what has the wrong shape is skipped and listed. */
export function readAssessment(doc: Y.Doc): Assessment {
  const problems: string[] = [];
  const stored = readMeta(doc, problems);
  const schemaVersion = stored?.schemaVersion;
  const meta = readAssessmentMeta(stored, problems);
  const assessment: Assessment = {
    sections: readSectionStates(doc, meta?.outline ?? [], problems),
    reviewers: readReviewers(doc, problems),
    signoffs: readSignOffs(doc, problems),
    versions: readVersions(doc, problems),
    reviews: readReviews(doc, problems),
    problems,
  };
  if (schemaVersion !== undefined) assessment.schemaVersion = schemaVersion;
  if (meta) assessment.meta = meta;
  return assessment;
}
