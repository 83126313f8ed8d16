import { useSyncExternalStore } from 'react';
import { Inbox } from '../inbox/Inbox.tsx';
import type { Credentials } from '../session/join-link.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';

interface Props {
  path: string;
  sync: WorkspaceSync;
  credentials: Credentials;
}

/** The joined workspace's page for a route; sections still to come say so. */
export function WorkspaceView({ path, sync, credentials }: Props) {
  const ready = useSyncExternalStore(sync.subscribe, sync.isReady);
  if (!ready) return <p className="muted">Opening {sync.workspace} from this device…</p>;
  if (path === 'inbox' || path === '') {
    return (
      <Inbox
        discoveries={sync.doc('discoveries')}
        policy={sync.doc('policy')}
        canEditPolicy={sync.access.get('policy') === 'write'}
        updatedBy={credentials.tokenId ?? credentials.role}
      />
    );
  }
  const title = path.charAt(0).toUpperCase() + path.slice(1);
  return (
    <div className="prose">
      <h1>{title}</h1>
      <p className="muted">This section arrives with its feature.</p>
    </div>
  );
}
