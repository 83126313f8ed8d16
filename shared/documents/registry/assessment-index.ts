import * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { readEnum, readString, readTimestamp, topMap } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp } from '../schema/write.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from './schema.ts';

/**
 * Which assessments a workspace has, so a page can list them without opening every
 * `W/assessment/<id>` document. Leads write it when they start an assessment; contributors read.
 *
 *   assessments  assessmentId → { recordId, kind: risk|impact, title, createdAt, createdBy }
 *
 * Written once per assessment (the assessment document itself owns everything that changes).
 * A new optional top-level map: older readers ignore it, so no migration.
 */
export const ASSESSMENTS = 'assessments';
export const ASSESSMENT_KINDS = ['risk', 'impact'] as const;
const MAX_ASSESSMENT_TITLE = 200;

export interface AssessmentIndexEntry {
  id: string;
  recordId: string;
  kind: (typeof ASSESSMENT_KINDS)[number];
  title: string;
  createdAt: number;
  createdBy: string;
}

/** Lists an assessment. Throws, changing nothing, on bad input or an id already listed. */
export function indexAssessment(doc: Y.Doc, entry: AssessmentIndexEntry): void {
  if (!isId(entry.id)) throw new RangeError('assessment id must be 1–64 letters, digits, _ or -');
  if (!isId(entry.recordId)) throw new RangeError('recordId is not a record id');
  if (!ASSESSMENT_KINDS.includes(entry.kind)) throw new RangeError('kind: unknown value');
  checkText('title', entry.title, { min: 1, max: MAX_ASSESSMENT_TITLE });
  checkTimestamp('createdAt', entry.createdAt);
  checkText('createdBy', entry.createdBy, { min: 1, max: MAX_PERSON });
  const index = doc.getMap<unknown>(ASSESSMENTS);
  if (index.has(entry.id)) throw new Error(`assessment ${entry.id} is already listed`);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const map = new Y.Map<unknown>();
    index.set(entry.id, map);
    map.set('recordId', entry.recordId);
    map.set('kind', entry.kind);
    map.set('title', entry.title);
    map.set('createdAt', entry.createdAt);
    map.set('createdBy', entry.createdBy);
  });
}

/** The listed assessments, newest first (then by id), read without trust. */
export function readAssessmentIndex(doc: Y.Doc): {
  assessments: AssessmentIndexEntry[];
  problems: string[];
} {
  const problems: string[] = [];
  const map = topMap(doc, ASSESSMENTS, problems);
  if (map === undefined) return { assessments: [], problems };
  const assessments = readRecords(map, ASSESSMENTS, problems, isId, (entry, id, path) => {
    const opts = { path, required: true };
    const recordId = readString(entry, 'recordId', problems, { ...opts, max: 64 });
    const kind = readEnum(entry, 'kind', ASSESSMENT_KINDS, problems, opts);
    const title = readString(entry, 'title', problems, { ...opts, max: MAX_ASSESSMENT_TITLE });
    const createdAt = readTimestamp(entry, 'createdAt', problems, opts);
    const createdBy = readString(entry, 'createdBy', problems, { ...opts, max: MAX_PERSON });
    if (!isId(recordId) || !kind || !title || createdAt === undefined || !createdBy) {
      addProblem(problems, `${path}: unreadable assessment entry; skipped`);
      return undefined;
    }
    return { id, recordId, kind, title, createdAt, createdBy } satisfies AssessmentIndexEntry;
  });
  assessments.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  return { assessments, problems };
}
