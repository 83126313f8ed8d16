import { useState } from 'react';
import {
  editComment,
  isLead,
  recordAccepted,
  reopenThread,
  reply,
  resolveThread,
  withdrawComment,
  type Actor,
  type Comment,
  type CommentHost,
  type Thread,
} from '../../../shared/comments/index.ts';
import type { Person } from '../../../shared/documents/registry/index.ts';
import { Composer } from './Composer.tsx';
import { attempt } from './use-comments.ts';

export interface ThreadProps {
  host: CommentHost;
  thread: Thread;
  actor: Actor;
  /** False where this person cannot write the document (CMT7): the thread is read-only. */
  canComment: boolean;
  people: readonly Person[];
  /** Applies the thread's proposal to the text (CMT6); returns why not, or undefined. */
  onAccept?: ((thread: Thread) => string | undefined) | undefined;
  now: () => number;
}

const when = (at: number) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function CommentBody({ comment }: { comment: Comment }) {
  if (comment.deleted) {
    return (
      <p className="muted">
        Withdrawn by {comment.deleted.by}, {when(comment.deleted.at)}.
      </p>
    );
  }
  return (
    <>
      {comment.quote !== undefined && (
        <blockquote className="comment-quote">{comment.quote}</blockquote>
      )}
      <p className="comment-body">{comment.body}</p>
      {comment.proposal !== undefined && (
        <p className="comment-proposal">
          <span className="badge accent">Suggests</span>{' '}
          {comment.proposal || '(remove the passage)'}
        </p>
      )}
    </>
  );
}

/** One thread: its comments, a reply composer, resolve/reopen, withdraw and a suggestion's accept. */
export function ThreadView({
  host,
  thread,
  actor,
  canComment,
  people,
  onAccept,
  now,
}: ThreadProps) {
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const root = thread.comments[0]!;
  const mayResolve = canComment && (root.by === actor.name || isLead(actor.role));
  const run = (write: () => unknown) => setError(attempt(write));
  const open = !root.deleted;
  return (
    <article className="comment-thread card" aria-label={`Thread by ${root.by}`}>
      <ol className="comment-list">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <p className="comment-meta">
              <strong>{comment.by}</strong>{' '}
              <span className="muted">
                {when(comment.at)}
                {comment.editedAt !== undefined && ' · edited'}
              </span>
            </p>
            {editing === comment.id ? (
              <Composer
                label="Edit your comment"
                submitLabel="Save"
                people={people}
                initial={comment.body}
                autoFocus
                onCancel={() => setEditing(undefined)}
                onSubmit={(body, mentions) => {
                  const refused = attempt(() =>
                    editComment(host, comment.id, { body, mentions }, actor, now()),
                  );
                  if (!refused) setEditing(undefined);
                  return refused;
                }}
              />
            ) : (
              <CommentBody comment={comment} />
            )}
            {canComment && !comment.deleted && editing !== comment.id && (
              <div className="comment-own-actions">
                {comment.by === actor.name && (
                  <button type="button" className="ghost" onClick={() => setEditing(comment.id)}>
                    Edit
                  </button>
                )}
                {(comment.by === actor.name || isLead(actor.role)) && (
                  <button
                    type="button"
                    className="ghost"
                    onClick={() => run(() => withdrawComment(host, comment.id, actor, now()))}
                  >
                    Withdraw
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      {thread.resolved && (
        <p className="muted">
          Resolved by {thread.resolved.by}, {when(thread.resolved.at)}
          {thread.accepted && ' · suggestion accepted'}.
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {canComment && open && (
        <div className="comment-actions">
          {onAccept && isLead(actor.role) && root.proposal !== undefined && !thread.accepted && (
            <button
              type="button"
              className="primary"
              onClick={() => {
                // The edit first, then its record (CMT6): never a record of an edit not made.
                const refused = onAccept(thread);
                setError(refused ?? attempt(() => recordAccepted(host, thread.id, actor, now())));
              }}
            >
              Accept suggestion
            </button>
          )}
          {mayResolve &&
            (thread.resolved ? (
              <button
                type="button"
                onClick={() => run(() => reopenThread(host, thread.id, actor, now()))}
              >
                Reopen
              </button>
            ) : (
              <button
                type="button"
                onClick={() => run(() => resolveThread(host, thread.id, actor, now()))}
              >
                Resolve
              </button>
            ))}
          {!replying && (
            <button type="button" onClick={() => setReplying(true)}>
              Reply
            </button>
          )}
        </div>
      )}
      {replying && (
        <Composer
          label={`Reply to ${root.by}`}
          submitLabel="Reply"
          people={people}
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={(body, mentions) => {
            const refused = attempt(() =>
              reply(
                host,
                { id: crypto.randomUUID(), thread: thread.id, body, mentions },
                actor,
                now(),
              ),
            );
            if (!refused) setReplying(false);
            return refused;
          }}
        />
      )}
    </article>
  );
}
