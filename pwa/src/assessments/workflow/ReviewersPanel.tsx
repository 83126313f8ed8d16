import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { ReviewerState, SignOffGate } from '../../../../shared/assessments/index.ts';
import {
  MAX_REVIEW_COMMENT,
  recordReview,
  setReviewer,
  type ReviewDecision,
} from '../../../../shared/documents/assessment/index.ts';
import { newWorkflowId, timeLabel } from './workflow-words.ts';
import { PersonInput } from '../../people/PersonInput.tsx';

interface Props {
  doc: Y.Doc;
  reviewers: readonly string[];
  /** Each reviewer's latest verdict; undefined without the registry. */
  gate: SignOffGate | undefined;
  readOnly: boolean;
  me: string;
  now: () => number;
  onError(message: string | undefined): void;
}

/** What a reviewer's latest verdict says about the text as it stands. */
export function verdictWords(state: ReviewerState | undefined): string {
  const verdict = state?.verdict;
  if (!verdict) return 'No verdict yet';
  const when = timeLabel(verdict.at);
  if (!state.current) {
    return verdict.decision === 'approve'
      ? `Approved an earlier text (${when}): the text changed since`
      : `Requested changes on an earlier text (${when})`;
  }
  return verdict.decision === 'approve'
    ? `Approved this text (${when})`
    : `Requested changes (${when}): ${verdict.comment ?? ''}`;
}

/**
 * The assessment's reviewers (a set, so two people adding at once both stay) and their verdicts:
 * a named reviewer approves the text as it stands or requests changes (S4–S6).
 */
export function ReviewersPanel({ doc, reviewers, gate, readOnly, me, now, onError }: Props) {
  const [person, setPerson] = useState('');
  const [comment, setComment] = useState('');
  const states = new Map(gate?.reviewers.map((r) => [r.person, r]));
  function change(name: string, reviewing: boolean) {
    try {
      setReviewer(doc, name, reviewing);
      onError(undefined);
      return true;
    } catch (failure) {
      onError(`Not saved: ${failure instanceof Error ? failure.message : String(failure)}`);
      return false;
    }
  }
  function add(event: FormEvent) {
    event.preventDefault();
    if (person.trim() !== '' && change(person.trim(), true)) setPerson('');
  }
  function verdict(decision: ReviewDecision) {
    if (!gate) return;
    try {
      recordReview(doc, {
        id: newWorkflowId(),
        by: me,
        decision,
        at: now(),
        draftSha256: gate.draftSha256,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setComment('');
      onError(undefined);
    } catch (failure) {
      onError(`Not saved: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }
  const iReview = reviewers.includes(me);
  return (
    <section className="workflow-reviewers" aria-labelledby="workflow-reviewers-title">
      <h3 id="workflow-reviewers-title">Reviewers</h3>
      {gate ? (
        <p className="workflow-muted">
          A sign-off needs {gate.needed} approval{gate.needed === 1 ? '' : 's'} of the current text
          from named reviewers other than the person signing off.
        </p>
      ) : null}
      {reviewers.length === 0 ? <p className="workflow-muted">No reviewers yet.</p> : null}
      <ul>
        {reviewers.map((name) => (
          <li key={name}>
            <span>{name}</span>
            <span className="workflow-verdict">{verdictWords(states.get(name))}</span>
            {readOnly ? null : (
              <button
                type="button"
                aria-label={`Remove reviewer ${name}`}
                onClick={() => change(name, false)}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {iReview && gate && !readOnly ? (
        <div className="workflow-review" role="group" aria-label="Your review">
          <label className="workflow-field">
            Comment (required to request changes)
            <textarea
              value={comment}
              maxLength={MAX_REVIEW_COMMENT}
              onChange={(event) => setComment(event.target.value)}
            />
          </label>
          <div className="workflow-inline">
            <button type="button" className="primary" onClick={() => verdict('approve')}>
              Approve this text
            </button>
            <button
              type="button"
              disabled={comment.trim() === ''}
              onClick={() => verdict('request-changes')}
            >
              Request changes
            </button>
          </div>
        </div>
      ) : null}
      {readOnly ? null : (
        <form className="workflow-inline" onSubmit={add}>
          <label>
            Reviewer
            <PersonInput aria-label="Reviewer" value={person} maxLength={200} onValue={setPerson} />
          </label>
          <button type="submit" disabled={person.trim() === ''}>
            Add reviewer
          </button>
        </form>
      )}
    </section>
  );
}
