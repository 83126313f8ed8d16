import type { StatusResponse } from '../background/messages.ts';
import { PolicyError } from '../ui/PolicyError.tsx';
import { countOf, timeAgo } from '../ui/relative-time.ts';

export const NOT_ENROLLED_SENTENCE =
  'Not enrolled: detection works on this device only, and nothing leaves your browser.';

/** The sync state in words, one short line each. */
export function syncLines(status: StatusResponse, now: number): string[] {
  if (!status.enrolled) return [NOT_ENROLLED_SENTENCE];
  const lines = [`Enrolled in ${status.workspace ?? 'your workspace'}.`];
  if (status.connection === 'offline') {
    lines.push('Offline: what is recorded waits here and syncs when the network returns.');
  } else if (status.connection === 'connecting') {
    lines.push('Connecting to your workspace…');
  } else if (status.connection === 'not-enrolled') {
    lines.push('Not connected to your workspace yet.');
  }
  lines.push(
    status.lastSyncAt === undefined
      ? 'Not synced yet.'
      : `Synced ${timeAgo(status.lastSyncAt, now)}.`,
  );
  lines.push(
    status.pending === 0
      ? 'Nothing waiting to sync.'
      : `${countOf(status.pending, 'change')} waiting to sync.`,
  );
  return lines;
}

export type StatusState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: string }
  | { kind: 'ready'; status: StatusResponse };

export function SyncState({ state, now }: { state: StatusState; now: number }) {
  if (state.kind === 'loading') return <p className="muted">Loading…</p>;
  if (state.kind === 'failed') {
    return <p role="alert">The extension's worker did not answer: {state.error}</p>;
  }
  const { status } = state;
  const lines = syncLines(status, now);
  const tone = !status.enrolled
    ? 'local'
    : status.connection === 'connected'
      ? 'online'
      : status.connection;
  return (
    <>
      <PolicyError status={status} />
      <p className={`sync sync-${tone}`} data-testid="sync-state" role="status">
        {lines.map((line, index) => (
          <span key={index} className="sync-line">
            {line}{' '}
          </span>
        ))}
      </p>
    </>
  );
}
