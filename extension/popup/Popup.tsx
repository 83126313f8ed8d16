import { useEffect, useState } from 'react';
import type { BackgroundClient } from '../background/background-client.ts';
import { ConcernSection } from './ConcernSection.tsx';
import { FlagSection } from './FlagSection.tsx';
import { SiteSection, type SiteState } from './SiteSection.tsx';
import { statusStore, useStatus, type StatusStore } from './status-store.ts';
import { SyncState } from './SyncState.tsx';
import './popup.css';
import { answer, isObject, messageOf as message } from '../ui/answer.ts';

interface Props {
  client: BackgroundClient;
  /**
   * The active tab's URL; undefined when the browser did not give one. May still be on its way:
   * the popup renders (and asks for its sync state) without waiting for the tab query.
   */
  url: string | undefined | Promise<string | undefined>;
  openOptions: () => void;
  /** The worker's status, asked before the popup mounted; asked at mount when not given. */
  status?: StatusStore;
  now?: () => number;
}

export function Popup({ client, url, openOptions, status: given, now = Date.now }: Props) {
  const [store] = useState(() => given ?? statusStore(client.status()));
  const status = useStatus(store);
  const [site, setSite] = useState<SiteState>(
    url === undefined ? { kind: 'ready', site: {} } : { kind: 'loading' },
  );

  useEffect(() => {
    if (url === undefined) return;
    let live = true;
    Promise.resolve(url)
      .then((known) => (known === undefined ? {} : answer(client.site(known), isObject)))
      .then(
        (value) => live && setSite({ kind: 'ready', site: value }),
        (error: unknown) => live && setSite({ kind: 'failed', error: message(error) }),
      );
    return () => {
      live = false;
    };
  }, [client, url]);

  return (
    <main className="page popup" aria-label="Sightline">
      <h1 className="brand">
        <img src="/icons/icon-32.png" width={20} height={20} alt="" /> Sightline
      </h1>
      <SiteSection state={site} />
      <FlagSection
        client={client}
        site={site.kind === 'ready' ? site.site : undefined}
        enrolled={status.kind === 'ready' && status.status.enrolled}
      />
      <ConcernSection
        client={client}
        site={site.kind === 'ready' ? site.site : undefined}
        enrolled={status.kind === 'ready' && status.status.enrolled}
      />
      <SyncState state={status} now={now()} />
      <p className="footer">
        <button type="button" className="link" onClick={openOptions}>
          Privacy and settings
        </button>
      </p>
    </main>
  );
}
