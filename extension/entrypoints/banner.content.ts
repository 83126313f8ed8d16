import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { backgroundClient } from '../background/background-client.ts';
import { mountBanner } from '../content/banner/banner.ts';
import { bannerMatches } from '../content/banner/matches.ts';

// Wiring only: runs on catalogued AI hosts, asks the worker whether the workspace restricts or
// bans this tool, and shows its guidance. It reads the hostname and nothing else of the page.
export default defineContentScript({
  matches: bannerMatches(),
  runAt: 'document_idle',
  main(ctx) {
    const client = backgroundClient(browser.runtime);
    client.banner(location.hostname).then(
      (info) => {
        if (!info?.show || ctx.isInvalid) return;
        const toolKey = info.toolKey;
        const banner = mountBanner(info, {
          onDismiss: () => {
            if (toolKey) client.dismissBanner(toolKey).catch(() => undefined);
          },
        });
        ctx.onInvalidated(banner.remove);
      },
      () => undefined,
    );
  },
});
