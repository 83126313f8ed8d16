import { useEffect, useSyncExternalStore } from 'react';
import { useOnline } from '../connection/useOnline.ts';
import { UPDATE_REQUIRED, syncStatusTone } from '../sync/sync-status.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';

function Pill({ words }: { words: string }) {
  return (
    <span className={`status ${syncStatusTone(words)}`} role="status" aria-label="connection">
      {words}
    </span>
  );
}

interface SyncProps {
  sync: WorkspaceSync;
  /** Called when the relay refuses a document this app is too old to read (docs/sync.md S5). */
  onUpdateRequired?: (() => void) | undefined;
}

function SyncStatus({ sync, onUpdateRequired }: SyncProps) {
  const words = useSyncExternalStore(sync.subscribe, sync.status);
  const outdated = words === UPDATE_REQUIRED;
  useEffect(() => {
    if (outdated) onUpdateRequired?.();
  }, [outdated, onUpdateRequired]);
  return <Pill words={words} />;
}

function NetworkStatus() {
  return <Pill words={useOnline() ? 'online' : 'offline'} />;
}

/** The quiet status in the top bar: the workspace's sync once joined, else the network. */
export function ConnectionStatus({
  sync,
  onUpdateRequired,
}: Omit<SyncProps, 'sync'> & { sync: WorkspaceSync | undefined }) {
  return sync ? <SyncStatus sync={sync} onUpdateRequired={onUpdateRequired} /> : <NetworkStatus />;
}
