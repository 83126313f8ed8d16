import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { MAX_WORKSPACE_NAME, setSettings } from '../../../shared/documents/policy/index.ts';
import { usePolicy } from '../sync/documents.ts';

interface Props {
  /** The workspace's id, shown while it has no display name. */
  workspace: string;
  policy: Y.Doc | undefined;
  canEdit: boolean;
}

/** The workspace's display name (policy settings.workspaceName): leads and admins change it. */
export function WorkspaceSection({ workspace, policy, canEdit }: Props) {
  const stored = usePolicy(policy).settings.workspaceName;
  // undefined: not editing, the field follows the document.
  const [draft, setDraft] = useState<string>();
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string }>();
  const editable = canEdit && policy !== undefined;
  const value = draft ?? stored ?? '';

  function save(event: FormEvent) {
    event.preventDefault();
    if (!editable) return;
    const name = value.trim();
    if (name === '') {
      setMessage({ kind: 'error', text: 'The workspace needs a name.' });
      return;
    }
    try {
      setSettings(policy, { workspaceName: name });
      setDraft(undefined);
      setMessage({ kind: 'saved', text: `Saved: the workspace is called “${name}”.` });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section aria-labelledby="workspace-heading" className="workspace-settings">
      <h2 id="workspace-heading">Workspace</h2>
      <form className="settings-form" aria-label="Workspace name" onSubmit={save}>
        <fieldset disabled={!editable}>
          <label>
            Display name
            <input
              type="text"
              value={value}
              placeholder={workspace}
              maxLength={MAX_WORKSPACE_NAME}
              onChange={(event) => {
                setDraft(event.target.value);
                setMessage(undefined);
              }}
            />
          </label>
          <p className="muted hint">
            Shown to everyone in this workspace. Its id, <code>{workspace}</code>, stays the same.
          </p>
          {editable && (
            <button type="submit" disabled={draft === undefined || draft.trim() === stored}>
              Save name
            </button>
          )}
        </fieldset>
        {!editable && (
          <p className="muted hint">Only admins and leads change the workspace’s name.</p>
        )}
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
