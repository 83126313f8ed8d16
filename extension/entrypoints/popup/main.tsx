import { browser } from 'wxt/browser';
import { mountPage } from '../../ui/mount-page.tsx';
import { Popup } from '../../popup/Popup.tsx';
import { backgroundClient } from '../../background/background-client.ts';
import { askedEarly } from '../../popup/asked-early.ts';

// The sync state is what the first render waits for: ask the worker at once.
const client = askedEarly(backgroundClient(browser.runtime));
const openOptions = () => void browser.runtime.openOptionsPage();

// The popup's activeTab grant lets it read the current tab's URL; it passes it to the worker,
// which keeps the hostname alone. Mounted at once: the URL arrives when the tab query answers.
const url = browser.tabs.query({ active: true, currentWindow: true }).then(
  (tabs) => tabs[0]?.url,
  () => undefined,
);
mountPage(<Popup client={client} url={url} openOptions={openOptions} />);
