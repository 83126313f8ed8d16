import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const shared = here('../shared/');

// The PWA's build: the app shell is precached by a generated service worker; an update waits for
// the user (registerType "prompt"), so a new version never reloads the page in the middle of an edit.
export default defineConfig({
  root: here('.'),
  publicDir: here('../public'),
  build: {
    outDir: here('../dist/pwa'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // shared/ runs nothing when imported (test/integration/shared-side-effects.test.ts): a module
      // of it that nothing uses is left out, so a page importing one function from a barrel
      // (registry, policy, assessments) does not pull every module behind it into the first load.
      treeshake: { moduleSideEffects: (id: string) => !id.startsWith(shared) },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/sync': { target: 'ws://localhost:8787', ws: true },
      '/api': 'http://localhost:8787',
    },
  },
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        name: 'Sightline',
        short_name: 'Sightline',
        description: 'Find the AI your organisation already uses, and govern it well.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f3a5f',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest}'],
        navigateFallback: '/index.html',
        // The relay and the API are never answered from the cache.
        navigateFallbackDenylist: [/^\/api\//, /^\/sync/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
