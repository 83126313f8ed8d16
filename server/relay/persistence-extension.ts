import type {
  afterHandleMessagePayload,
  beforeSyncPayload,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import type { GroupCommitLog } from './group-commit.ts';
import type { DocumentStorage } from '../storage/relay-storage.ts';
import { refusal, type StorageHealth, type StorageRefusal } from './storage-health.ts';
import { inspectUpdate } from './update-check.ts';

const SYNC_STEP_1 = 0;
const INVALID_UPDATE = refusal(4400, 'invalid update refused');

/**
 * Connects Hocuspocus to the document store, SQLite or Postgres (docs/sync.md S1–S3, DR1–DR5). A client's update is
 * checked and made durable in `beforeSync` — which Hocuspocus awaits before it applies the update
 * and acknowledges it — so an update whose write fails is never applied nor acknowledged: the hook
 * closes the client's socket (the client keeps the edit and sends it again once reconnected) and
 * throws, which makes Hocuspocus drop the rest of that connection's queue. Changes the relay makes
 * itself, or gets from another relay process, are written from the Y.Doc's `update` event at once.
 * Hocuspocus's debounced onStoreDocument only compacts.
 */
export function persistenceExtension(
  store: DocumentStorage,
  log: GroupCommitLog,
  health: StorageHealth,
): Extension {
  // The highest own log entry each loaded document already contains: compaction folds up to it.
  const appliedThrough = new Map<string, number>();
  // A connection's update that is durable but not yet applied (Hocuspocus applies it after beforeSync).
  const awaitingApply = new WeakMap<object, number>();
  // The Y.Doc loaded under each name: a late callback for a document unloaded since must not
  // move the mark of the one loaded after it, which may not hold that update.
  const loaded = new Map<string, Y.Doc>();
  const advance = (document: Y.Doc, documentName: string, seq: number) => {
    if (loaded.get(documentName) !== document) return;
    appliedThrough.set(documentName, Math.max(appliedThrough.get(documentName) ?? 0, seq));
  };
  return {
    extensionName: 'document-persistence',
    async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
      loaded.set(documentName, document);
      // What this process queued for a copy it just unloaded is committed before it is read back.
      await log.flush();
      applyStored(document, await store.load(documentName), documentName);
      document.on('update', (update: Uint8Array, origin: unknown) => {
        if (fromConnection(origin)) return; // written in beforeSync, before it was applied
        // At once, as before group commit: a document unloaded and loaded again right after must
        // find it in the store. While storage fails it is kept in memory and written on recovery.
        log.appendInBackground(documentName, update, (seq) => advance(document, documentName, seq));
        void log.flush();
      });
    },
    async beforeSync({ type, payload, connection, document, documentName }: beforeSyncPayload) {
      if (type === SYNC_STEP_1 || connection.readOnly) return;
      const verdict = inspectUpdate(document, payload);
      // DR4: thrown as a plain object, so Hocuspocus logs one line without a stack trace.
      if (verdict === 'invalid') throw INVALID_UPDATE;
      if (verdict === 'nothing-new') return;
      try {
        awaitingApply.set(connection, await log.append(documentName, payload));
      } catch (refused) {
        // DR2: the socket closes, so the client reconnects, syncs and sends its edits again.
        const { code, reason } = refused as StorageRefusal;
        connection.webSocket.close(code, reason);
        throw refused;
      }
    },
    async afterHandleMessage({ connection, document, documentName }: afterHandleMessagePayload) {
      const seq = awaitingApply.get(connection);
      if (seq === undefined) return;
      awaitingApply.delete(connection);
      advance(document, documentName, seq);
    },
    async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
      // While storage fails the document stays in memory (Hocuspocus keeps it when this throws).
      if (!health.ok) throw health.refusal();
      const through = appliedThrough.get(documentName);
      if (through === undefined) return; // nothing appended by this process since it loaded
      try {
        await store.compact(documentName, Y.encodeStateAsUpdate(document), through);
      } catch (error) {
        health.fail(error);
        throw health.refusal();
      }
      if (appliedThrough.get(documentName) === through) appliedThrough.delete(documentName);
    },
    async afterUnloadDocument({ documentName }) {
      // Only if no newer copy was loaded meanwhile (Hocuspocus runs this after the unload).
      if ((loaded.get(documentName) as { isDestroyed?: boolean } | undefined)?.isDestroyed) {
        appliedThrough.delete(documentName);
        loaded.delete(documentName);
      }
    },
  };
}

function fromConnection(origin: unknown): boolean {
  return (origin as { source?: unknown } | null)?.source === 'connection';
}

/**
 * Replays the snapshot and the log. Should one entry ever be unreadable (written before updates
 * were checked), the others still load: it is skipped and counted in the log, without its content.
 */
function applyStored(document: Y.Doc, stored: Uint8Array[], documentName: string): void {
  if (stored.length === 0) return;
  try {
    Y.applyUpdate(document, Y.mergeUpdates(stored));
    return;
  } catch {
    // fall through: apply one by one
  }
  let skipped = 0;
  for (const update of stored) {
    try {
      Y.applyUpdate(document, update);
    } catch {
      skipped++;
    }
  }
  console.error(`sightline relay: ${documentName}: skipped ${skipped} unreadable stored update(s)`);
}
