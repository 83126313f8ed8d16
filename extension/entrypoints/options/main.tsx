import { browser } from 'wxt/browser';
import { mountPage } from '../../ui/mount-page.tsx';
import { Options } from '../../options/Options.tsx';
import type { SiteAccess } from '../../options/SiteAccessSection.tsx';
import { backgroundClient } from '../../background/background-client.ts';

// The optional host access that lets the worker see AI APIs called from inside other sites.
const allSites = { origins: ['<all_urls>'] };
const siteAccess: SiteAccess = {
  granted: () => browser.permissions.contains(allSites),
  request: () => browser.permissions.request(allSites),
  remove: () => browser.permissions.remove(allSites),
};

mountPage(
  <Options
    client={backgroundClient(browser.runtime)}
    siteAccess={siteAccess}
    version={browser.runtime.getManifest().version}
  />,
);
