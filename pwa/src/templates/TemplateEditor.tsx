import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { TemplateError, type AssessmentTemplate } from '../../../shared/assessments/index.ts';
import { saveTemplate } from '../../../shared/documents/registry/index.ts';
import { ConfirmDialog } from '../settings/ConfirmDialog.tsx';
import { SectionFields } from './SectionFields.tsx';
import {
  fromDraft,
  moveSection,
  newSection,
  problemsByField,
  toDraft,
  type TemplateDraft,
} from './template-draft.ts';

interface Props {
  registry: Y.Doc;
  template: AssessmentTemplate;
  /** Built-ins and anyone who only reads the registry see the template without editing it. */
  readOnly: boolean;
  builtIn: boolean;
  me: string;
  now: () => number;
  onClose(): void;
}

/** Edits one workspace template as a unit; Save writes it whole as the next version. */
export function TemplateEditor({ registry, template, readOnly, builtIn, me, now, onClose }: Props) {
  const [draft, setDraft] = useState<TemplateDraft>(() => toDraft(template));
  const [problems, setProblems] = useState<Map<string, string[]>>(new Map());
  const [removing, setRemoving] = useState<number>();
  const [saved, setSaved] = useState<number>();
  const at = (key: string) => problems.get(key) ?? [];
  // Problems name sections by position, so moving, adding or removing one clears them.
  const setSections = (sections: TemplateDraft['sections'], reordered = true) => {
    setDraft({ ...draft, sections });
    setSaved(undefined);
    if (reordered) setProblems(new Map());
  };

  function reload(latest: AssessmentTemplate) {
    setDraft(toDraft(latest));
    setProblems(new Map());
    setSaved(undefined);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    try {
      // The version this edit started from, plus one: a save by someone else in between is
      // refused by saveTemplate instead of silently overwritten.
      const next = saveTemplate(registry, fromDraft(draft, draft.version + 1), me, now());
      setDraft(toDraft(next));
      setProblems(new Map());
      setSaved(next.version);
    } catch (error) {
      const list = error instanceof TemplateError ? error.problems : [String(error)];
      setProblems(problemsByField(list));
      setSaved(undefined);
    }
  }

  const top = [...at(''), ...at('clauses')];
  const removingSection = removing === undefined ? undefined : draft.sections[removing];
  return (
    <form className="template-editor" onSubmit={submit} noValidate aria-label="Template editor">
      <div className="template-editor-head">
        <h2>
          {template.title} <span className="muted">(version {draft.version})</span>
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {builtIn && <p className="muted">Built in: customise it to make the workspace’s own.</p>}
      {top.length > 0 && (
        <div role="alert" className="template-problems">
          <p>Not saved:</p>
          <ul>
            {top.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {problems.size > 0 && top.length === 0 && (
        <p role="alert" className="template-problems">
          Not saved: see the problems next to the fields.
        </p>
      )}
      {saved !== undefined && <p role="status">Saved as version {saved}.</p>}
      {template.version > draft.version && (
        <p role="status" className="template-newer">
          Someone saved version {template.version} since you opened this one; saving yours is
          refused.{' '}
          <button type="button" onClick={() => reload(template)}>
            Load version {template.version}
          </button>
        </p>
      )}
      <fieldset disabled={readOnly} className="template-head-fields">
        <label>
          Title
          <input
            value={draft.title}
            aria-invalid={at('title').length > 0 || undefined}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
        </label>
        {at('title').length > 0 && (
          <ul className="template-problems">
            {at('title').map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <ol className="template-sections">
        {draft.sections.map((section, index) => (
          <SectionFields
            key={section.id}
            section={section}
            index={index}
            count={draft.sections.length}
            readOnly={readOnly}
            problems={(field) => at(`sections.${index}.${field}`)}
            onChange={(next) =>
              setSections(
                draft.sections.map((s, i) => (i === index ? next : s)),
                false,
              )
            }
            onMove={(by) => setSections(moveSection(draft.sections, index, by))}
            onRemove={() => setRemoving(index)}
          />
        ))}
      </ol>
      {!readOnly && (
        <div className="template-editor-actions">
          <button type="button" onClick={() => setSections([...draft.sections, newSection(draft)])}>
            Add section
          </button>
          <button type="submit" className="primary">
            Save template
          </button>
        </div>
      )}
      <ConfirmDialog
        open={removingSection !== undefined}
        title="Remove this section?"
        action="Remove"
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => {
          setSections(draft.sections.filter((_, i) => i !== removing));
          setRemoving(undefined);
        }}
      >
        <p>
          “{removingSection?.title}” leaves the template when you save it. Assessments already
          started keep their sections.
        </p>
      </ConfirmDialog>
    </form>
  );
}
