import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import {
  AIMS_GAPS,
  findingIdFor,
  gapFromAnswer,
  listInterview,
  readInterviewList,
} from '../../../../shared/documents/aims/index.ts';
import {
  answerQuestion,
  sendInterview,
  type InterviewQuestion,
} from '../../../../shared/documents/interview/index.ts';
import type { OpenedAssessment } from '../../sync/assessment-documents.ts';
import type { AimsContent } from '../use-aims.ts';
import { FindingDialog } from './FindingDialog.tsx';
import { useOpenInterview, type OpenInterview } from './interview-context.ts';
import { SendInterviewDialog, areaWords } from './SendInterviewDialog.tsx';
import { useInterview } from './use-interview.ts';

interface Props {
  registry: Y.Doc;
  /** The management system's registers, read once for the page (the gap entries among them). */
  aims: AimsContent;
  /** Leads and admins send interviews and raise findings; contributors answer. */
  isLead: boolean;
  people: readonly string[];
  me: string;
  now: () => number;
}

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Holds each interview document open while the section shows it: one hold per id, all given back
 * when the section goes, so an interview just sent stays open until its list item shows it.
 */
function useHeld(open: OpenInterview | undefined) {
  const held = useRef(new Map<string, OpenedAssessment>());
  useEffect(() => {
    const all = held.current;
    return () => {
      const opened = [...all.values()];
      all.clear();
      // After the answer fields' own clean-up, which saves an answer left mid-way.
      queueMicrotask(() => opened.forEach((held) => held.release()));
    };
  }, []);
  const hold = (id: string): OpenedAssessment | undefined => {
    if (!open) return undefined;
    let opened = held.current.get(id);
    if (!opened) {
      opened = open(id);
      held.current.set(id, opened);
    }
    return opened;
  };
  const drop = (id: string) => {
    held.current.get(id)?.release();
    held.current.delete(id);
  };
  return { hold, drop };
}

/** `#/aims/interviews`: stakeholder interviews of the gap analysis (INT1–INT4). */
export function InterviewsSection({ registry, aims, isLead, people, me, now }: Props) {
  const open = useOpenInterview();
  const { hold, drop } = useHeld(open);
  const [sending, setSending] = useState(false);
  const { ids } = readInterviewList(registry);
  const gapIds = new Set((aims.get(AIMS_GAPS.id)?.entries ?? []).map((entry) => entry.id));

  return (
    <section id="aims-interviews" aria-labelledby="aims-interviews-title" className="aims-section">
      <div className="aims-section-head">
        <h2 id="aims-interviews-title">
          Stakeholder interviews <span className="aims-clause">4.4 gap analysis</span>
        </h2>
        {isLead && open && (
          <button type="button" onClick={() => setSending(true)}>
            Send an interview
          </button>
        )}
      </div>
      <p className="muted">
        Questionnaires for legal, data science and business contributors; a lead turns an answer
        into a finding of the gap analysis.
      </p>
      {!open ? (
        <p className="muted">Interviews open when the workspace is connected.</p>
      ) : ids.length === 0 ? (
        <p className="muted">No interviews sent yet.</p>
      ) : (
        <ul className="interview-list">
          {ids.map((id) => {
            const opened = hold(id);
            return opened ? (
              <li key={id}>
                <InterviewItem
                  id={id}
                  doc={opened.doc}
                  canWrite={opened.access === 'write'}
                  registry={registry}
                  gapIds={gapIds}
                  isLead={isLead}
                  people={people}
                  me={me}
                  now={now}
                />
              </li>
            ) : null;
          })}
        </ul>
      )}
      {sending && (
        <SendInterviewDialog
          people={people}
          onClose={() => setSending(false)}
          onSend={(draft) => {
            const id = crypto.randomUUID();
            const at = now();
            try {
              sendInterview(hold(id)!.doc, draft, me, at);
            } catch (e) {
              drop(id); // refused: nothing was written, nothing stays open
              throw e;
            }
            listInterview(registry, id, at);
          }}
        />
      )}
    </section>
  );
}

interface ItemProps {
  id: string;
  doc: Y.Doc;
  canWrite: boolean;
  registry: Y.Doc;
  gapIds: ReadonlySet<string>;
  isLead: boolean;
  people: readonly string[];
  me: string;
  now: () => number;
}

function InterviewItem({
  id,
  doc,
  canWrite,
  registry,
  gapIds,
  isLead,
  people,
  me,
  now,
}: ItemProps) {
  const { interview, problems } = useInterview(doc);
  const [converting, setConverting] = useState<InterviewQuestion>();
  if (!interview) return <p className="muted">An interview not yet received on this device.</p>;
  const answered = interview.questions.filter((q) => q.answer).length;
  return (
    <article className="aims-entry interview" aria-label={interview.title}>
      <h3>{interview.title}</h3>
      <p className="small">
        {areaWords(interview.area)} · to {interview.respondent} · sent by {interview.sentBy} on{' '}
        {day(interview.sentAt)} · {answered} of {interview.questions.length} answered
      </p>
      {problems.length > 0 && (
        <p className="muted small">
          Parts of this interview could not be read and are left out: {problems.join('; ')}
        </p>
      )}
      <ol className="interview-questions">
        {interview.questions.map((q) => (
          <li key={q.id}>
            {isLead ? (
              <LeadAnswer
                question={q}
                raised={gapIds.has(findingIdFor(id, q.id))}
                onConvert={() => setConverting(q)}
              />
            ) : (
              <AnswerField
                question={q}
                disabled={!canWrite}
                onSave={(text) => answerQuestion(doc, q.id, text, me, now())}
              />
            )}
          </li>
        ))}
      </ol>
      {converting && (
        <FindingDialog
          question={converting.text}
          people={people}
          onClose={() => setConverting(undefined)}
          onConvert={(finding) =>
            gapFromAnswer(registry, id, interview, converting.id, finding, me, now())
          }
        />
      )}
    </article>
  );
}

const requirementWords = (q: InterviewQuestion) =>
  q.requirement ? ` (ISO/IEC 42001 ${q.requirement})` : '';

function LeadAnswer(props: { question: InterviewQuestion; raised: boolean; onConvert(): void }) {
  const { question: q, raised } = props;
  return (
    <>
      <p className="interview-question">
        {q.text}
        <span className="small">{requirementWords(q)}</span>
      </p>
      {q.answer ? (
        <>
          <p className="interview-answer">{q.answer.text}</p>
          <p className="small">
            {q.answer.answeredBy}, {day(q.answer.answeredAt)}{' '}
            {raised ? (
              <span className="badge accent">Finding raised</span>
            ) : (
              <button type="button" onClick={props.onConvert}>
                Raise finding
              </button>
            )}
          </p>
        </>
      ) : (
        <p className="muted small">Not answered yet.</p>
      )}
    </>
  );
}

/** How long typing pauses before the answer is saved (it is also saved on leaving the field). */
const SAVE_AFTER_MS = 1_000;

/**
 * One text area per question, saved as the respondent goes: after a pause in typing, on leaving
 * the field, and when the page closes mid-answer (INT2: written whole). Until edited here it
 * shows the answer as stored, so one arriving from another device is not overwritten by a blank.
 */
function AnswerField(props: {
  question: InterviewQuestion;
  disabled: boolean;
  onSave(text: string): void;
}) {
  const { question: q } = props;
  const [draft, setDraft] = useState<string>();
  const [note, setNote] = useState<{ error?: string; saved?: boolean }>({});
  const latest = useRef({ draft, props });
  latest.current = { draft, props };

  const save = useCallback(() => {
    const { draft: text, props: now } = latest.current;
    if (text === undefined || text.trim() === '' || text.trim() === now.question.answer?.text) {
      return;
    }
    try {
      now.onSave(text);
      setNote({ saved: true });
    } catch (e) {
      setNote({ error: e instanceof Error ? e.message : String(e) });
    }
  }, []);
  useEffect(() => {
    if (draft === undefined) return;
    const timer = setTimeout(save, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft, save]);
  useEffect(() => save, [save]); // closing the page mid-answer keeps it

  return (
    <label className="interview-answer-field">
      <span className="interview-question">
        {q.text}
        <span className="small">{requirementWords(q)}</span>
      </span>
      <textarea
        rows={3}
        value={draft ?? q.answer?.text ?? ''}
        disabled={props.disabled}
        onChange={(e) => (setDraft(e.target.value), setNote({}))}
        onBlur={save}
      />
      {note.error ? (
        <span role="alert" className="error">
          {note.error}
        </span>
      ) : note.saved ? (
        <span className="small" role="status">
          Saved
        </span>
      ) : null}
    </label>
  );
}
