import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { clearDocument } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Access } from '../../../shared/auth/access.ts';
import { formatDocumentName } from '../../../shared/documents/names.ts';
import { withClientReads } from '../../../shared/documents/client-reads.ts';
import { yIndexedDbName } from '../../../shared/storage/persisted-names.ts';
import { STORAGE_UNAVAILABLE_CODE } from '../../../shared/sync/close-codes.ts';
import type { Credentials } from '../session/join-link.ts';
import {
  assessmentDocuments,
  clearAssessmentCopies,
  type OpenedAssessment,
} from './assessment-documents.ts';
import {
  indexedDbPersistence,
  type LocalCopy,
  type LocalPersistence,
} from './local-persistence.ts';
import {
  readableDocuments,
  WORKSPACE_DOCUMENTS,
  type WorkspaceDocument,
} from './readable-documents.ts';
import { syncStatusWords, type SyncFacts } from './sync-status.ts';

export { indexedDbPersistence, type LocalCopy, type LocalPersistence, type OpenedAssessment };

export interface WorkspaceSyncOptions {
  credentials: Credentials;
  /** The relay's WebSocket URL, `ws(s)://host/sync`. */
  url: string;
  persist?: LocalPersistence;
  online?: () => boolean;
  /** How often a socket that stopped is told to connect again while online. */
  watchdogMs?: number;
  /** A WebSocket implementation for Node tests. */
  WebSocketPolyfill?: unknown;
}

export interface WorkspaceSync {
  readonly workspace: string;
  /** The documents this role keeps, and whether it may write them. */
  readonly access: ReadonlyMap<WorkspaceDocument, Access>;
  doc(kind: WorkspaceDocument): Y.Doc | undefined;
  /** Presence on a document (who is looking at what): shared through its provider, never stored. */
  awareness(kind: WorkspaceDocument): Awareness | undefined;
  /**
   * Opens `W/assessment/<id>` (from this device first, then synced on the same socket); call
   * `release()` when done. Throws for a role that may not open assessments or a bad id.
   */
  openAssessment(id: string): OpenedAssessment;
  /** Opens one system's `W/monitoring/<recordId>` on demand, like an assessment (MON1). */
  openMonitoring(recordId: string): OpenedAssessment;
  /** Opens one stakeholder interview `W/interview/<id>` on demand, like an assessment (INT1). */
  openInterview(interviewId: string): OpenedAssessment;
  /** Resolves once every document is loaded from this device; syncing starts after. */
  readonly ready: Promise<void>;
  isReady(): boolean;
  /** online / offline / syncing / N changes waiting. */
  status(): string;
  /** Called on readiness and status changes. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

/**
 * Removes a workspace's documents from this device (sign-out), the assessments opened on it
 * included; close its WorkspaceSync first.
 */
export async function clearWorkspaceData(workspace: string): Promise<void> {
  await Promise.all([
    ...WORKSPACE_DOCUMENTS.map((kind) =>
      clearDocument(yIndexedDbName(formatDocumentName({ workspace, kind }))),
    ),
    clearAssessmentCopies(workspace),
  ]);
}

/** `ws(s)://<this host>/sync`: the relay serves the PWA and the sync on one port. */
export function relayUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/**
 * The workspace's documents for one role, each a Y.Doc kept on this device first and synced
 * through one WebSocket with one provider per document. A watchdog asks a socket that stopped
 * retrying to connect again while the network is up (docs/sync.md, "Clients keep a watchdog").
 */
export function openWorkspaceSync(options: WorkspaceSyncOptions): WorkspaceSync {
  const { credentials } = options;
  const online = options.online ?? (() => navigator.onLine);
  const persist = options.persist ?? indexedDbPersistence;
  const access = readableDocuments(credentials);
  const docs = new Map<
    WorkspaceDocument,
    { name: string; doc: Y.Doc; local: LocalCopy; awareness: Awareness }
  >();
  for (const kind of access.keys()) {
    const name = formatDocumentName({ workspace: credentials.workspace, kind });
    const doc = new Y.Doc();
    // Made here, not by the provider, so presence can be set before the relay is reached.
    docs.set(kind, { name, doc, local: persist(name, doc), awareness: new Awareness(doc) });
  }
  const listeners = new Set<() => void>();
  const providers: HocuspocusProvider[] = [];
  const refused = new Set<HocuspocusProvider>();
  // Refused because this app is older than a document's stored shape (docs/sync.md S5).
  const outdated = new Set<HocuspocusProvider>();
  let socket: HocuspocusProviderWebsocket | undefined;
  let ready = false;
  let destroyed = false;
  let words = 'syncing';
  // Set when the relay closes the socket because its storage fails (DR2), until all is acknowledged.
  let relayCannotStore = false;

  const facts = (): SyncFacts => {
    const all = [
      ...providers,
      ...assessments.providers(),
      ...monitoring.providers(),
      ...interviews.providers(),
    ];
    return {
      online: online(),
      socket: (socket?.status as SyncFacts['socket'] | undefined) ?? 'connecting',
      // A document opened on demand counts from the moment it is opened, not when it attaches.
      allSynced:
        all.every((p) => p.synced) &&
        [assessments, monitoring, interviews].every((kind) => kind.opening() === 0),
      unsyncedChanges: all.reduce((sum, p) => sum + p.unsyncedChanges, 0),
      refused: refused.size > 0,
      updateRequired: outdated.size > 0,
      relayCannotStore,
    };
  };
  const update = () => {
    if (destroyed) return;
    const now = facts();
    if (
      relayCannotStore &&
      now.socket === 'connected' &&
      now.allSynced &&
      now.unsyncedChanges === 0
    )
      relayCannotStore = false;
    words = ready ? syncStatusWords(facts()) : online() ? 'syncing' : 'offline';
    listeners.forEach((listener) => listener());
  };
  // Documents opened on demand, each kind its own set, all on the workspace's socket.
  const onDemand = (kind: 'assessment' | 'monitoring' | 'interview') =>
    assessmentDocuments({
      credentials,
      persist,
      kind,
      onChange: update,
      onRefused(provider, no) {
        if (no) refused.add(provider);
        else refused.delete(provider);
        update();
      },
    });
  const assessments = onDemand('assessment');
  const monitoring = onDemand('monitoring');
  const interviews = onDemand('interview');

  function connect() {
    socket = new HocuspocusProviderWebsocket({
      url: withClientReads(options.url),
      maxAttempts: 0,
      delay: 1_000,
      maxDelay: 30_000,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    socket.on('status', update);
    socket.on('disconnect', ({ event }: { event?: { code?: number } }) => {
      if (event?.code === STORAGE_UNAVAILABLE_CODE) relayCannotStore = true;
      update();
    });
    for (const { name, doc, awareness } of docs.values()) {
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: doc,
        awareness,
        token: credentials.token,
      });
      provider.on('synced', update);
      provider.on('unsyncedChanges', update);
      provider.on('authenticated', () => {
        refused.delete(provider);
        outdated.delete(provider);
        update();
      });
      provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
        (reason === 'update-required' ? outdated : refused).add(provider);
        update();
      });
      provider.attach();
      providers.push(provider);
    }
    assessments.connect(socket);
    monitoring.connect(socket);
    interviews.connect(socket);
  }

  const whenLoaded = Promise.allSettled(
    [...docs.values()].map(({ local }) => local.whenSynced),
  ).then(() => {
    if (destroyed) return;
    ready = true;
    connect();
    update();
  });
  const wake = () => {
    if (socket?.status === 'disconnected' && online()) void socket.connect();
    update();
  };
  const watchdog = setInterval(wake, options.watchdogMs ?? 5_000);
  const hasWindow = typeof window !== 'undefined';
  if (hasWindow) {
    window.addEventListener('online', wake);
    window.addEventListener('offline', update);
  }

  function destroy() {
    if (destroyed) return;
    destroyed = true;
    clearInterval(watchdog);
    if (hasWindow) {
      window.removeEventListener('online', wake);
      window.removeEventListener('offline', update);
    }
    assessments.destroy();
    monitoring.destroy();
    interviews.destroy();
    providers.forEach((provider) => provider.destroy());
    socket?.destroy();
    for (const { doc, local, awareness } of docs.values()) {
      // A provider destroys its awareness; one that never connected has none.
      if (providers.length === 0) awareness.destroy();
      local.destroy();
      doc.destroy();
    }
    listeners.clear();
  }

  return {
    workspace: credentials.workspace,
    access,
    doc: (kind) => docs.get(kind)?.doc,
    awareness: (kind) => docs.get(kind)?.awareness,
    openAssessment: (id) => assessments.open(id),
    openMonitoring: (recordId) => monitoring.open(recordId),
    openInterview: (interviewId) => interviews.open(interviewId),
    ready: whenLoaded,
    isReady: () => ready,
    status: () => words,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy,
  };
}
