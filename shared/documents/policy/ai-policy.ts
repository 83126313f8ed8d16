import type * as Y from 'yjs';
import {
  isPolicyLink,
  MAX_POLICY_LINK,
  MAX_POLICY_SUMMARY,
  MAX_POLICY_TITLE,
} from '../aims/ai-policy.ts';
import { addProblem } from '../schema/problems.ts';
import { readNumber, readString, readTimestamp, topMap } from '../schema/read.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, setIfChanged } from '../schema/write.ts';
import { MAX_PERSON, POLICY_SCHEMA } from './schema.ts';

/**
 * The current AI policy as every extension sees it: one flat map of the policy document, written
 * by the lead's PWA when top management approves a version (registry `aimsPolicy`,
 * aims/ai-policy.ts). Members cannot read the registry, so this is the copy they can.
 *
 *   aiPolicy  { versionId, number, title, summary, link (https), approvedAt, publishedBy, publishedAt }
 *
 * A new optional top-level map: older readers ignore it, so no migration.
 */
export const AI_POLICY = 'aiPolicy';

export interface PublishedAiPolicy {
  versionId: string;
  number: number;
  title: string;
  summary: string;
  link: string;
  approvedAt: number;
}

export interface PublishedAiPolicyRead {
  policy?: PublishedAiPolicy & { publishedBy: string; publishedAt: number };
  problems: string[];
}

/** Publishes a version to the extensions. Throws, changing nothing, on bad input. */
export function publishAiPolicy(
  doc: Y.Doc,
  policy: PublishedAiPolicy,
  by: string,
  at: number,
): boolean {
  if (!isId(policy.versionId)) throw new RangeError('versionId is not a valid id');
  if (!Number.isSafeInteger(policy.number) || policy.number < 1)
    throw new RangeError('number must be a whole number ≥ 1');
  checkText('title', policy.title, { min: 1, max: MAX_POLICY_TITLE });
  checkText('summary', policy.summary, { min: 1, max: MAX_POLICY_SUMMARY });
  if (!isPolicyLink(policy.link)) throw new RangeError('link must be an https address');
  checkTimestamp('approvedAt', policy.approvedAt);
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
  let changed = false;
  doc.transact(() => {
    ensureWritable(doc, POLICY_SCHEMA);
    const map = doc.getMap<unknown>(AI_POLICY);
    for (const key of ['versionId', 'number', 'title', 'summary', 'link', 'approvedAt'] as const) {
      changed = setIfChanged(map, key, policy[key]) || changed;
    }
    if (changed) {
      setIfChanged(map, 'publishedBy', by);
      setIfChanged(map, 'publishedAt', at);
    }
  });
  return changed;
}

/** The published policy, read without trust: anything unusable means none is shown (and said). */
export function readPublishedAiPolicy(doc: Y.Doc): PublishedAiPolicyRead {
  const problems: string[] = [];
  const map = topMap(doc, AI_POLICY, problems);
  if (map === undefined || map.size === 0) return { problems };
  const path = AI_POLICY;
  const opts = { path, required: true };
  const versionId = readString(map, 'versionId', problems, { ...opts, max: 64 });
  const number = readNumber(map, 'number', problems, { ...opts, integer: true, min: 1 });
  const title = readString(map, 'title', problems, { ...opts, max: MAX_POLICY_TITLE });
  const summary = readString(map, 'summary', problems, { ...opts, max: MAX_POLICY_SUMMARY });
  const link = readString(map, 'link', problems, { ...opts, max: MAX_POLICY_LINK });
  const approvedAt = readTimestamp(map, 'approvedAt', problems, opts);
  if (
    versionId === undefined ||
    !isId(versionId) ||
    number === undefined ||
    title === undefined ||
    summary === undefined ||
    link === undefined ||
    !isPolicyLink(link) ||
    approvedAt === undefined
  ) {
    addProblem(problems, `${path}: unreadable published policy; none is shown`);
    return { problems };
  }
  return {
    policy: {
      versionId,
      number,
      title,
      summary,
      link,
      approvedAt,
      publishedBy: readString(map, 'publishedBy', problems, { path, max: MAX_PERSON }) ?? '',
      publishedAt: readTimestamp(map, 'publishedAt', problems, { path }) ?? 0,
    },
    problems,
  };
}
