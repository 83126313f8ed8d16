import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { startBackground } from '../background/start-background.ts';
import { browserKeyValueStore } from '../platform/key-value-store.ts';

// Wiring only: the worker's behaviour lives in extension/background/.
export default defineBackground({
  type: 'module',
  main() {
    startBackground({
      runtime: browser.runtime,
      storage: browserKeyValueStore(browser.storage.local),
      now: () => Date.now(),
    });
  },
});
