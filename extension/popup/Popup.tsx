import { useEffect, useState } from 'react';
import type { BackgroundClient } from '../background/background-client.ts';
import type { StatusResponse } from '../background/messages.ts';

export function Popup({ client }: { client: BackgroundClient }) {
  const [status, setStatus] = useState<StatusResponse | { error: string }>();
  useEffect(() => {
    client.status().then(setStatus, (error: unknown) => setStatus({ error: String(error) }));
  }, [client]);

  return (
    <main className="page popup" aria-label="Sightline">
      <h1 className="brand">
        <img src="/icons/icon-32.png" width={20} height={20} alt="" /> Sightline
      </h1>
      {status === undefined && <p className="muted">Loading…</p>}
      {status && 'error' in status && (
        <p role="alert">The extension's worker did not answer: {status.error}</p>
      )}
      {status && 'version' in status && (
        <p className="muted" data-testid="sync-state">
          {status.enrolled
            ? 'Enrolled in your workspace.'
            : 'Not enrolled: detection works on this device only, and nothing leaves your browser.'}
        </p>
      )}
    </main>
  );
}
