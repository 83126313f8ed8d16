import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { clearDocument } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { accessFor, type Access } from '../../../shared/auth/access.ts';
import { formatDocumentName } from '../../../shared/documents/names.ts';
import { yIndexedDbName } from '../../../shared/storage/persisted-names.ts';
import type { Credentials } from '../session/join-link.ts';
import type { LocalCopy, LocalPersistence } from './local-persistence.ts';

/** One opened `W/assessment/<id>`: shared by every component that holds it. */
export interface OpenedAssessment {
  readonly doc: Y.Doc;
  /** Presence (cursors and names in the editor): through the provider, never stored. */
  readonly awareness: Awareness;
  readonly access: Access;
  /** Resolves once the copy on this device is loaded; syncing starts after. */
  readonly ready: Promise<void>;
  /** Gives this hold back; the last one closes the document (its local copy stays). */
  release(): void;
}

interface Entry {
  name: string;
  doc: Y.Doc;
  awareness: Awareness;
  local: LocalCopy;
  loaded: boolean;
  holds: number;
  provider?: HocuspocusProvider;
}

export interface AssessmentDocuments {
  open(id: string): OpenedAssessment;
  /** Called once the workspace's socket exists: loaded documents start syncing on it. */
  connect(socket: HocuspocusProviderWebsocket): void;
  providers(): HocuspocusProvider[];
  /** Documents opened but not yet syncing (their local copy still loading, or no socket yet). */
  opening(): number;
  destroy(): void;
}

export interface AssessmentDocumentsOptions {
  credentials: Credentials;
  /**
   * Which documents opened on demand: assessments (the default), or one system's monitoring
   * (`W/monitoring/<recordId>`, docs/monitoring.md) or one stakeholder interview
   * (`W/interview/<id>`, INT1), which collect their garbage as usual.
   */
  kind?: 'assessment' | 'monitoring' | 'interview';
  persist: LocalPersistence;
  /** Called when a provider's sync state changes (the top bar's status). */
  onChange: () => void;
  onRefused: (provider: HocuspocusProvider, refused: boolean) => void;
}

/**
 * Assessments open on demand, not with the workspace: there can be many, and each keeps its
 * deleted text (`gc: false`, docs/assessments.md), so only those in use are loaded. Holds are
 * counted, so two components showing one assessment share one Y.Doc, one local copy and one
 * provider on the workspace's socket.
 */
export function assessmentDocuments(options: AssessmentDocumentsOptions): AssessmentDocuments {
  const { credentials } = options;
  const kind = options.kind ?? 'assessment';
  const entries = new Map<string, Entry>();
  let socket: HocuspocusProviderWebsocket | undefined;
  let destroyed = false;

  function attach(entry: Entry) {
    if (!socket || !entry.loaded || entry.provider || destroyed) return;
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: entry.name,
      document: entry.doc,
      awareness: entry.awareness,
      token: credentials.token,
    });
    provider.on('synced', options.onChange);
    provider.on('unsyncedChanges', options.onChange);
    provider.on('authenticated', () => options.onRefused(provider, false));
    provider.on('authenticationFailed', () => options.onRefused(provider, true));
    provider.attach();
    entry.provider = provider;
    options.onChange();
  }

  function close(id: string, entry: Entry) {
    entries.delete(id);
    if (entry.provider) {
      options.onRefused(entry.provider, false);
      entry.provider.destroy(); // destroys the awareness too
    } else entry.awareness.destroy();
    entry.local.destroy();
    entry.doc.destroy();
    options.onChange();
  }

  function open(id: string): OpenedAssessment {
    if (destroyed) throw new Error('the workspace is closed');
    const name = formatDocumentName({ workspace: credentials.workspace, kind, id });
    const access = accessFor(credentials, { workspace: credentials.workspace, kind, id });
    if (access === 'none') throw new Error(`a ${credentials.role} cannot open ${kind} documents`);
    let entry = entries.get(id);
    if (!entry) {
      // gc: false on every replica, or a version's snapshot can no longer rebuild its text.
      const doc = new Y.Doc({ gc: kind !== 'assessment' });
      const created: Entry = {
        name,
        doc,
        awareness: new Awareness(doc),
        local: options.persist(name, doc),
        loaded: false,
        holds: 0,
      };
      entry = created;
      entries.set(id, created);
      void Promise.resolve(created.local.whenSynced)
        .catch(() => {})
        .then(() => {
          created.loaded = true;
          attach(created);
        });
      // Not yet in sync: the top bar says so, rather than "online" until the provider exists.
      options.onChange();
    }
    entry.holds++;
    const held = entry;
    let released = false;
    return {
      doc: held.doc,
      awareness: held.awareness,
      access,
      ready: Promise.resolve(held.local.whenSynced).then(
        () => {},
        () => {},
      ),
      release() {
        if (released) return;
        released = true;
        held.holds--;
        if (held.holds === 0 && entries.get(id) === held) close(id, held);
      },
    };
  }

  return {
    open,
    connect(next) {
      socket = next;
      entries.forEach(attach);
    },
    providers: () => [...entries.values()].flatMap((e) => (e.provider ? [e.provider] : [])),
    opening: () => [...entries.values()].filter((e) => !e.provider).length,
    destroy() {
      [...entries].forEach(([id, entry]) => close(id, entry));
      destroyed = true;
    },
  };
}

/** The y-indexeddb names of a workspace's assessment copies: `sightline-ydoc:W/assessment/…`. */
export function assessmentCopyPrefix(workspace: string, kind = 'assessment'): string {
  return yIndexedDbName(`${workspace}/${kind}/`);
}

/**
 * Removes every assessment copy of a workspace from this device. The names come from IndexedDB
 * itself (`indexedDB.databases()`), not from a list kept beside them: a list can miss a copy
 * (a crash between opening and noting it, another tab), the database names cannot.
 */
export async function clearAssessmentCopies(
  workspace: string,
  factory: Pick<IDBFactory, 'databases'> | undefined = globalThis.indexedDB,
): Promise<void> {
  if (!factory || typeof factory.databases !== 'function') return;
  const prefixes = ['assessment', 'monitoring', 'interview'].map((kind) =>
    assessmentCopyPrefix(workspace, kind),
  );
  const names = (await factory.databases())
    .map((info) => info.name)
    .filter(
      (name): name is string =>
        typeof name === 'string' && prefixes.some((prefix) => name.startsWith(prefix)),
    );
  await Promise.all(names.map((name) => clearDocument(name)));
}
