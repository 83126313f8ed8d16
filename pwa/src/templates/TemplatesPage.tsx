import { useState } from 'react';
import type * as Y from 'yjs';
import { BUILT_IN_TEMPLATES, type AssessmentTemplate } from '../../../shared/assessments/index.ts';
import { removeTemplate, saveTemplate } from '../../../shared/documents/registry/index.ts';
import { ConfirmDialog } from '../settings/ConfirmDialog.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { customised } from './template-draft.ts';
import { useWorkspaceTemplates } from './use-templates.ts';
import './templates.css';

export interface TemplatesPageProps {
  registry: Y.Doc | undefined;
  /** Leads and admins write the registry; contributors only read it. */
  canEdit: boolean;
  me: string;
  now?: () => number;
}

interface Open {
  id: string;
  builtIn: boolean;
}

/** `#/templates`: the workspace's assessment templates and the built-ins they start from. */
export function TemplatesPage({ registry, canEdit, me, now = Date.now }: TemplatesPageProps) {
  const { templates, problems } = useWorkspaceTemplates(registry);
  const [open, setOpen] = useState<Open>();
  const [removing, setRemoving] = useState<string>();
  const [error, setError] = useState<string>();
  const own = [...templates.values()].map((t) => t.template);
  const taken = new Set([...own, ...BUILT_IN_TEMPLATES].map((t) => t.id));
  const opened: AssessmentTemplate | undefined = open
    ? open.builtIn
      ? BUILT_IN_TEMPLATES.find((t) => t.id === open.id)
      : templates.get(open.id)?.template
    : undefined;

  function customise(template: AssessmentTemplate) {
    if (!registry) return;
    try {
      const copy = saveTemplate(registry, customised(template, taken), me, now());
      setError(undefined);
      setOpen({ id: copy.id, builtIn: false });
    } catch (failure) {
      setError(`Not copied: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  const row = (template: AssessmentTemplate, builtIn: boolean) => (
    <li key={`${builtIn}-${template.id}`} className="template-row">
      <span>
        <strong>{template.title}</strong>{' '}
        <span className="muted">
          {template.kind === 'risk' ? 'risk assessment' : 'impact assessment'} · version{' '}
          {template.version} · {template.sections.length} sections
        </span>{' '}
        {builtIn && <span className="template-badge">built in</span>}
      </span>
      <span className="template-row-actions">
        <button
          type="button"
          aria-label={`${canEdit && !builtIn ? 'Edit' : 'View'} ${template.title}`}
          onClick={() => setOpen({ id: template.id, builtIn })}
        >
          {canEdit && !builtIn ? 'Edit' : 'View'}
        </button>
        {canEdit && builtIn && (
          <button
            type="button"
            aria-label={`Customise ${template.title}`}
            onClick={() => customise(template)}
          >
            Customise
          </button>
        )}
        {canEdit && !builtIn && (
          <button
            type="button"
            aria-label={`Remove ${template.title}`}
            onClick={() => setRemoving(template.id)}
          >
            Remove
          </button>
        )}
      </span>
    </li>
  );

  return (
    <div className="templates">
      <h1>Assessment templates</h1>
      <p className="muted">
        New assessments start from these. Editing a template never changes an assessment already
        started.{canEdit ? '' : ' Only leads and admins edit them.'}
      </p>
      {error && (
        <p role="alert" className="template-problems">
          {error}
        </p>
      )}
      {problems.length > 0 && (
        <details className="template-problems">
          <summary>{problems.length} stored problems (unreadable templates are hidden)</summary>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </details>
      )}
      <h2>The workspace’s templates</h2>
      {own.length === 0 ? (
        <p className="muted">None yet: customise a built-in one to start.</p>
      ) : (
        <ul className="template-list">{own.map((t) => row(t, false))}</ul>
      )}
      <h2>Built in</h2>
      <ul className="template-list">{BUILT_IN_TEMPLATES.map((t) => row(t, true))}</ul>
      {registry && open && opened && (
        <TemplateEditor
          key={`${open.builtIn}-${open.id}`}
          registry={registry}
          template={opened}
          builtIn={open.builtIn}
          readOnly={!canEdit || open.builtIn}
          me={me}
          now={now}
          onClose={() => setOpen(undefined)}
        />
      )}
      <ConfirmDialog
        open={removing !== undefined}
        title="Remove this template?"
        action="Remove"
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => {
          if (registry && removing) removeTemplate(registry, removing);
          if (open?.id === removing && !open?.builtIn) setOpen(undefined);
          setRemoving(undefined);
        }}
      >
        <p>New assessments can no longer start from it; those already started keep their text.</p>
      </ConfirmDialog>
    </div>
  );
}
