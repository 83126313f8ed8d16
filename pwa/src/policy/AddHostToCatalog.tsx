import { useState } from 'react';
import type * as Y from 'yjs';
import { setStatus, setWorkspaceTool } from '../../../shared/documents/policy/index.ts';
import { usePolicy } from '../sync/documents.ts';
import { workspaceToolClaiming, workspaceToolForHost } from './catalog-from-host.ts';

interface Props {
  /** A host the catalog does not know: a likely-AI host, or one an employee flagged. */
  host: string;
  /** The discovery's own tool key (`host:<host>`): its status, if set, carries over. */
  toolKey: string;
  policy: Y.Doc | undefined;
  canEdit: boolean;
}

/**
 * One step from "possibly AI" to a workspace catalog entry: every extension then detects the host
 * by the catalog's rules (visits, calls from other sites) when it next syncs. A status already set
 * for the host carries over to the new entry, so a banned host stays banned.
 */
export function AddHostToCatalog({ host, toolKey, policy, canEdit }: Props) {
  const { tools, statuses } = usePolicy(policy);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const claimed = workspaceToolClaiming(host, tools);
  if (!canEdit || policy === undefined) return null;

  async function add() {
    if (!policy) return;
    try {
      // Loaded on use: the inbox's first screen does not carry the catalog (npm run bench).
      const { builtInCatalog } = await import('../../../shared/catalog/catalog.ts');
      const tool = setWorkspaceTool(policy, workspaceToolForHost(host, tools, builtInCatalog()));
      const status = statuses.get(toolKey);
      if (status) setStatus(policy, tool.id, status);
      setMessage({
        text: `Added ${tool.name} to the workspace catalog (id ${tool.id}): every extension detects it when it next syncs.`,
      });
    } catch (error) {
      setMessage({ text: (error as Error).message ?? String(error), error: true });
    }
  }

  return (
    <section className="add-host-to-catalog" aria-label="Workspace catalog">
      {claimed ? (
        <p className="muted">
          In the workspace catalog as <strong>{claimed.name}</strong>.
        </p>
      ) : (
        <button type="button" onClick={() => void add()}>
          Add {host} to the workspace catalog
        </button>
      )}
      {message && <p role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
