import type { Extension, Hocuspocus, onChangePayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocumentName } from '../../shared/documents/names.ts';
import type { StorageHealth } from '../relay/storage-health.ts';
import type { CheckpointStorage, DocumentStorage } from '../storage/relay-storage.ts';
import type { Retention } from './checkpoint-store.ts';

export interface CheckpointOptions {
  /** How often changed documents are checkpointed; an hour by default. */
  intervalMs: number;
  retention: Retention;
}

/** The documents people edit together; reports (one extension's own) and derived discoveries are not. */
const KINDS = new Set(['policy', 'registry', 'assessment']);

export function isCheckpointed(documentName: string): boolean {
  const kind = parseDocumentName(documentName)?.kind;
  return kind !== undefined && KINDS.has(kind);
}

/**
 * Takes a checkpoint of every shared document that changed, every `intervalMs` (docs/sync.md DR7):
 * its whole state, from memory when it is loaded, else from the store. A document that has none
 * yet gets its first at the first tick. Skipped while storage fails.
 */
export function checkpointer(
  store: DocumentStorage,
  checkpoints: CheckpointStorage,
  health: StorageHealth,
  options: CheckpointOptions,
): Extension & { takeNow(hocuspocus: Hocuspocus): Promise<number> } {
  const changed = new Set<string>();
  let firstRun = true;
  let timer: NodeJS.Timeout | undefined;
  const takeNow = async (hocuspocus: Hocuspocus): Promise<number> => {
    if (!health.ok) return 0;
    const names = new Set(changed);
    const now = Date.now();
    let taken = 0;
    try {
      if (firstRun) for (const name of await checkpoints.documentsWithout()) names.add(name);
      for (const name of names) {
        if (!isCheckpointed(name)) continue;
        const loaded = hocuspocus.documents.get(name);
        const state = loaded
          ? Y.encodeStateAsUpdate(loaded)
          : Y.mergeUpdates(await store.load(name));
        if (await checkpoints.add(name, now, state, options.retention)) taken++;
        changed.delete(name);
      }
      firstRun = false;
    } catch (error) {
      health.fail(error);
    }
    return taken;
  };
  return {
    extensionName: 'sightline-checkpoints',
    async onConfigure({ instance }) {
      timer = setInterval(() => void takeNow(instance), options.intervalMs);
      timer.unref();
    },
    async onChange({ documentName }: onChangePayload) {
      if (isCheckpointed(documentName)) changed.add(documentName);
    },
    async onDestroy() {
      clearInterval(timer);
    },
    takeNow,
  };
}
