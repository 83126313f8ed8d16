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
  /**
   * Asks the server for a new version now (the relay refused a document this app is too old to
   * read, docs/sync.md S5); a page open for days also asks every hour. A hash-routed app never
   * navigates, so the browser would otherwise look only when it is reloaded.
   */
  checkForUpdate(): void;
}

const CHECK_EVERY_MS = 60 * 60_000;

type Register = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

export function serviceWorkerUpdates(register: Register): ServiceWorkerUpdates {
  let updateReady = false;
  let offlineReady = false;
  let registration: ServiceWorkerRegistration | undefined;
  const check = () => void registration?.update().catch(() => {});
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
    onRegisteredSW(_url, registered) {
      registration = registered;
      if (registered) setInterval(check, CHECK_EVERY_MS);
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
    checkForUpdate: check,
  };
}
