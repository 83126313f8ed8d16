import { browser } from 'wxt/browser';
import { mountPage } from '../../ui/mount-page.tsx';
import { Popup } from '../../popup/Popup.tsx';
import { backgroundClient } from '../../background/background-client.ts';
import { statusStore } from '../../popup/status-store.ts';

// The sync state is what the first render waits for: asked at once and followed from here, so an
// answer that arrives before the popup mounts is in its first frame. (A classic script in the
// page's head asking even earlier made the popup slower: the parser waited for it.)
const client = backgroundClient(browser.runtime);
const status = statusStore(client.status());
const openOptions = () => void browser.runtime.openOptionsPage();

// The popup's activeTab grant lets it read the current tab's URL; it passes it to the worker,
// which keeps the hostname alone. Mounted at once: the URL arrives when the tab query answers.
const url = browser.tabs.query({ active: true, currentWindow: true }).then(
  (tabs) => tabs[0]?.url,
  () => undefined,
);
mountPage(<Popup client={client} status={status} url={url} openOptions={openOptions} />);
