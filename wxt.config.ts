import { defineConfig } from 'wxt';

// The extension's build. Source lives in extension/ (WXT's srcDir); icons come from public/.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'public',
  outDir: '.output',
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // `npm run dev` does not launch a browser of its own: load .output/chrome-mv3-dev by hand.
  webExt: { disabled: true },
  manifest: {
    name: 'Sightline',
    description:
      'Shows whether the AI tool in front of you is approved, and lets you flag AI your organisation should know about.',
    // Least privilege: each permission is listed with its reason in docs/privacy.md.
    permissions: ['storage', 'webNavigation', 'webRequest', 'management', 'alarms', 'activeTab'],
    // Seeing AI called from inside any site needs access to every site: the employee grants it at
    // run time from the options page, or not at all.
    optional_host_permissions: ['<all_urls>'],
    storage: { managed_schema: 'managed-schema.json' },
    icons: {
      16: 'icons/icon-16.png',
      32: 'icons/icon-32.png',
      48: 'icons/icon-48.png',
      128: 'icons/icon-128.png',
    },
    action: { default_title: 'Sightline' },
  },
});
