import { useEffect, useState } from 'react';
import type { ApiResult } from './tokens-api.ts';
import { failureShown } from './settings-words.ts';
import {
  fetchEnrolledExtensions,
  type EnrolledExtension,
  type EnrolledExtensions as Listed,
} from './extensions-api.ts';

/** The most rows the page shows; the version counts cover every listed extension. */
const SHOWN = 200;

/** To the hour, as the relay records contact (EXT2): "2026-12-07 14h UTC". */
const hourShown = (ms: number) => {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 13)}h UTC`;
};
const dayShown = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function ExtensionRow({ extension }: { extension: EnrolledExtension }) {
  const { reporterId, version, lastSeenAt, enrolledAt, code, revokedAt, policyError } = extension;
  return (
    <li className="enrolled-extension" data-reporter={reporterId}>
      <span className="mono" title={reporterId}>
        {reporterId.slice(0, 8)}…
      </span>{' '}
      · version {version ?? 'not reported yet'} ·{' '}
      {lastSeenAt === null ? 'never in contact' : `last contact ${hourShown(lastSeenAt)}`} ·
      enrolled {dayShown(enrolledAt)}
      {code && <> with {code.label ? `“${code.label}”` : 'a code'}</>}
      {revokedAt !== null && <> · revoked {dayShown(revokedAt)}</>}
      {policyError && (
        <p className="error small">
          Enrolment by browser policy failed on {dayShown(policyError.at)}: {policyError.message}
        </p>
      )}
    </li>
  );
}

/**
 * The workspace's enrolled extensions, by version and last contact, with the policy enrolment
 * failures they reported (docs/extension.md, "Enrolment"; docs/sync.md EXT1–EXT3).
 */
export function EnrolledExtensions(props: {
  token: string;
  online: boolean;
  load?: () => Promise<ApiResult<Listed>>;
}) {
  const { token, online, load } = props;
  const [listed, setListed] = useState<Listed>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!online) return;
    let alive = true;
    void (load ?? (() => fetchEnrolledExtensions(token)))().then((result) => {
      if (!alive) return;
      if (result.ok) {
        setListed(result.value);
        setError(undefined);
      } else setError(failureShown(result, 'list the enrolled extensions'));
    });
    return () => void (alive = false);
  }, [token, online, load]);

  const failing = listed?.extensions.filter((e) => e.policyError && e.revokedAt === null) ?? [];
  return (
    <section aria-labelledby="enrolled-extensions-heading">
      <h3 id="enrolled-extensions-heading">Enrolled extensions</h3>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {listed === undefined ? (
        !error && online && <p className="muted">Asking the relay…</p>
      ) : listed.extensions.length === 0 ? (
        <p className="muted">No extension is enrolled yet.</p>
      ) : (
        <>
          <p data-testid="extension-versions">
            {listed.versions.map(({ version, count }) => `${version}: ${count}`).join(' · ')}
          </p>
          {failing.length > 0 && (
            <p className="error" role="status">
              {failing.length === 1 ? 'One extension says' : `${failing.length} extensions say`}{' '}
              that enrolment by browser policy failed: see below.
            </p>
          )}
          <ul className="enrolled-extensions">
            {listed.extensions.slice(0, SHOWN).map((extension) => (
              <ExtensionRow key={extension.reporterId} extension={extension} />
            ))}
          </ul>
          {listed.extensions.length > SHOWN && (
            <p className="muted">
              and {listed.extensions.length - SHOWN} more, less recently in contact.
            </p>
          )}
          <p className="muted small">
            Last contact is recorded at most once an hour. An extension that cannot reach the relay
            cannot report why; its browser’s popup says it.
          </p>
        </>
      )}
    </section>
  );
}
