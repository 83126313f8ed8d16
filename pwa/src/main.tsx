import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './app/App.tsx';
import { adoptStyleNonce } from './app/style-nonce.ts';
import { credentialStorage } from './session/device-settings.ts';
import { DeviceValuesProvider, dexieDeviceValues } from './session/device-values.ts';
import { createSessionStore } from './session/session-store.ts';
import { httpWhoami } from './session/whoami.ts';
import { holdWorkspace } from './sync/workspace-holder.ts';
import { clearWorkspaceData, openWorkspaceSync, relayUrl } from './sync/workspace-sync.ts';
import { serviceWorkerUpdates } from './update-prompt/service-worker-updates.ts';
import './ui/tokens.css';
import './ui/components.css';
import './app/app.css';

// Wiring only.
adoptStyleNonce(document, globalThis as unknown as Record<string, unknown>);
const updates = serviceWorkerUpdates(registerSW);
const deviceValues = dexieDeviceValues();
const session = createSessionStore({
  storage: credentialStorage(deviceValues),
  whoami: httpWhoami(),
  onSignOut: (credentials) => clearWorkspaceData(credentials.workspace),
});
const workspace = holdWorkspace(session, (credentials) =>
  openWorkspaceSync({ credentials, url: relayUrl(window.location) }),
);
window.addEventListener('online', () => void session.verify());
void session.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <DeviceValuesProvider value={deviceValues}>
      <App updates={updates} session={session} workspace={workspace} />
    </DeviceValuesProvider>
  </StrictMode>,
);
