import { lazyChunk } from '../error-boundary/lazy-chunk.tsx';
import { InterviewContext } from '../aims/interviews/interview-context.ts';
import { MonitoringContext } from '../monitoring/monitoring-context.ts';
import { Suspense, useSyncExternalStore, type ReactNode } from 'react';
import { Inbox } from '../inbox/Inbox.tsx';
import { PeopleProvider } from '../people/people-context.tsx';
import { presenceUser, RecordPresenceProvider } from '../inventory/record/presence.ts';
import { parseRoute, useHash } from '../router/hash-route.ts';
import { personOf, type Credentials } from '../session/join-link.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';

// The inbox comes with the app; every other page loads when first opened (the dashboard brings a
// charting library, the inventory a table and a search index), which keeps the first load small.
const Inventory = lazyChunk(() =>
  import('../inventory/Inventory.tsx').then((module) => module.Inventory),
);
const Dashboard = lazyChunk(() =>
  import('../dashboard/Dashboard.tsx').then((module) => module.Dashboard),
);
const ImportView = lazyChunk(() =>
  import('../imports/ImportView.tsx').then((module) => module.ImportView),
);
const CatalogEditor = lazyChunk(() =>
  import('../policy/CatalogEditor.tsx').then((module) => module.CatalogEditor),
);
const AssessmentList = lazyChunk(() =>
  import('../assessments/AssessmentList.tsx').then((module) => module.AssessmentList),
);
const AssessmentView = lazyChunk(() =>
  import('../assessments/AssessmentView.tsx').then((module) => module.AssessmentView),
);
const Settings = lazyChunk(() =>
  import('../settings/Settings.tsx').then((module) => module.Settings),
);
const RiskRegister = lazyChunk(() =>
  import('../risks/RiskRegister.tsx').then((module) => module.RiskRegister),
);
const SoaPage = lazyChunk(() => import('../soa/SoaPage.tsx').then((module) => module.SoaPage));
const Iso27001Page = lazyChunk(() =>
  import('../iso27001/Iso27001Page.tsx').then((module) => module.Iso27001Page),
);
const IncidentsPage = lazyChunk(() =>
  import('../incidents/IncidentsPage.tsx').then((module) => module.IncidentsPage),
);
const ManagementSystem = lazyChunk(() =>
  import('../aims/ManagementSystem.tsx').then((module) => module.ManagementSystem),
);
const CatalogBrowser = lazyChunk(() =>
  import('../catalog-browser/CatalogBrowser.tsx').then((module) => module.CatalogBrowser),
);
const NotificationsPage = lazyChunk(() =>
  import('../notifications/NotificationsPage.tsx').then((module) => module.NotificationsPage),
);
const TemplatesPage = lazyChunk(() =>
  import('../templates/TemplatesPage.tsx').then((module) => module.TemplatesPage),
);

const opening = (what: string) => <p className="muted">Opening {what}…</p>;
const page = (what: string, node: ReactNode) => (
  <Suspense fallback={opening(what)}>{node}</Suspense>
);

interface Props {
  path: string;
  sync: WorkspaceSync;
  credentials: Credentials;
}

/** The joined workspace's page for a route, with its people directory for every person field. */
export function WorkspaceView(props: Props) {
  const { sync, credentials } = props;
  return (
    <PeopleProvider
      registry={sync.doc('registry')}
      canWrite={sync.access.get('registry') === 'write'}
      label={credentials.label}
      me={personOf(credentials)}
    >
      <WorkspacePage {...props} />
    </PeopleProvider>
  );
}

/** The page for a route; sections still to come say so. */
function WorkspacePage({ path, sync, credentials }: Props) {
  const ready = useSyncExternalStore(sync.subscribe, sync.isReady);
  const { rest } = parseRoute(useHash());
  // People and invitations talk to the relay; the sections kept in documents wait for them.
  if (path === 'settings') {
    return page('the settings', <Settings credentials={credentials} sync={sync} />);
  }
  if (!ready) return opening(`${sync.workspace} from this device`);
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
    return page(
      'the inventory',
      <RecordPresenceProvider
        value={{ awareness: sync.awareness('registry'), user: presenceUser(credentials) }}
      >
        <MonitoringContext.Provider value={sync.openMonitoring}>
          <Inventory
            key={rest[0] ?? ''}
            registry={sync.doc('registry')}
            policy={sync.doc('policy')}
            recordId={rest[0]}
            canEdit={sync.access.get('registry') === 'write'}
            isAdmin={credentials.role === 'admin'}
            me={personOf(credentials)}
            workspace={sync.workspace}
          />
        </MonitoringContext.Provider>
      </RecordPresenceProvider>,
    );
  }
  if (path === 'dashboard') {
    return page(
      'the dashboard',
      <Dashboard
        registry={sync.doc('registry')}
        discoveries={sync.doc('discoveries')}
        policy={sync.doc('policy')}
      />,
    );
  }
  if (path === 'risks' || path === 'soa') {
    const Page = path === 'risks' ? RiskRegister : SoaPage;
    return page(
      path === 'risks' ? 'the risk register' : 'the Statement of Applicability',
      <Page
        registry={sync.doc('registry')}
        canEdit={sync.access.get('registry') === 'write'}
        me={personOf(credentials)}
        workspace={sync.workspace}
      />,
    );
  }
  if (path === 'iso27001') {
    return page(
      'the ISO 27001 integration',
      <Iso27001Page
        registry={sync.doc('registry')}
        canEdit={sync.access.get('registry') === 'write'}
        me={personOf(credentials)}
        workspace={sync.workspace}
      />,
    );
  }
  if (path === 'aims') {
    return page(
      'the management system',
      <InterviewContext.Provider value={sync.openInterview}>
        <ManagementSystem
          registry={sync.doc('registry')}
          policy={sync.doc('policy')}
          discoveries={sync.doc('discoveries')}
          canEditPolicy={sync.access.get('policy') === 'write'}
          canEdit={sync.access.get('registry') === 'write'}
          me={personOf(credentials)}
          workspace={sync.workspace}
          section={rest[0]}
        />
      </InterviewContext.Provider>,
    );
  }
  if (path === 'assessments') {
    return rest[0]
      ? page(
          'the assessment',
          <AssessmentView
            key={rest[0]}
            sync={sync}
            assessmentId={rest[0]}
            role={credentials.role}
            me={personOf(credentials)}
            user={presenceUser(credentials)}
          />,
        )
      : page(
          'the assessments',
          <AssessmentList
            registry={sync.doc('registry')}
            canCreate={sync.access.get('registry') === 'write'}
            openAssessment={sync.openAssessment}
            me={personOf(credentials)}
          />,
        );
  }
  if (path === 'incidents') {
    return page(
      'the incidents',
      <IncidentsPage
        registry={sync.doc('registry')}
        discoveries={sync.doc('discoveries')}
        canEdit={sync.access.get('registry') === 'write'}
        me={personOf(credentials)}
        workspace={sync.workspace}
        incidentId={rest[0]}
      />,
    );
  }
  if (path === 'notifications') {
    return page('the notifications', <NotificationsPage sync={sync} credentials={credentials} />);
  }
  if (path === 'templates') {
    return page(
      'the templates',
      <TemplatesPage
        registry={sync.doc('registry')}
        canEdit={sync.access.get('registry') === 'write'}
        me={personOf(credentials)}
      />,
    );
  }
  if (path === 'catalog') {
    return page(
      'the catalog',
      <CatalogEditor policy={sync.doc('policy')} canEdit={sync.access.get('policy') === 'write'} />,
    );
  }
  if (path === 'tools') {
    return page(
      'the tool catalog',
      <CatalogBrowser
        discoveries={sync.doc('discoveries')}
        policy={sync.doc('policy')}
        toolId={rest[0]}
      />,
    );
  }
  if (path === 'import') {
    return page(
      'the import',
      <ImportView
        registry={sync.doc('registry')}
        policy={sync.doc('policy')}
        canImport={sync.access.get('registry') === 'write'}
        me={personOf(credentials)}
      />,
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
