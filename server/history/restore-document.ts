import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { previewRevert, revertTo } from '../../shared/documents/revert-to.ts';
import type { CheckpointStorage, DocumentStorage } from '../storage/relay-storage.ts';

export interface RestoreResult {
  /** When the checkpoint that was restored was taken (epoch ms). */
  from: number;
  /** What changed, or would change with `preview` (revertTo's descriptions). */
  changes: string[];
  applied: boolean;
}

export class NoCheckpointError extends Error {
  override name = 'NoCheckpointError';
}

async function checkpointDoc(checkpoints: CheckpointStorage, documentName: string, at: number) {
  const checkpoint = await checkpoints.atOrBefore(documentName, at);
  if (!checkpoint)
    throw new NoCheckpointError(
      `no checkpoint of ${documentName} at or before ${new Date(at).toISOString()}`,
    );
  const old = new Y.Doc();
  Y.applyUpdate(old, checkpoint.data);
  return { from: checkpoint.at, old };
}

/**
 * Brings a document the relay serves back to its checkpoint at or before `at`, as new changes made
 * through a direct connection: every connected client receives them live, and they are stored like
 * any change (docs/sync.md DR8). `preview` computes the changes on a copy and applies nothing.
 */
export async function restoreLive(
  hocuspocus: Hocuspocus,
  checkpoints: CheckpointStorage,
  documentName: string,
  at: number,
  preview: boolean,
  /** Makes what is queued durable now; rejects when storage fails. */
  makeDurable: () => Promise<void>,
): Promise<RestoreResult> {
  const { from, old } = await checkpointDoc(checkpoints, documentName, at);
  const connection = await hocuspocus.openDirectConnection(documentName, { restore: true });
  try {
    let changes: string[] = [];
    if (preview) changes = previewRevert(connection.document!, old);
    else await connection.transact((doc) => (changes = revertTo(doc, old)));
    if (!preview) await makeDurable();
    return { from, changes, applied: !preview && changes.length > 0 };
  } finally {
    await connection.disconnect();
  }
}

/** The same, straight into the store, for a data folder no relay is serving. */
export async function restoreOffline(
  store: DocumentStorage,
  checkpoints: CheckpointStorage,
  documentName: string,
  at: number,
  preview: boolean,
): Promise<RestoreResult> {
  const { from, old } = await checkpointDoc(checkpoints, documentName, at);
  const current = new Y.Doc();
  const stored = await store.load(documentName);
  if (stored.length > 0) Y.applyUpdate(current, Y.mergeUpdates(stored));
  if (preview) return { from, changes: previewRevert(current, old), applied: false };
  const updates: Uint8Array[] = [];
  current.on('update', (update: Uint8Array) => updates.push(update));
  let changes: string[] = [];
  current.transact(() => (changes = revertTo(current, old)));
  if (updates.length > 0)
    await store.appendMany(updates.map((update) => ({ document: documentName, update })));
  return { from, changes, applied: updates.length > 0 };
}
