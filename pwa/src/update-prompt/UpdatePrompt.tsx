import { useSyncExternalStore } from 'react';
import type { ServiceWorkerUpdates } from './service-worker-updates.ts';

/** Offers a new version; never reloads on its own, so no edit is interrupted. */
export function UpdatePrompt({ updates }: { updates: ServiceWorkerUpdates }) {
  const ready = useSyncExternalStore(updates.subscribe, updates.updateReady);
  if (!ready) return null;
  return (
    <div role="status" className="update-prompt">
      A new version of Sightline is ready.
      <button type="button" onClick={() => void updates.applyUpdate()}>
        Reload to update
      </button>
    </div>
  );
}
