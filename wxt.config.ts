import { defineConfig } from 'wxt';
import { preactCompatAliases } from './extension/build/preact-compat.ts';

// The extension's build. Source lives in extension/ (WXT's srcDir); icons come from public/.
/**
 * The public half of a key whose private half was thrown away: it only fixes the unpacked
 * extension's id (hkogeoliojkfnaiklhgbgdadejefppkp), so that a browser policy can address it
 * (docs/extension.md). A store listing has its own id.
 */
const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAt8CO0Jk7TEZRPE1QHn7Hqs7n8Vc0Vivjl/CYEtWlwSLuMj1LPO1TDwU38Yy+VpFqpvoTxGWUPL/f0Q3IWtd6Y9FO2oqtRPrsPrNOAWKw/GCFTpH+cR+gkmixE28OfHFC3Vp8UW1AdxfWAoHFymuAZaBz3JhMfu23axufni/LptUlRCTVpnzQzmsWNWAZz3JHV3axkh7N4dTPezlCXFLN/WUYqr6gxvdcMD1QYXqP5HxKhUd8A1PapAVS4qNqHfkyYsyYfUPqMIG0auvlzmWhexuu5wI+KUCPv7ToXNzkc969PQZG3bP+XF2T0Aa8z+C/RJxLYrQ59ozv0kRDAb4jOQIDAQAB';
export const EXTENSION_ID = 'hkogeoliojkfnaiklhgbgdadejefppkp';

/**
 * `wxt build --mode managed` builds `.output/chrome-mv3-managed/`: the same extension, for
 * force-installed deployments, with access to all sites declared up front instead of asked for —
 * a force-installed extension gets its permissions without a prompt, so AI called from inside
 * other sites is seen with no click (docs/extension.md, "The managed build").
 */
export const MANAGED_MODE = 'managed';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'public',
  outDir: '.output',
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // React's API on Preact for the popup and options page (extension/build/preact-compat.ts).
  vite: () => ({ resolve: { alias: preactCompatAliases } }),
  // `npm run dev` does not launch a browser of its own: load .output/chrome-mv3-dev by hand.
  webExt: { disabled: true },
  manifest: ({ browser, mode }) => ({
    ...(browser === 'chrome' ? { key: EXTENSION_PUBLIC_KEY } : {}),
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: the same optional access, the MV2 way.
          optional_permissions: ['<all_urls>'],
          browser_specific_settings: {
            gecko: {
              id: 'sightline@sightline.invalid',
              // It records hostnames of AI tools visited (browsing activity), and nothing else.
              data_collection_permissions: { required: ['browsingActivity'] },
            },
          },
        }
      : {}),
    name: 'Sightline',
    description:
      'Shows whether the AI tool in front of you is approved, and lets you flag AI your organisation should know about.',
    // Least privilege: each permission is listed with its reason in docs/privacy.md.
    permissions: [
      'storage',
      'webNavigation',
      'webRequest',
      'management',
      'alarms',
      'activeTab',
      'scripting',
    ],
    // Seeing AI called from inside any site needs access to every site: the employee grants it at
    // run time from the options page, or not at all — except in the managed build, where the
    // organisation's force-install grants it.
    ...(mode === MANAGED_MODE
      ? { host_permissions: ['<all_urls>'] }
      : { optional_host_permissions: ['<all_urls>'] }),
    storage: { managed_schema: 'managed-schema.json' },
    icons: {
      16: 'icons/icon-16.png',
      32: 'icons/icon-32.png',
      48: 'icons/icon-48.png',
      128: 'icons/icon-128.png',
    },
    action: { default_title: 'Sightline' },
  }),
});
