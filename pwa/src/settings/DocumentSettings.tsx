import { useSyncExternalStore } from 'react';
import { personOf, type Credentials } from '../session/join-link.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import { AccountDomainsSection } from './AccountDomainsSection.tsx';
import { GovernanceSection } from './GovernanceSection.tsx';
import { TierSchemeSection } from './TierSchemeSection.tsx';
import { WorkspaceSection } from './WorkspaceSection.tsx';

interface Props {
  sync: WorkspaceSync;
  credentials: Credentials;
  now?: (() => number) | undefined;
}

/**
 * The settings kept in the workspace's documents: its name (policy) and its tier scheme
 * (registry). They wait for this device's copies, so an edit never lands on an empty document.
 */
export function DocumentSettings({ sync, credentials, now }: Props) {
  const ready = useSyncExternalStore(sync.subscribe, sync.isReady);
  if (!ready) return <p className="muted">Opening {sync.workspace} from this device…</p>;
  const me = personOf(credentials);
  const registry = sync.doc('registry');
  return (
    <>
      <WorkspaceSection
        workspace={credentials.workspace}
        policy={sync.doc('policy')}
        canEdit={sync.access.get('policy') === 'write'}
      />
      <AccountDomainsSection
        policy={sync.doc('policy')}
        canEdit={sync.access.get('policy') === 'write'}
      />
      {registry ? (
        <TierSchemeSection
          registry={registry}
          canEdit={sync.access.get('registry') === 'write'}
          me={me}
          {...(now ? { now } : {})}
        />
      ) : (
        <section aria-labelledby="tiers-heading">
          <h2 id="tiers-heading">Tier scheme</h2>
          <p className="muted">This role does not see the registry, where the tiers are kept.</p>
        </section>
      )}
      {registry && (
        <GovernanceSection
          registry={registry}
          canEdit={sync.access.get('registry') === 'write'}
          me={me}
          {...(now ? { now } : {})}
        />
      )}
    </>
  );
}
