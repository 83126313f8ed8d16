import './part-failed.css';
import { ChunkLoadError } from './lazy-chunk.tsx';

export const NOT_ON_DEVICE =
  'This part of Sightline is not on this device yet; it loads when you are back online.';

interface Props {
  error: unknown;
  retry: () => void;
  /** Reloads the app; the browser's reload unless a test says otherwise. */
  reload?: () => void;
}

/** What a route shows instead of a part that failed: what happened, and what can be done. */
export function PartFailed({ error, retry, reload = () => window.location.reload() }: Props) {
  if (error instanceof ChunkLoadError) {
    return (
      <div className="prose part-failed" role="alert">
        <h1>Not on this device yet</h1>
        <p>{NOT_ON_DEVICE}</p>
        <p className="muted">Changes made on this device stay on it, synced or not.</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <div className="prose part-failed" role="alert">
      <h1>Something went wrong</h1>
      <p>This page stopped working. Try again, or reload Sightline.</p>
      <p className="muted">Changes made on this device stay on it, synced or not.</p>
      <div className="part-failed-actions">
        <button type="button" onClick={retry}>
          Try again
        </button>
        <button type="button" className="ghost" onClick={reload}>
          Reload
        </button>
      </div>
    </div>
  );
}
