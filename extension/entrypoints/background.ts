import { IndexeddbPersistence } from 'y-indexeddb';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { yIndexedDbName } from '../../shared/storage/persisted-names.ts';
import { startBackground } from '../background/start-background.ts';
import { dexieLocalLog } from '../local-log/index.ts';
import { browserKeyValueStore } from '../platform/key-value-store.ts';
import { openSyncConnection } from '../sync/sync-connection.ts';

// Wiring only: the worker's behaviour lives in extension/background/.
export default defineBackground({
  type: 'module',
  main() {
    startBackground({
      runtime: browser.runtime,
      events: {
        webNavigation: browser.webNavigation,
        webRequest: browser.webRequest,
        management: browser.management,
        alarms: browser.alarms,
        scripting: browser.scripting,
        permissions: browser.permissions,
        managedStorage: {
          get: () => browser.storage.managed.get() as Promise<Record<string, unknown>>,
          onChanged: {
            addListener: (listener) =>
              browser.storage.onChanged.addListener((changes, area) => {
                if (area === 'managed') listener(changes, area);
              }),
          },
        },
      },
      storage: browserKeyValueStore(browser.storage.local),
      log: dexieLocalLog(),
      fetch: (url, init) => fetch(url, init),
      openSync: (enrolment) =>
        openSyncConnection(
          enrolment,
          (name, doc) => new IndexeddbPersistence(yIndexedDbName(name), doc),
          () => navigator.onLine,
        ),
      now: () => Date.now(),
      randomId: () => crypto.randomUUID(),
    });
  },
});
