import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { backgroundClient } from '../background/background-client.ts';
import { mountBanner } from '../content/banner/banner.ts';
import { bannerMatches } from '../content/banner/matches.ts';
import { mountPolicyPanel } from '../content/policy-panel/policy-panel.ts';

// Wiring only: runs on catalogued AI hosts, asks the worker whether the workspace restricts or
// bans this tool, and shows its guidance; and whether the workspace's AI policy waits for this
// employee's acknowledgement. It reads the hostname and nothing else of the page.
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
    client.policyPanel(location.hostname).then(
      (info) => {
        const versionId = info?.policy?.versionId;
        if (!versionId || ctx.isInvalid) return;
        const panel = mountPolicyPanel(info, {
          onAcknowledge: () => void client.acknowledgePolicy(versionId).catch(() => undefined),
          onSnooze: () => void client.snoozePolicy(versionId).catch(() => undefined),
        });
        if (panel) ctx.onInvalidated(panel.remove);
      },
      () => undefined,
    );
  },
});
