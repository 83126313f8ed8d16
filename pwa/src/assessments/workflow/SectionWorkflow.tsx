import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  assignSection,
  SECTION_STATUSES,
  setSectionStatus,
  type Assessment,
  type SectionStatus,
} from '../../../../shared/documents/assessment/index.ts';
import { PersonInput } from '../../people/PersonInput.tsx';
import { STATUS_LABELS } from './workflow-words.ts';

interface Props {
  doc: Y.Doc;
  assessment: Assessment;
  readOnly: boolean;
  me: string;
  now: () => number;
  onError(message: string | undefined): void;
}

const message = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure);

/** Per section: its status (draft, in review, done) and who it is assigned to. */
export function SectionWorkflow({ doc, assessment, readOnly, me, now, onError }: Props) {
  const outline = assessment.meta?.outline ?? [];
  function run(write: () => void) {
    try {
      write();
      onError(undefined);
    } catch (failure) {
      onError(`Not saved: ${message(failure)}`);
    }
  }
  return (
    <table className="workflow-sections table-cards">
      <caption>Sections</caption>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col">Status</th>
          <th scope="col">Assignee</th>
        </tr>
      </thead>
      <tbody>
        {outline.map((section, index) => {
          const state = assessment.sections.get(section.id);
          const status = state?.status ?? 'draft';
          return (
            <tr key={section.id}>
              <th scope="row">
                {index + 1}. {section.title}
              </th>
              <td data-label="Status">
                {readOnly ? (
                  <span className={`workflow-status status-${status}`}>
                    {STATUS_LABELS[status]}
                  </span>
                ) : (
                  <label>
                    <span className="visually-hidden">Status of {section.title}</span>
                    <select
                      value={status}
                      onChange={(event) =>
                        run(() =>
                          setSectionStatus(
                            doc,
                            section.id,
                            event.target.value as SectionStatus,
                            me,
                            now(),
                          ),
                        )
                      }
                    >
                      {SECTION_STATUSES.map((value) => (
                        <option key={value} value={value}>
                          {STATUS_LABELS[value]}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </td>
              <td data-label="Assignee">
                {readOnly ? (
                  <span>{state?.assignee ?? 'nobody'}</span>
                ) : (
                  <AssigneeField
                    sectionTitle={section.title}
                    assignee={state?.assignee ?? ''}
                    onSave={(value) =>
                      run(() => assignSection(doc, section.id, value || null, me, now()))
                    }
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The assignee as typed; saved on Enter or with the button, so half a name is never written. */
function AssigneeField(props: {
  sectionTitle: string;
  assignee: string;
  onSave(value: string): void;
}) {
  const [draft, setDraft] = useState<string>();
  const value = draft ?? props.assignee;
  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSave(value.trim());
    setDraft(undefined);
  }
  return (
    <form className="workflow-inline" onSubmit={submit}>
      <label>
        <span className="visually-hidden">Assignee of {props.sectionTitle}</span>
        <PersonInput
          aria-label={`Assignee of ${props.sectionTitle}`}
          value={value}
          maxLength={200}
          onValue={setDraft}
        />
      </label>
      <button type="submit" disabled={draft === undefined}>
        Assign
      </button>
    </form>
  );
}
