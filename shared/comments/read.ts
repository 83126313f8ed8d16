import * as Y from 'yjs';
import { addProblem } from '../documents/schema/problems.ts';
import { topMap } from '../documents/schema/read.ts';
import { isId } from '../documents/schema/values.ts';
import { personKey } from '../documents/registry/people.ts';
import {
  COMMENTS,
  LOG_ACTIONS,
  MAX_BODY,
  MAX_COMMENTS,
  MAX_MENTIONS,
  MAX_PERSON,
  MAX_PROPOSAL,
  MAX_QUOTE,
  parseSubject,
  subjectKey,
  type Comment,
  type LogAction,
  type LogEntry,
  type Thread,
} from './schema.ts';

export interface CommentsRead {
  /** Oldest first. */
  threads: Thread[];
  problems: string[];
}

const isText = (value: unknown, max: number, min = 0): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function readStamp(value: unknown): { by: string; at: number } | undefined {
  if (typeof value !== 'object' || value === null || value instanceof Y.AbstractType)
    return undefined;
  const { by, at } = value as Record<string, unknown>;
  return isText(by, MAX_PERSON, 1) && isTime(at) ? { by, at } : undefined;
}

function readAnchor(value: unknown): Comment['anchor'] {
  if (typeof value !== 'object' || value === null || value instanceof Y.AbstractType)
    return undefined;
  const { from, to } = value as Record<string, unknown>;
  const isPosition = (p: unknown): p is Record<string, unknown> =>
    typeof p === 'object' && p !== null && !Array.isArray(p);
  return isPosition(from) && isPosition(to) ? { from, to } : undefined;
}

/** One comment, or undefined (reported) when its shape is not one this module writes. */
function readComment(id: string, value: unknown, problems: string[]): Comment | undefined {
  const bad = (why: string) => {
    addProblem(problems, `${COMMENTS}.${JSON.stringify(id)}: ${why}; skipped`);
    return undefined;
  };
  if (!isId(id) || !(value instanceof Y.Map)) return bad('not a comment');
  const map = value as Y.Map<unknown>;
  const thread = map.get('thread');
  const subject = parseSubject(map.get('subject'));
  const by = map.get('by');
  const at = map.get('at');
  const body = map.get('body');
  if (!isId(thread) || !subject || !isText(by, MAX_PERSON, 1) || !isTime(at))
    return bad('no thread, subject, author or time');
  if (!isText(body, MAX_BODY)) return bad('unreadable text');
  const rawMentions = map.get('mentions');
  const mentions = Array.isArray(rawMentions)
    ? rawMentions
        .filter((key): key is string => isText(key, MAX_PERSON, 1) && personKey(key) === key)
        .slice(0, MAX_MENTIONS)
    : [];
  const comment: Comment = { id, thread, subject, by, at, body, mentions };
  const quote = map.get('quote');
  if (isText(quote, MAX_QUOTE, 1)) comment.quote = quote;
  const anchor = readAnchor(map.get('anchor'));
  if (anchor) comment.anchor = anchor;
  const proposal = map.get('proposal');
  if (isText(proposal, MAX_PROPOSAL) && comment.quote !== undefined) comment.proposal = proposal;
  const editedAt = map.get('editedAt');
  if (isTime(editedAt)) comment.editedAt = editedAt;
  const deleted = readStamp(map.get('deleted'));
  if (deleted) {
    comment.deleted = deleted;
    comment.body = '';
    comment.mentions = [];
    delete comment.proposal;
  }
  return comment;
}

function readLog(value: unknown): LogEntry[] {
  if (!(value instanceof Y.Array)) return [];
  const log: LogEntry[] = [];
  for (const item of value.toArray()) {
    const stamp = readStamp(item);
    const action = (item as { action?: unknown } | null)?.action;
    if (stamp && LOG_ACTIONS.includes(action as LogAction))
      log.push({ action: action as LogAction, ...stamp });
  }
  return log;
}

const byTime = (a: { at: number; id: string }, b: { at: number; id: string }) =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every thread in a document, read without trust (CMT1): malformed entries are reported and
 * skipped, a reply whose thread is unknown or about another subject is left out, never shown under
 * the wrong subject.
 */
export function readComments(doc: Y.Doc): CommentsRead {
  const problems: string[] = [];
  const map = topMap(doc, COMMENTS, problems);
  const roots = new Map<string, Thread>();
  const replies: Comment[] = [];
  let count = 0;
  for (const [id, value] of map?.entries() ?? []) {
    if (++count > MAX_COMMENTS) {
      addProblem(problems, `${COMMENTS}: more than ${MAX_COMMENTS} comments; the rest not read`);
      break;
    }
    const comment = readComment(id, value, problems);
    if (!comment) continue;
    if (comment.thread !== comment.id) {
      replies.push(comment);
      continue;
    }
    const thread: Thread = {
      id,
      subject: comment.subject,
      comments: [comment],
      log: readLog((value as Y.Map<unknown>).get('log')),
    };
    const resolved = readStamp((value as Y.Map<unknown>).get('resolved'));
    if (resolved) thread.resolved = resolved;
    const accepted = thread.log.find((entry) => entry.action === 'accepted');
    if (accepted) thread.accepted = { by: accepted.by, at: accepted.at };
    roots.set(id, thread);
  }
  for (const comment of replies) {
    const thread = roots.get(comment.thread);
    if (!thread || subjectKey(thread.subject) !== subjectKey(comment.subject)) {
      addProblem(
        problems,
        `${COMMENTS}.${JSON.stringify(comment.id)}: a reply to no thread; skipped`,
      );
      continue;
    }
    thread.comments.push(comment);
  }
  const threads = [...roots.values()];
  for (const thread of threads) {
    const [first, ...rest] = thread.comments;
    thread.comments = [first!, ...rest.sort(byTime)];
  }
  return { threads: threads.sort((a, b) => byTime(a.comments[0]!, b.comments[0]!)), problems };
}

/** The threads about one subject. */
export function threadsAbout(read: CommentsRead, subject: { type: string; id: string }): Thread[] {
  return read.threads.filter(
    (thread) => thread.subject.type === subject.type && thread.subject.id === subject.id,
  );
}
