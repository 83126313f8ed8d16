import { MessageSquare, X } from 'lucide-react';
import { Dialog } from 'radix-ui';
import { useId, useState, type ReactNode } from 'react';
import {
  startThread,
  threadsAbout,
  type Actor,
  type CommentHost,
  type CommentSubject,
  type RelativePositionJson,
  type Thread,
} from '../../../shared/comments/index.ts';
import { usePeopleDirectory } from '../people/people-context.tsx';
import { Composer } from './Composer.tsx';
import { ThreadView } from './ThreadView.tsx';
import { attempt, useComments } from './use-comments.ts';
import './comments.css';

/** A passage selected in the editor: what a new thread quotes and anchors to (CMT3). */
export interface Passage {
  quote: string;
  anchor: { from: RelativePositionJson; to: RelativePositionJson };
}

export interface CommentsPanelProps {
  host: CommentHost;
  subject: CommentSubject;
  /** What is discussed, as the panel's title names it ("The system", "R-001"). */
  title: string;
  actor: Actor;
  canComment: boolean;
  /** Why this person cannot comment here (shown instead of a composer). */
  readOnlyReason?: string;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The button that opens the panel. */
  trigger?: ReactNode;
  /** Set when opened on a selection: the new thread quotes it and may propose a replacement. */
  passage?: Passage | undefined;
  onAccept?: (thread: Thread) => string | undefined;
  now?: () => number;
}

/**
 * The threads about one subject, in a side panel on a wide screen and a full-screen sheet on a
 * phone (a Radix dialog: focus moves in, Escape closes, focus returns to the button). Open threads
 * first; resolved ones stay below, collapsed, for whoever audits the discussion (CMT4).
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const { host, subject, actor, canComment, passage } = props;
  const now = props.now ?? Date.now;
  const { people } = usePeopleDirectory();
  const threads = threadsAbout(useComments(host.doc), subject);
  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);
  const [proposal, setProposal] = useState('');
  const proposalId = useId();
  const view = (thread: Thread) => (
    <li key={thread.id}>
      <ThreadView
        host={host}
        thread={thread}
        actor={actor}
        canComment={canComment}
        people={people}
        onAccept={props.onAccept}
        now={now}
      />
    </li>
  );
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      {props.trigger && <Dialog.Trigger asChild>{props.trigger}</Dialog.Trigger>}
      <Dialog.Portal>
        <Dialog.Overlay className="form-dialog-overlay comments-overlay" />
        <Dialog.Content className="comments-panel">
          <header className="comments-panel-header">
            <Dialog.Title>Comments on {props.title}</Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="icon-button" aria-label="Close comments">
                <X size={18} aria-hidden />
              </button>
            </Dialog.Close>
          </header>
          <Dialog.Description className="muted">
            {open.length} open, {resolved.length} resolved. Resolved threads are kept.
          </Dialog.Description>
          {canComment ? (
            <section className="comment-new" aria-label="New thread">
              {passage && <blockquote className="comment-quote">{passage.quote}</blockquote>}
              {passage && (
                <>
                  <label htmlFor={proposalId}>Suggest replacement text (optional)</label>
                  <textarea
                    id={proposalId}
                    rows={2}
                    value={proposal}
                    onChange={(event) => setProposal(event.currentTarget.value)}
                  />
                </>
              )}
              <Composer
                label={passage ? 'Comment on the selected passage' : 'New comment'}
                submitLabel="Comment"
                people={people}
                onSubmit={(body, mentions) => {
                  const refused = attempt(() =>
                    startThread(
                      host,
                      {
                        id: crypto.randomUUID(),
                        subject,
                        body,
                        mentions,
                        ...(passage ? { quote: passage.quote, anchor: passage.anchor } : {}),
                        ...(passage && proposal !== '' ? { proposal } : {}),
                      },
                      actor,
                      now(),
                    ),
                  );
                  if (!refused) setProposal('');
                  return refused;
                }}
              />
            </section>
          ) : (
            <p className="muted">{props.readOnlyReason ?? 'You can read these comments.'}</p>
          )}
          {open.length > 0 ? (
            <ol className="comment-threads" aria-label="Open threads">
              {open.map(view)}
            </ol>
          ) : (
            <p className="muted">No open threads.</p>
          )}
          {resolved.length > 0 && (
            <details className="comment-resolved">
              <summary>Resolved ({resolved.length})</summary>
              <ol className="comment-threads" aria-label="Resolved threads">
                {resolved.map(view)}
              </ol>
            </details>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The button that opens a subject's comments, with the number of open threads. */
export function CommentsButton({ count, ...rest }: { count: number; onClick?: () => void }) {
  return (
    <button type="button" className="comments-button" {...rest}>
      <MessageSquare size={16} aria-hidden /> Comments
      {count > 0 && <span className="badge accent">{count} open</span>}
    </button>
  );
}

/** The number of open threads about a subject. */
export function useOpenThreadCount(host: CommentHost, subject: CommentSubject): number {
  return threadsAbout(useComments(host.doc), subject).filter((thread) => !thread.resolved).length;
}

/**
 * A subject's comments behind its button: what a record page and a risk show (CMT7). Records and
 * risks live in the registry, which only admins and leads write: others read the threads.
 */
export function SubjectComments(
  props: Omit<CommentsPanelProps, 'open' | 'onOpenChange' | 'trigger' | 'passage' | 'onAccept'>,
) {
  const [open, setOpen] = useState(false);
  const count = useOpenThreadCount(props.host, props.subject);
  return (
    <CommentsPanel
      {...props}
      open={open}
      onOpenChange={setOpen}
      trigger={<CommentsButton count={count} />}
    />
  );
}
