import * as Y from 'yjs';
import { TokenService } from '../auth/token-service.ts';
import type { RelayStorage } from '../storage/relay-storage.ts';

/**
 * Calls the admin API of the relay serving a data folder, with a 5-minute admin token minted from
 * the folder's secret and revoked after: a command's change then goes through the relay's own copy
 * of the document, so running relays use it at once.
 */
export async function callRelayAsAdmin(
  storage: RelayStorage,
  relayUrl: string,
  request: {
    workspace: string;
    label: string;
    method: 'POST' | 'DELETE';
    path: string;
    body?: unknown;
  },
): Promise<{ ok: boolean; body: Record<string, unknown> }> {
  const tokens = new TokenService(await storage.signingSecret(), storage.tokens);
  const admin = await tokens.mint({
    workspace: request.workspace,
    role: 'admin',
    ttlMs: 300_000,
    kind: 'cli',
    label: request.label,
  });
  try {
    const response = await fetch(`${relayUrl}${request.path}`, {
      method: request.method,
      headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    return { ok: response.ok, body: (await response.json()) as Record<string, unknown> };
  } finally {
    await tokens.revoke(admin.id);
  }
}

/**
 * Changes a stored document while no relay serves it: loads it, runs `change`, and appends what
 * changed to its log (a relay reads it when it starts). Returns what `change` returns.
 */
export async function changeStoredDocument<T>(
  storage: RelayStorage,
  name: string,
  change: (doc: Y.Doc) => T,
): Promise<T> {
  const store = storage.documents('main');
  const doc = new Y.Doc();
  const stored = await store.load(name);
  if (stored.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(stored));
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const result = change(doc);
  if (updates.length > 0)
    await store.appendMany(updates.map((update) => ({ document: name, update })));
  return result;
}
