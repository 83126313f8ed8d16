import { browser } from 'wxt/browser';
import { mountPage } from '../../ui/mount-page.tsx';
import { Popup } from '../../popup/Popup.tsx';
import { backgroundClient } from '../../background/background-client.ts';

const client = backgroundClient(browser.runtime);
const openOptions = () => void browser.runtime.openOptionsPage();

// The popup's activeTab grant lets it read the current tab's URL; it passes it to the worker,
// which keeps the hostname alone.
browser.tabs
  .query({ active: true, currentWindow: true })
  .then(
    (tabs) => tabs[0]?.url,
    () => undefined,
  )
  .then((url) => mountPage(<Popup client={client} url={url} openOptions={openOptions} />));
