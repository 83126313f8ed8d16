import { useEffect, useState } from 'react';
import type { BackgroundClient } from '../background/background-client.ts';
import type { StatusResponse } from '../background/messages.ts';

export function Options({ client }: { client: BackgroundClient }) {
  const [status, setStatus] = useState<StatusResponse>();
  useEffect(() => {
    client.status().then(setStatus, () => setStatus(undefined));
  }, [client]);

  return (
    <main className="page" aria-label="Sightline settings">
      <h1 className="brand">Sightline settings</h1>
      <section>
        <h2>Privacy</h2>
        <p>
          Sightline records only the hostnames of known AI tools you visit, never full addresses,
          page content or anything you type. Until you enrol in a workspace, nothing leaves this
          browser.
        </p>
      </section>
      {status && (
        <p className="muted">
          Version {status.version} · installed {new Date(status.installedAt).toLocaleDateString()}
        </p>
      )}
    </main>
  );
}
