import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

/** What the UI needs to know about the service worker, as a tiny observable. */
export interface ServiceWorkerUpdates {
  /** True once a new version is installed and waiting for the user. */
  updateReady(): boolean;
  /** True once the app shell is cached and the app works offline. */
  offlineReady(): boolean;
  subscribe(listener: () => void): () => void;
  /** Activates the waiting version and reloads: only ever on the user's request. */
  applyUpdate(): Promise<void>;
}

type Register = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

export function serviceWorkerUpdates(register: Register): ServiceWorkerUpdates {
  let updateReady = false;
  let offlineReady = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const update = register({
    immediate: true,
    onNeedRefresh() {
      updateReady = true;
      notify();
    },
    onOfflineReady() {
      offlineReady = true;
      notify();
    },
  });
  return {
    updateReady: () => updateReady,
    offlineReady: () => offlineReady,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    applyUpdate: () => update(true),
  };
}
