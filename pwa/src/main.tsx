import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './app/App.tsx';
import { serviceWorkerUpdates } from './update-prompt/service-worker-updates.ts';
import './app/app.css';

// Wiring only.
const updates = serviceWorkerUpdates(registerSW);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App updates={updates} />
  </StrictMode>,
);
