import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { formatDocumentName } from '../../shared/documents/names.ts';
import type { ConnectionState } from '../background/messages.ts';
import type { Enrolment } from '../enrolment/enrolment.ts';

/** Keeps a Yjs document on this device (y-indexeddb in the real extension, nothing in tests). */
export type LocalPersistence = (
  documentName: string,
  doc: Y.Doc,
) => { whenSynced: Promise<unknown>; destroy(): unknown };

export interface SyncConnection {
  /** This extension's report: it is the only writer. */
  report: Y.Doc;
  /** The workspace's policy: read-only here. */
  policy: Y.Doc;
  /** Resolves when both documents are loaded from this device (before any network). */
  ready: Promise<void>;
  state(): ConnectionState;
  /** Resolves true once the relay has acknowledged every local change to the report, false on timeout. */
  acknowledged(timeoutMs: number): Promise<boolean>;
  /** Whether the relay has acknowledged every local change to the report right now. */
  isAcknowledged(): boolean;
  /** Called whenever the relay catches up with every local change (also after a reconnect). */
  onAcknowledged(listener: () => void): void;
  /**
   * Closes the socket while the documents stay (locally): an open socket would keep the MV3
   * worker awake, and the worker should sleep between events.
   */
  sleep(): void;
  /** Opens the socket again (after `sleep`); does nothing when it is open. */
  wake(): void;
  destroy(): void;
}

/**
 * One WebSocket to the relay carrying the report (read-write) and the policy (read-only), each
 * also kept locally, so that sightings made offline survive the worker being stopped and reach
 * the relay when it is back. A watchdog asks a socket that stopped retrying to connect again
 * (docs/sync.md, "Clients keep a watchdog").
 */
export function openSyncConnection(
  enrolment: Enrolment,
  persist: LocalPersistence,
  online: () => boolean = () => true,
): SyncConnection {
  const report = new Y.Doc();
  const policy = new Y.Doc();
  const reportName = formatDocumentName({
    workspace: enrolment.workspace,
    kind: 'reports',
    id: enrolment.reporterId,
  });
  const policyName = formatDocumentName({ workspace: enrolment.workspace, kind: 'policy' });
  const local = [persist(reportName, report), persist(policyName, policy)];
  const socket = new HocuspocusProviderWebsocket({
    url: enrolment.relayUrl.replace(/^http/, 'ws') + '/sync',
    maxAttempts: 0,
    delay: 1_000,
    maxDelay: 30_000,
  });
  const reportProvider = new HocuspocusProvider({
    websocketProvider: socket,
    name: reportName,
    document: report,
    token: enrolment.token,
  });
  const policyProvider = new HocuspocusProvider({
    websocketProvider: socket,
    name: policyName,
    document: policy,
    token: enrolment.token,
  });
  reportProvider.attach();
  policyProvider.attach();
  let sleeping = false;
  const watchdog = setInterval(() => {
    if (!sleeping && socket.status === 'disconnected' && online()) void socket.connect();
  }, 5_000);

  const isAcknowledged = () => reportProvider.synced && !reportProvider.hasUnsyncedChanges;
  const ackListeners: (() => void)[] = [];
  const notifyIfAcknowledged = () => {
    if (isAcknowledged()) ackListeners.forEach((listener) => listener());
  };
  reportProvider.on('synced', notifyIfAcknowledged);
  reportProvider.on('unsyncedChanges', notifyIfAcknowledged);
  return {
    isAcknowledged,
    onAcknowledged: (listener) => void ackListeners.push(listener),
    report,
    policy,
    ready: Promise.all(local.map((p) => p.whenSynced)).then(() => undefined),
    state() {
      if (!online()) return 'offline';
      if (sleeping) return 'connecting';
      if (socket.status === 'connected' && reportProvider.isAuthenticated) return 'connected';
      return socket.status === 'connecting' || socket.status === 'connected'
        ? 'connecting'
        : 'offline';
    },
    acknowledged(timeoutMs) {
      if (isAcknowledged()) return Promise.resolve(true);
      return new Promise((resolve) => {
        const check = () => {
          if (!isAcknowledged()) return;
          cleanup();
          resolve(true);
        };
        const timer = setTimeout(() => {
          cleanup();
          resolve(false);
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          reportProvider.off('synced', check);
          reportProvider.off('unsyncedChanges', check);
        };
        reportProvider.on('synced', check);
        reportProvider.on('unsyncedChanges', check);
      });
    },
    sleep() {
      if (sleeping) return;
      sleeping = true;
      socket.disconnect();
    },
    wake() {
      if (!sleeping) return;
      sleeping = false;
      void socket.connect();
    },
    destroy() {
      clearInterval(watchdog);
      reportProvider.destroy();
      policyProvider.destroy();
      socket.destroy();
      local.forEach((p) => p.destroy());
    },
  };
}
