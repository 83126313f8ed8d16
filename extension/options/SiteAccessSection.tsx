import { useEffect, useState } from 'react';
import { messageOf } from '../ui/answer.ts';

/** The optional access to all sites, as the entrypoint wires it to `browser.permissions`. */
export interface SiteAccess {
  granted(): Promise<boolean>;
  /** Must run in the click's handler: the browser asks the employee. */
  request(): Promise<boolean>;
  remove(): Promise<boolean>;
}

/** "AI inside other sites": the one optional permission, asked for only when the employee agrees. */
export function SiteAccessSection({ access }: { access: SiteAccess }) {
  const [granted, setGranted] = useState<boolean>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    access.granted().then(setGranted, (e: unknown) => setError(messageOf(e)));
  }, [access]);

  const change = (ask: () => Promise<boolean>) => {
    setError(undefined);
    ask()
      .then(() => access.granted())
      .then(setGranted, (e: unknown) => setError(messageOf(e)));
  };

  return (
    <section aria-labelledby="site-access">
      <h2 id="site-access">AI inside other sites</h2>
      <p>
        Many sites call AI services from inside their pages, for example a support chat. To notice
        it, Sightline needs access to all sites. It then keeps only the site’s hostname and the AI
        service’s, never the page or what you do there. This is optional and off until you turn it
        on.
      </p>
      {granted === undefined && !error && <p className="muted">Checking…</p>}
      {granted === true && (
        <p data-testid="site-access-state">
          On: AI called from inside sites is noticed.{' '}
          <button type="button" className="secondary" onClick={() => change(() => access.remove())}>
            Turn off
          </button>
        </p>
      )}
      {granted === false && (
        <p data-testid="site-access-state">
          Off: only AI tools you open yourself are noticed.{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => change(() => access.request())}
          >
            Allow access to all sites
          </button>
        </p>
      )}
      {error !== undefined && <p role="alert">The browser did not change the access: {error}</p>}
    </section>
  );
}
