import { useState } from 'react';
import { GAP_STATUSES, type AnswerFinding } from '../../../../shared/documents/aims/index.ts';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { optionWords } from '../aims-words.ts';
import { useDialogSubmit } from './use-dialog-submit.ts';

interface Props {
  question: string;
  people: readonly string[];
  /** Writes the gap entry (INT3); throws, changing nothing, when it cannot. */
  onConvert(finding: AnswerFinding): void;
  onClose(): void;
}

/** INT3: a lead decides the status, owner and due date of the finding an answer becomes. */
export function FindingDialog({ question, people, onConvert, onClose }: Props) {
  const [status, setStatus] = useState<AnswerFinding['status']>('not-started');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const { submit, error } = useDialogSubmit(() => {
    const dueDate = due ? Date.parse(`${due}T00:00:00Z`) : undefined;
    if (dueDate !== undefined && !Number.isFinite(dueDate)) throw new RangeError('bad due date');
    onConvert({ status, owner, ...(dueDate !== undefined ? { dueDate } : {}) });
  }, onClose);

  return (
    <FormDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Raise a gap-analysis finding"
      description={`From the answer to: ${question}`}
      onSubmit={submit}
      error={error}
      submitLabel="Raise finding"
      size="narrow"
      className="aims-dialog"
    >
      <label>
        Status
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as AnswerFinding['status'])}
        >
          {GAP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {optionWords(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Owner
        <input value={owner} list="finding-people" onChange={(e) => setOwner(e.target.value)} />
      </label>
      <datalist id="finding-people">
        {people.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <label>
        Due date
        <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
    </FormDialog>
  );
}
