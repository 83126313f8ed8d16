import * as Y from 'yjs';
import type { SyncConnection } from '../sync/sync-connection.ts';
import type { ConnectionState } from './messages.ts';

/**
 * An in-memory stand-in for the relay connection, for unit tests: the "relay" is a Y.Doc that
 * receives every report update while `online` is true, and `acknowledged` says whether it has all.
 */
export function fakeSyncConnection(options: { online?: boolean } = {}) {
  const report = new Y.Doc();
  const policy = new Y.Doc();
  const relayReport = new Y.Doc();
  let online = options.online ?? true;
  const ackListeners: (() => void)[] = [];
  const deliver = () => {
    if (!online) return;
    Y.applyUpdate(relayReport, Y.encodeStateAsUpdate(report, Y.encodeStateVector(relayReport)));
    ackListeners.forEach((listener) => listener());
  };
  report.on('update', deliver);
  const connection: SyncConnection & {
    relayReport: Y.Doc;
    setOnline(value: boolean): void;
    sleeping: boolean;
  } = {
    report,
    policy,
    relayReport,
    ready: Promise.resolve(),
    state: (): ConnectionState => (online ? 'connected' : 'offline'),
    async acknowledged() {
      deliver();
      return online;
    },
    isAcknowledged: () => online,
    onAcknowledged: (listener) => void ackListeners.push(listener),
    sleeping: false,
    sleep() {
      connection.sleeping = true;
    },
    wake() {
      connection.sleeping = false;
    },
    destroy() {},
    setOnline(value) {
      online = value;
      deliver();
    },
  };
  return connection;
}
