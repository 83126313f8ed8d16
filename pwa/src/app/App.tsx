import { useOnline } from '../connection/useOnline.ts';
import { UpdatePrompt } from '../update-prompt/UpdatePrompt.tsx';
import type { ServiceWorkerUpdates } from '../update-prompt/service-worker-updates.ts';

const sections = ['Inbox', 'Inventory', 'Assessments', 'Risks', 'Settings'] as const;

export function App({ updates }: { updates: ServiceWorkerUpdates }) {
  const online = useOnline();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">
          <img src="/icons/icon-32.png" width={22} height={22} alt="" /> Sightline
        </span>
        <span
          className={`status ${online ? 'online' : 'offline'}`}
          role="status"
          aria-label="connection"
        >
          {online ? 'online' : 'offline'}
        </span>
      </header>
      <nav className="sidebar" aria-label="Sections">
        {sections.map((section) => (
          <a key={section} href={`#/${section.toLowerCase()}`}>
            {section}
          </a>
        ))}
      </nav>
      <main className="content">
        <h1>Welcome to Sightline</h1>
        <p>
          Sightline finds the AI your organisation already uses and helps you govern it: triage what
          the browser extension discovers, classify each tool, and co-edit ISO/IEC 42001
          assessments, online or offline.
        </p>
        <p className="muted">
          This device has not joined a workspace yet. Open the join link your administrator sent
          you, or the one <code>sightline serve</code> printed.
        </p>
      </main>
      <UpdatePrompt updates={updates} />
    </div>
  );
}
