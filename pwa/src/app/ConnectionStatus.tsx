import { useSyncExternalStore } from 'react';
import { useOnline } from '../connection/useOnline.ts';
import { syncStatusTone } from '../sync/sync-status.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';

function Pill({ words }: { words: string }) {
  return (
    <span className={`status ${syncStatusTone(words)}`} role="status" aria-label="connection">
      {words}
    </span>
  );
}

function SyncStatus({ sync }: { sync: WorkspaceSync }) {
  return <Pill words={useSyncExternalStore(sync.subscribe, sync.status)} />;
}

function NetworkStatus() {
  return <Pill words={useOnline() ? 'online' : 'offline'} />;
}

/** The quiet status in the top bar: the workspace's sync once joined, else the network. */
export function ConnectionStatus({ sync }: { sync: WorkspaceSync | undefined }) {
  return sync ? <SyncStatus sync={sync} /> : <NetworkStatus />;
}
