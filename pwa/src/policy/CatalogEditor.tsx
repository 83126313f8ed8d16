import { useState } from 'react';
import type * as Y from 'yjs';
import { CATEGORY_LABELS, type ToolEntry } from '../../../shared/catalog/schema.ts';
import { removeWorkspaceTool, setWorkspaceTool } from '../../../shared/documents/policy/index.ts';
import { ConfirmDialog } from '../settings/ConfirmDialog.tsx';
import { usePolicy } from '../sync/documents.ts';
import { ToolForm } from './ToolForm.tsx';
import { EMPTY_TOOL_FORM, formFromTool, toolFromForm, type ToolErrors } from './tool-form.ts';
import './catalog.css';

interface Props {
  /** The policy document; undefined while this role has none. */
  policy: Y.Doc | undefined;
  canEdit: boolean;
}

type Editing = { mode: 'add' } | { mode: 'edit'; tool: ToolEntry };

const listShown = (items: string[]) => (items.length > 0 ? items.join(', ') : '—');

/**
 * The workspace's own catalog additions (policy `tools`): AI tools the built-in catalog does not
 * know, or corrections of it. Every enrolled extension reads them from the policy, to detect them
 * and show their banners. Leads and admins edit; contributors read.
 */
export function CatalogEditor({ policy, canEdit }: Props) {
  const { tools, problems } = usePolicy(policy);
  const [editing, setEditing] = useState<Editing>();
  const [errors, setErrors] = useState<ToolErrors>({});
  const [message, setMessage] = useState<string>();
  const [removing, setRemoving] = useState<ToolEntry>();
  const editable = canEdit && policy !== undefined;
  const toolProblems = problems.filter((p) => p.startsWith('tools'));

  function open(next: Editing | undefined) {
    setEditing(next);
    setErrors({});
    if (next) setMessage(undefined);
  }

  function save(values: Parameters<typeof toolFromForm>[0]) {
    if (!editable || !editing) return;
    const result = toolFromForm(values, editing.mode === 'edit' ? editing.tool.facts : {});
    if (!result.ok) return setErrors(result.errors);
    if (editing.mode === 'add' && tools.some((t) => t.id === result.tool.id)) {
      return setErrors({ id: ['The workspace already has a tool with this id: edit that one.'] });
    }
    try {
      const saved = setWorkspaceTool(policy, result.tool);
      open(undefined);
      setMessage(`Saved ${saved.name}: every extension picks it up when it next syncs.`);
    } catch (error) {
      setErrors({ form: [error instanceof Error ? error.message : String(error)] });
    }
  }

  function remove(tool: ToolEntry) {
    setRemoving(undefined);
    if (!editable) return;
    removeWorkspaceTool(policy, tool.id);
    if (editing?.mode === 'edit' && editing.tool.id === tool.id) open(undefined);
    setMessage(`Removed ${tool.name} from the workspace catalog.`);
  }

  return (
    <div className="catalog-editor">
      <h1>Workspace catalog</h1>
      <p className="muted">
        AI tools this workspace adds to the built-in catalog. They reach every enrolled extension
        through the policy, which then detects visits to their hosts, calls to their API hosts and
        their browser extensions.
      </p>
      {policy === undefined && <p className="muted">This role does not see the policy.</p>}
      {toolProblems.length > 0 && (
        <details className="notice">
          <summary>
            {toolProblems.length} stored tool{toolProblems.length === 1 ? '' : 's'} could not be
            read and {toolProblems.length === 1 ? 'is' : 'are'} left out (extensions skip them too).
          </summary>
          <ul>
            {toolProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="status-line" role="status">
        {message}
      </p>
      {editable && !editing && (
        <p>
          <button type="button" onClick={() => open({ mode: 'add' })}>
            Add a tool
          </button>
        </p>
      )}
      {editing && (
        <ToolForm
          key={editing.mode === 'edit' ? editing.tool.id : ''}
          initial={editing.mode === 'edit' ? formFromTool(editing.tool) : EMPTY_TOOL_FORM}
          editing={editing.mode === 'edit'}
          errors={errors}
          onSubmit={save}
          onCancel={() => open(undefined)}
        />
      )}
      {tools.length === 0 ? (
        <p className="muted">No tools of the workspace’s own yet.</p>
      ) : (
        <div className="catalog-table-wrap">
          <table className="catalog-table table-cards">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Id</th>
                <th scope="col">Vendor</th>
                <th scope="col">Category</th>
                <th scope="col">Hosts</th>
                <th scope="col">API hosts</th>
                <th scope="col">Extension ids</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {tools.map((tool) => (
                <tr key={tool.id} data-tool-id={tool.id}>
                  <th scope="row">{tool.name}</th>
                  <td data-label="Id">
                    <code>{tool.id}</code>
                  </td>
                  <td data-label="Vendor">{tool.vendor}</td>
                  <td data-label="Category">{CATEGORY_LABELS[tool.category]}</td>
                  <td data-label="Hosts">{listShown(tool.hosts)}</td>
                  <td data-label="API hosts">{listShown(tool.apiHosts)}</td>
                  <td data-label="Extension ids">{listShown(tool.extensionIds)}</td>
                  {editable && (
                    <td className="catalog-actions">
                      <button
                        type="button"
                        aria-label={`Edit ${tool.name}`}
                        onClick={() => open({ mode: 'edit', tool })}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        aria-label={`Remove ${tool.name}`}
                        onClick={() => setRemoving(tool)}
                      >
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!editable && policy !== undefined && (
        <p className="muted">Only admins and leads change the workspace catalog.</p>
      )}
      <ConfirmDialog
        open={removing !== undefined}
        title={`Remove ${removing?.name ?? 'this tool'}?`}
        action="Remove"
        onConfirm={() => removing && remove(removing)}
        onCancel={() => setRemoving(undefined)}
      >
        <p>
          Extensions stop detecting it by this entry when they next sync (a tool of the built-in
          catalog with the same id is detected again as the catalog describes it). Its status for
          employees stays in the policy.
        </p>
      </ConfirmDialog>
    </div>
  );
}
