import * as Y from 'yjs';
import { personKey } from '../documents/registry/people.ts';
import { isId } from '../documents/schema/values.ts';
import { ensureWritable } from '../documents/schema/version.ts';
import { checkText, checkTimestamp } from '../documents/schema/write.ts';
import {
  COMMENTS,
  MAX_BODY,
  MAX_MENTIONS,
  MAX_PERSON,
  MAX_PROPOSAL,
  MAX_QUOTE,
  isLead,
  parseSubject,
  subjectKey,
  type Actor,
  type CommentHost,
  type CommentSubject,
  type LogAction,
  type RelativePositionJson,
} from './schema.ts';

/** A write the rules refuse (CMT2, CMT4, CMT6): nothing was changed. */
export class CommentRefused extends Error {}

export interface NewThread {
  id: string;
  subject: CommentSubject;
  body: string;
  /** Person keys from the directory. */
  mentions?: readonly string[];
  quote?: string;
  anchor?: { from: RelativePositionJson; to: RelativePositionJson };
  proposal?: string;
}

export interface NewReply {
  id: string;
  thread: string;
  body: string;
  mentions?: readonly string[];
}

function checkActor(actor: Actor, at: number) {
  checkText('by', actor.name, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
}

function checkBody(body: string, mentions: readonly string[] | undefined): string[] {
  checkText('comment', body, { min: 1, max: MAX_BODY });
  if (body.trim() === '') throw new RangeError('a comment has some text');
  const list = [...new Set(mentions ?? [])];
  if (list.length > MAX_MENTIONS) throw new RangeError(`at most ${MAX_MENTIONS} mentions`);
  for (const key of list) {
    checkText('mention', key, { min: 1, max: MAX_PERSON });
    if (personKey(key) !== key) throw new RangeError('a mention is a directory key');
  }
  return list;
}

function checkAnchor(anchor: unknown): void {
  const { from, to } = (typeof anchor === 'object' && anchor !== null ? anchor : {}) as Record<
    string,
    unknown
  >;
  for (const position of [from, to]) {
    if (typeof position !== 'object' || position === null || Array.isArray(position))
      throw new RangeError('anchor: expected two relative positions');
    if (JSON.stringify(position).length > 1000) throw new RangeError('anchor: too large');
  }
}

function comments(host: CommentHost): Y.Map<unknown> {
  return host.doc.getMap<unknown>(COMMENTS);
}

function entry(host: CommentHost, id: string): Y.Map<unknown> | undefined {
  const value = comments(host).get(id);
  return value instanceof Y.Map ? value : undefined;
}

/** A thread's first comment, refusing an unknown, malformed or withdrawn one (CMT2). */
function threadRoot(host: CommentHost, thread: string): Y.Map<unknown> {
  const root = isId(thread) ? entry(host, thread) : undefined;
  if (!root || root.get('thread') !== thread || !parseSubject(root.get('subject')))
    throw new CommentRefused(`no thread ${JSON.stringify(thread)}`);
  if (root.get('deleted') !== undefined) throw new CommentRefused('this thread was withdrawn');
  return root;
}

function write(host: CommentHost, change: () => void) {
  host.doc.transact(() => {
    ensureWritable(host.doc, host.schema);
    change();
  });
}

function freshId(host: CommentHost, id: string) {
  if (!isId(id)) throw new RangeError('a comment id is 1–64 letters, digits, - or _');
  if (comments(host).has(id)) throw new CommentRefused(`comment ${id} already exists`);
}

/** Starts a thread on a subject, optionally on a passage and with a proposed replacement. */
export function startThread(host: CommentHost, input: NewThread, actor: Actor, at: number): void {
  checkActor(actor, at);
  freshId(host, input.id);
  if (!parseSubject(subjectKey(input.subject))) throw new RangeError('unknown subject');
  const mentions = checkBody(input.body, input.mentions);
  if (input.quote !== undefined) checkText('quote', input.quote, { min: 1, max: MAX_QUOTE });
  if (input.anchor !== undefined) checkAnchor(input.anchor);
  if (input.proposal !== undefined) {
    checkText('proposal', input.proposal, { max: MAX_PROPOSAL });
    if (input.quote === undefined) throw new RangeError('a proposal replaces a quoted passage');
  }
  write(host, () => {
    const map = new Y.Map<unknown>();
    map.set('thread', input.id);
    map.set('subject', subjectKey(input.subject));
    map.set('by', actor.name);
    map.set('at', at);
    map.set('body', input.body);
    map.set('mentions', mentions);
    if (input.quote !== undefined) map.set('quote', input.quote);
    if (input.anchor !== undefined) map.set('anchor', JSON.parse(JSON.stringify(input.anchor)) as unknown);
    if (input.proposal !== undefined) map.set('proposal', input.proposal);
    map.set('log', new Y.Array());
    comments(host).set(input.id, map);
  });
}

/** Replies to a thread; an unknown or withdrawn thread is refused (CMT2). */
export function reply(host: CommentHost, input: NewReply, actor: Actor, at: number): void {
  checkActor(actor, at);
  freshId(host, input.id);
  const mentions = checkBody(input.body, input.mentions);
  const root = threadRoot(host, input.thread);
  write(host, () => {
    const map = new Y.Map<unknown>();
    map.set('thread', input.thread);
    map.set('subject', root.get('subject'));
    map.set('by', actor.name);
    map.set('at', at);
    map.set('body', input.body);
    map.set('mentions', mentions);
    comments(host).set(input.id, map);
  });
}

function ownComment(host: CommentHost, id: string): Y.Map<unknown> {
  const map = isId(id) ? entry(host, id) : undefined;
  if (!map || !parseSubject(map.get('subject'))) throw new CommentRefused(`no comment ${id}`);
  if (map.get('deleted') !== undefined) throw new CommentRefused('this comment was withdrawn');
  return map;
}

/** The author edits their own comment's text; nobody else, a lead included (CMT4). */
export function editComment(
  host: CommentHost,
  id: string,
  change: { body: string; mentions?: readonly string[] },
  actor: Actor,
  at: number,
): boolean {
  checkActor(actor, at);
  const mentions = checkBody(change.body, change.mentions);
  const map = ownComment(host, id);
  if (map.get('by') !== actor.name) throw new CommentRefused('only its author edits a comment');
  if (map.get('body') === change.body) return false;
  write(host, () => {
    map.set('body', change.body);
    map.set('mentions', mentions);
    map.set('editedAt', at);
  });
  return true;
}

/** Withdraws a comment: its author or a lead. The entry stays, emptied and marked (CMT4). */
export function withdrawComment(host: CommentHost, id: string, actor: Actor, at: number): void {
  checkActor(actor, at);
  const map = ownComment(host, id);
  if (map.get('by') !== actor.name && !isLead(actor.role))
    throw new CommentRefused('only its author or a lead withdraws a comment');
  write(host, () => {
    map.set('body', '');
    map.set('mentions', []);
    map.delete('proposal');
    map.set('deleted', { by: actor.name, at });
  });
}

function appendLog(root: Y.Map<unknown>, action: LogAction, actor: Actor, at: number) {
  let log = root.get('log');
  if (!(log instanceof Y.Array)) {
    log = new Y.Array<unknown>();
    root.set('log', log);
  }
  (log as Y.Array<unknown>).push([{ action, by: actor.name, at }]);
}

function mayResolve(root: Y.Map<unknown>, actor: Actor) {
  if (root.get('by') !== actor.name && !isLead(actor.role))
    throw new CommentRefused("only a lead or the thread's author resolves or reopens it");
}

/** Resolves a thread (its author or a lead); it stays, with its log, for auditors (CMT4). */
export function resolveThread(
  host: CommentHost,
  thread: string,
  actor: Actor,
  at: number,
): boolean {
  checkActor(actor, at);
  const root = threadRoot(host, thread);
  mayResolve(root, actor);
  if (root.get('resolved') !== undefined) return false;
  write(host, () => {
    root.set('resolved', { by: actor.name, at });
    appendLog(root, 'resolved', actor, at);
  });
  return true;
}

export function reopenThread(host: CommentHost, thread: string, actor: Actor, at: number): boolean {
  checkActor(actor, at);
  const root = threadRoot(host, thread);
  mayResolve(root, actor);
  if (root.get('resolved') === undefined) return false;
  write(host, () => {
    root.delete('resolved');
    appendLog(root, 'reopened', actor, at);
  });
  return true;
}

/**
 * Records that a lead applied a thread's proposal and resolves the thread (CMT6). The text edit
 * itself is the caller's, made through the editor as any edit; this is its record.
 */
export function recordAccepted(host: CommentHost, thread: string, actor: Actor, at: number): void {
  checkActor(actor, at);
  if (!isLead(actor.role)) throw new CommentRefused('only a lead accepts a suggestion');
  const root = threadRoot(host, thread);
  if (typeof root.get('proposal') !== 'string')
    throw new CommentRefused('this thread proposes no text');
  const log = root.get('log');
  if (
    log instanceof Y.Array &&
    log.toArray().some((e) => (e as { action?: unknown })?.action === 'accepted')
  )
    throw new CommentRefused('this suggestion was already accepted');
  write(host, () => {
    appendLog(root, 'accepted', actor, at);
    if (root.get('resolved') === undefined) {
      root.set('resolved', { by: actor.name, at });
      appendLog(root, 'resolved', actor, at);
    }
  });
}
