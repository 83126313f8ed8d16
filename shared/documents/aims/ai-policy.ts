import { encodeUtf8 } from 'lib0/string';
import * as Y from 'yjs';
import { contentSha256 } from '../../assessments/approval-check.ts';
import { addProblem } from '../schema/problems.ts';
import { readNumber, readString, readTimestamp, topMap } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, childMap, setIfChanged } from '../schema/write.ts';
import { checkAuthor } from '../registry/authored.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from '../registry/schema.ts';
import { readAimsRegister } from './entries.ts';
import { AIMS_ROLES } from './registers.ts';

/**
 * The AI policy (ISO/IEC 42001 5.2, A.2.2) as a controlled document, in the registry:
 *
 *   aimsPolicy  versionId → { title, summary, link, createdBy, createdAt, updatedBy, updatedAt,
 *                             number?, approvedBy?, approvedAt?, contentSha256? }
 *
 * M4 A draft is edited freely; an approved version never changes (the writer refuses), and a
 *    reader shows one whose content no longer matches the digest taken at approval as altered,
 *    never as the current policy.
 * M5 Only someone the workspace names in a top-management role (aimsRoles, `topManagement`)
 *    approves a version; its number is one more than the highest approved before it.
 * The current policy is the approved, unaltered version approved last; the PWA publishes its
 * summary and link in the policy document (policy/ai-policy.ts), which every extension reads.
 */
export const AIMS_POLICY = 'aimsPolicy';
export const MAX_POLICY_TITLE = 200;
export const MAX_POLICY_SUMMARY = 1000;
export const MAX_POLICY_LINK = 2000;

export interface PolicyDraft {
  title: string;
  /** What employees are shown in the extension: a few sentences. */
  summary: string;
  /** Where the whole policy is: an https address. */
  link: string;
}

export type PolicyVersionState = 'draft' | 'approved' | 'altered';

export interface PolicyVersion extends PolicyDraft {
  id: string;
  state: PolicyVersionState;
  number?: number;
  approvedBy?: string;
  approvedAt?: number;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
}

export interface AiPolicyRegister {
  /** Approved versions by number, then drafts by id. */
  versions: PolicyVersion[];
  /** The approved, unaltered version approved last; undefined when there is none. */
  current?: PolicyVersion;
  problems: string[];
}

// https://host[:port][/path…]: no credentials (no @ before the path), no spaces or controls.
const HTTPS_LINK =
  /^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?(?:[/?#][^\s\p{Cc}]*)?$/u;

/** An https address (no credentials in it), as the extension will open it. */
export function isPolicyLink(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_POLICY_LINK && HTTPS_LINK.test(value);
}

function checkDraft(draft: PolicyDraft): void {
  checkText('Title', draft?.title, { min: 1, max: MAX_POLICY_TITLE });
  checkText('Summary', draft.summary, { min: 1, max: MAX_POLICY_SUMMARY });
  if (draft.title.trim() === '') throw new RangeError('Title is required');
  if (draft.summary.trim() === '') throw new RangeError('Summary is required');
  if (!isPolicyLink(draft.link)) throw new RangeError('Link must be an https address');
}

/**
 * The SHA-256 of what an approval covers, as a JSON array of its parts (their order fixed by the
 * caller): the one digest of the management system's approvals (the policy, management reviews).
 */
export function approvedContentSha256(parts: readonly unknown[]): string {
  return contentSha256(encodeUtf8(JSON.stringify(parts)));
}

/** The SHA-256 of what an approval covers: the number, title, summary and link. */
export function policyContentSha256(number: number, draft: PolicyDraft): string {
  return approvedContentSha256([number, draft.title, draft.summary, draft.link]);
}

const versionsMap = (doc: Y.Doc) => {
  const problems: string[] = [];
  const map = topMap(doc, AIMS_POLICY, problems);
  if (problems.length > 0)
    throw new Error(`${AIMS_POLICY} holds another type: it cannot be edited`);
  return map;
};

/**
 * Creates or edits a draft version. Throws, changing nothing, on bad input or when the version is
 * approved (M4). Returns whether anything changed.
 */
export function savePolicyDraft(
  doc: Y.Doc,
  id: string,
  draft: PolicyDraft,
  by: string,
  at: number,
): boolean {
  if (!isId(id)) throw new RangeError('a version id must be 1–64 letters, digits, _ or -');
  checkDraft(draft);
  checkAuthor(by, at);
  const existing = versionsMap(doc)?.get(id);
  if (existing instanceof Y.Map && existing.has('approvedAt')) {
    throw new Error('an approved version cannot be changed: start a new draft');
  }
  let changed = false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const map = childMap(doc.getMap<unknown>(AIMS_POLICY), id);
    const isNew = !map.has('createdAt');
    if (isNew) {
      map.set('createdBy', by);
      map.set('createdAt', at);
    }
    changed =
      [
        setIfChanged(map, 'title', draft.title),
        setIfChanged(map, 'summary', draft.summary),
        setIfChanged(map, 'link', draft.link),
      ].some(Boolean) || isNew;
    if (changed) {
      setIfChanged(map, 'updatedBy', by);
      setIfChanged(map, 'updatedAt', at);
    }
  });
  return changed;
}

/** Whether `person` holds a role the workspace marks as top management (aimsRoles). */
export function isTopManagement(doc: Y.Doc, person: string): boolean {
  return readAimsRegister(doc, AIMS_ROLES).entries.some(
    ({ values }) =>
      values.topManagement === true &&
      Array.isArray(values.people) &&
      values.people.includes(person),
  );
}

/**
 * Approves a draft as the next version (M5), recording who, when and the digest of what was
 * approved. Throws, changing nothing, when `by` is not top management, the version is missing,
 * unreadable or already approved. Returns the approved version.
 */
export function approvePolicyVersion(
  doc: Y.Doc,
  id: string,
  by: string,
  at: number,
): PolicyVersion {
  checkAuthor(by, at);
  if (!isTopManagement(doc, by)) {
    throw new Error(
      `${by} is not in a top-management role: only top management approves the AI policy`,
    );
  }
  const register = readAiPolicy(doc);
  const version = register.versions.find((v) => v.id === id);
  if (version === undefined) throw new Error('no such draft');
  if (version.state !== 'draft') throw new Error('this version is already approved');
  const number = Math.max(0, ...register.versions.map((v) => v.number ?? 0)) + 1;
  const sha = policyContentSha256(number, version);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const map = childMap(doc.getMap<unknown>(AIMS_POLICY), id);
    map.set('number', number);
    map.set('approvedBy', by);
    map.set('approvedAt', at);
    map.set('contentSha256', sha);
  });
  return { ...version, state: 'approved', number, approvedBy: by, approvedAt: at };
}

function readVersion(map: Y.Map<unknown>, id: string, path: string, problems: string[]) {
  const opts = { path, required: true };
  const title = readString(map, 'title', problems, { ...opts, max: MAX_POLICY_TITLE });
  const summary = readString(map, 'summary', problems, { ...opts, max: MAX_POLICY_SUMMARY });
  const link = readString(map, 'link', problems, { ...opts, max: MAX_POLICY_LINK });
  if (title === undefined || summary === undefined || link === undefined || !isPolicyLink(link)) {
    addProblem(problems, `${path}: unreadable policy version; skipped`);
    return undefined;
  }
  const person = (key: string) => readString(map, key, problems, { path, max: MAX_PERSON }) ?? '';
  const time = (key: string) => readTimestamp(map, key, problems, { path }) ?? 0;
  const version: PolicyVersion = {
    id,
    title,
    summary,
    link,
    state: 'draft',
    createdBy: person('createdBy'),
    createdAt: time('createdAt'),
    updatedBy: person('updatedBy'),
    updatedAt: time('updatedAt'),
  };
  if (map.has('approvedAt') || map.has('contentSha256') || map.has('number')) {
    const number = readNumber(map, 'number', problems, { path, integer: true, min: 1 });
    const approvedAt = readTimestamp(map, 'approvedAt', problems, { path });
    const approvedBy = readString(map, 'approvedBy', problems, { path, max: MAX_PERSON });
    const sha = readString(map, 'contentSha256', problems, { path, max: 64 });
    if (number !== undefined) version.number = number;
    if (approvedAt !== undefined) version.approvedAt = approvedAt;
    if (approvedBy !== undefined) version.approvedBy = approvedBy;
    const holds =
      number !== undefined &&
      approvedAt !== undefined &&
      approvedBy !== undefined &&
      sha === policyContentSha256(number, version);
    version.state = holds ? 'approved' : 'altered';
    if (!holds)
      addProblem(problems, `${path}: approval does not match the content; shown as altered`);
  }
  return version;
}

/** The AI policy's versions, read without trust, and the current one. */
export function readAiPolicy(doc: Y.Doc): AiPolicyRegister {
  const problems: string[] = [];
  const map = topMap(doc, AIMS_POLICY, problems);
  if (map === undefined) return { versions: [], problems };
  const versions = readRecords(map, AIMS_POLICY, problems, isId, (entry, id, path) =>
    readVersion(entry, id, path, problems),
  );
  versions.sort(
    (a, b) =>
      (a.number === undefined ? 1 : 0) - (b.number === undefined ? 1 : 0) ||
      (a.number ?? 0) - (b.number ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let current: PolicyVersion | undefined;
  for (const version of versions) {
    if (version.state !== 'approved') continue;
    if (
      current === undefined ||
      (version.approvedAt ?? 0) > (current.approvedAt ?? 0) ||
      ((version.approvedAt ?? 0) === (current.approvedAt ?? 0) && version.id > current.id)
    )
      current = version;
  }
  return current ? { versions, current, problems } : { versions, problems };
}
