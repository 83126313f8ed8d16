import { useState } from 'react';
import {
  INTERVIEW_AREAS,
  QUESTIONNAIRES,
  type InterviewArea,
  type InterviewDraft,
} from '../../../../shared/documents/interview/index.ts';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { useDialogSubmit } from './use-dialog-submit.ts';

const AREA_WORDS: Record<InterviewArea, string> = {
  legal: 'Legal',
  'data-science': 'Data science',
  business: 'Business',
  other: 'Other',
};
export const areaWords = (area: InterviewArea) => AREA_WORDS[area];

type Question = { text: string; requirement: string };
const starting = (area: InterviewArea): Question[] =>
  QUESTIONNAIRES[area].map((q) => ({ text: q.text, requirement: q.requirement }));

interface Props {
  /** Names from the people directory, offered as respondents. */
  people: readonly string[];
  /** Writes the interview; throws, changing nothing, on bad input (INT2). */
  onSend(draft: InterviewDraft): void;
  onClose(): void;
}

/** A lead writes a questionnaire: the audience's starting questions, edited, to one respondent. */
export function SendInterviewDialog({ people, onSend, onClose }: Props) {
  const [area, setArea] = useState<InterviewArea>('legal');
  const [title, setTitle] = useState('');
  const [respondent, setRespondent] = useState('');
  const [questions, setQuestions] = useState<Question[]>(() => starting('legal'));
  const edit = (index: number, text: string) =>
    setQuestions((all) => all.map((q, i) => (i === index ? { ...q, text } : q)));

  const { submit, error } = useDialogSubmit(
    () =>
      onSend({
        title: title.trim() || `${AREA_WORDS[area]} interview`,
        respondent,
        area,
        questions: questions.filter((q) => q.text.trim() !== ''),
      }),
    onClose,
  );

  return (
    <FormDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Send an interview"
      description="A questionnaire for one contributor; each answer can become a gap-analysis finding. Its questions are fixed once sent."
      onSubmit={submit}
      error={error}
      submitLabel="Send interview"
      size="wide"
      className="aims-dialog"
    >
      <label>
        Audience
        <select
          value={area}
          onChange={(e) => {
            const next = e.target.value as InterviewArea;
            setArea(next);
            setQuestions(starting(next));
          }}
        >
          {INTERVIEW_AREAS.map((a) => (
            <option key={a} value={a}>
              {AREA_WORDS[a]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Title
        <input
          value={title}
          placeholder={`${AREA_WORDS[area]} interview`}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label>
        Respondent (required)
        <input
          value={respondent}
          list="interview-people"
          onChange={(e) => setRespondent(e.target.value)}
        />
      </label>
      <datalist id="interview-people">
        {people.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {questions.map((q, i) => (
        <div key={i} className="interview-question-edit">
          <label>
            Question {i + 1}
            {q.requirement && ` (ISO/IEC 42001 ${q.requirement})`}
            <textarea rows={2} value={q.text} onChange={(e) => edit(i, e.target.value)} />
          </label>
          <button
            type="button"
            aria-label={`Remove question ${i + 1}`}
            onClick={() => setQuestions((all) => all.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => setQuestions((all) => [...all, { text: '', requirement: '' }])}
      >
        Add a question
      </button>
    </FormDialog>
  );
}
