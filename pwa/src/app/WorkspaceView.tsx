import { lazy, Suspense, useSyncExternalStore } from 'react';
import { ImportView } from '../imports/ImportView.tsx';
import { Inbox } from '../inbox/Inbox.tsx';
import { Inventory } from '../inventory/Inventory.tsx';
import { presenceUser, RecordPresenceProvider } from '../inventory/record/presence.ts';
import { CatalogEditor } from '../policy/CatalogEditor.tsx';
import { parseRoute, useHash } from '../router/hash-route.ts';
import { personOf, type Credentials } from '../session/join-link.ts';
import { Settings } from '../settings/Settings.tsx';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';

// The dashboard brings a charting library: it loads when first opened, not with the app.
const Dashboard = lazy(() =>
  import('../dashboard/Dashboard.tsx').then((module) => ({ default: module.Dashboard })),
);

interface Props {
  path: string;
  sync: WorkspaceSync;
  credentials: Credentials;
}

/** The joined workspace's page for a route; sections still to come say so. */
export function WorkspaceView({ path, sync, credentials }: Props) {
  const ready = useSyncExternalStore(sync.subscribe, sync.isReady);
  const { rest } = parseRoute(useHash());
  // People and invitations talk to the relay; the sections kept in documents wait for them.
  if (path === 'settings') return <Settings credentials={credentials} sync={sync} />;
  if (!ready) return <p className="muted">Opening {sync.workspace} from this device…</p>;
  if (path === 'inbox' || path === '') {
    return (
      <Inbox
        discoveries={sync.doc('discoveries')}
        policy={sync.doc('policy')}
        canEditPolicy={sync.access.get('policy') === 'write'}
        updatedBy={personOf(credentials)}
        registry={sync.doc('registry')}
        canTriage={sync.access.get('registry') === 'write'}
        workspace={sync.workspace}
      />
    );
  }
  if (path === 'inventory') {
    return (
      <RecordPresenceProvider
        value={{ awareness: sync.awareness('registry'), user: presenceUser(credentials) }}
      >
        <Inventory
          key={rest[0] ?? ''}
          registry={sync.doc('registry')}
          recordId={rest[0]}
          canEdit={sync.access.get('registry') === 'write'}
          me={personOf(credentials)}
          workspace={sync.workspace}
        />
      </RecordPresenceProvider>
    );
  }
  if (path === 'dashboard') {
    return (
      <Suspense fallback={<p className="muted">Opening the dashboard…</p>}>
        <Dashboard
          registry={sync.doc('registry')}
          discoveries={sync.doc('discoveries')}
          policy={sync.doc('policy')}
        />
      </Suspense>
    );
  }
  if (path === 'catalog') {
    return (
      <CatalogEditor policy={sync.doc('policy')} canEdit={sync.access.get('policy') === 'write'} />
    );
  }
  if (path === 'import') {
    return (
      <ImportView
        registry={sync.doc('registry')}
        policy={sync.doc('policy')}
        canImport={sync.access.get('registry') === 'write'}
        me={personOf(credentials)}
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
