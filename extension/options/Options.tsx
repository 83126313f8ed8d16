import { useCallback, useEffect, useState } from 'react';
import type { BackgroundClient } from '../background/background-client.ts';
import type { StatusResponse } from '../background/messages.ts';
import { EnrolmentSection } from './EnrolmentSection.tsx';
import { LedgerSection, type LedgerState } from './LedgerSection.tsx';
import { PrivacySection } from './PrivacySection.tsx';
import { SiteAccessSection, type SiteAccess } from './SiteAccessSection.tsx';
import './options.css';
import { answer, messageOf as message } from '../ui/answer.ts';

interface Props {
  client: BackgroundClient;
  /** The optional access to all sites; the section is left out without it. */
  siteAccess?: SiteAccess;
  /** The extension's own version (from its manifest), shown even if the worker does not answer. */
  version?: string;
}

export function Options({ client, siteAccess, version }: Props) {
  const [status, setStatus] = useState<StatusResponse>();
  const [statusError, setStatusError] = useState<string>();
  const [ledger, setLedger] = useState<LedgerState>({ kind: 'loading' });

  const refresh = useCallback(() => {
    answer(client.status(), (s) => typeof s.version === 'string').then(
      (value) => {
        setStatus(value);
        setStatusError(undefined);
      },
      (error: unknown) => setStatusError(message(error)),
    );
    answer(client.ledger(), (l) => Array.isArray(l.entries)).then(
      (value) => setLedger({ kind: 'ready', ledger: value }),
      (error: unknown) => setLedger({ kind: 'failed', error: message(error) }),
    );
  }, [client]);

  useEffect(refresh, [refresh]);

  const enrolled = status?.enrolled === true;
  return (
    <main className="page options" aria-label="Sightline settings">
      <h1 className="brand">
        <img src="/icons/icon-32.png" width={24} height={24} alt="" /> Sightline settings
      </h1>
      {statusError && <p role="alert">The extension's worker did not answer: {statusError}</p>}
      <EnrolmentSection client={client} status={status} onEnrolled={refresh} />
      <PrivacySection
        enrolled={enrolled}
        workspace={status?.workspace}
        retentionDays={ledger.kind === 'ready' ? ledger.ledger.retentionDays : undefined}
      />
      {siteAccess && <SiteAccessSection access={siteAccess} />}
      <LedgerSection client={client} state={ledger} enrolled={enrolled} onChanged={refresh} />
      {(status ?? version) && (
        <p className="muted" data-testid="version">
          Version {status?.version ?? version}
          {status && ` · installed ${new Date(status.installedAt).toLocaleDateString()}`}
        </p>
      )}
    </main>
  );
}
