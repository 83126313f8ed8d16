import { LogOut, Menu, X } from 'lucide-react';
import { useState, useSyncExternalStore } from 'react';
import { LazyCommandPalette } from '../palette/LazyCommandPalette.tsx';
import { createPaletteCommands, PaletteCommandsProvider } from '../palette/palette-commands.ts';
import { parseRoute, useHash } from '../router/hash-route.ts';
import { SECTIONS } from '../router/sections.ts';
import type { SessionStore } from '../session/session-store.ts';
import { useJoinLink } from '../session/use-join-link.ts';
import { personOf } from '../session/join-link.ts';
import { SsoButton, SsoOutcomeNotice } from '../session/SsoSignIn.tsx';
import { readOutcome } from '../session/sso.ts';
import { useSessionExpiry } from '../session/use-session-expiry.ts';
import { useSso } from '../session/use-sso.ts';
import { useSsoSignOut } from '../session/use-sso-sign-out.ts';
import type { WorkspaceHolder } from '../sync/workspace-holder.ts';
import { UpdatePrompt } from '../update-prompt/UpdatePrompt.tsx';
import type { ServiceWorkerUpdates } from '../update-prompt/service-worker-updates.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { sectionIcon } from './section-icons.ts';
import { SkipLink } from './SkipLink.tsx';
import { ThemeSwitch } from './ThemeSwitch.tsx';
import { useDrawer } from './use-drawer.ts';
import { Welcome } from './Welcome.tsx';
import { WorkspaceView } from './WorkspaceView.tsx';
import { ErrorBoundary } from '../error-boundary/ErrorBoundary.tsx';
import { ExportSourceProvider } from '../exports/provenance.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';

export interface AppProps {
  updates: ServiceWorkerUpdates;
  session: SessionStore;
  workspace: WorkspaceHolder;
}

export function App({ updates, session, workspace }: AppProps) {
  const hash = useHash();
  const route = parseRoute(hash);
  const state = useSyncExternalStore(session.subscribe, session.state);
  const sync = useSyncExternalStore(workspace.subscribe, workspace.current);
  const joinError = useJoinLink(hash, session);
  const joined = state.kind === 'joined' ? state : undefined;
  const path = ['', 'join', 'sso'].includes(route.path) ? 'inbox' : route.path;
  const sso = useSso();
  const outcome = route.path === 'sso' ? readOutcome(route.params) : undefined;
  const signOut = useSsoSignOut(session, sso);
  useSessionExpiry(session, joined, joined ? sync : undefined);
  const [commands] = useState(createPaletteCommands);
  const drawer = useDrawer(hash);

  return (
    <PaletteCommandsProvider value={commands}>
      <div className="shell">
        <SkipLink />
        <header className="topbar" inert={drawer.open}>
          <button
            type="button"
            className="icon-button menu-button"
            ref={drawer.button}
            aria-label="Menu"
            aria-expanded={drawer.open}
            aria-controls="sections"
            onClick={drawer.toggle}
          >
            <Menu size={20} />
          </button>
          <span className="brand">
            <img src="/icons/icon-32.png" width={22} height={22} alt="" /> Sightline
          </span>
          <span className="topbar-right">
            {joined && sync && <LazyCommandPalette sync={sync} />}
            {joined && sync && <NotificationBell sync={sync} credentials={joined.credentials} />}
            <ConnectionStatus
              sync={joined ? sync : undefined}
              onUpdateRequired={updates.checkForUpdate}
            />
          </span>
        </header>
        {drawer.open && <div className="drawer-scrim" onClick={() => drawer.close(false)} />}
        <nav
          className="sidebar"
          id="sections"
          aria-label="Sections"
          ref={drawer.drawer}
          data-open={drawer.open || undefined}
        >
          <button
            type="button"
            className="icon-button drawer-close"
            aria-label="Close menu"
            onClick={() => drawer.close(true)}
          >
            <X size={20} />
          </button>
          <div className="sidebar-links">
            {SECTIONS.map((section) => {
              const Icon = sectionIcon(section.path);
              return (
                <a
                  key={section.path}
                  href={`#/${section.path}`}
                  aria-current={joined && path === section.path ? 'page' : undefined}
                >
                  <Icon size={16} aria-hidden />
                  {section.label}
                </a>
              );
            })}
          </div>
          <div className="sidebar-footer">
            {joined && (
              <span className="sidebar-who">
                {joined.credentials.workspace} · {joined.credentials.role}
              </span>
            )}
            <ThemeSwitch />
            {joined && (
              <button type="button" className="ghost" onClick={() => void signOut()}>
                <LogOut size={16} aria-hidden />
                Sign out
              </button>
            )}
          </div>
        </nav>
        <main className="content" id="content" tabIndex={-1} inert={drawer.open}>
          {joined?.check === 'refused' &&
            (sso ? (
              // SSO5: an ended session signs in again and keeps this device's unsynced edits.
              <div role="alert" className="notice">
                <p>
                  Your session has ended ({joined.error}). What is on this device stays here,
                  unsynced edits included; sign in again to sync them.
                </p>
                <SsoButton sso={sso} workspace={joined.credentials.workspace} again />
              </div>
            ) : (
              <p role="alert" className="notice">
                The relay no longer accepts this device’s access ({joined.error}). What is on this
                device stays readable; sign out and open a new join link to sync again.
              </p>
            ))}
          {joined && outcome && <SsoOutcomeNotice outcome={outcome} />}
          {state.kind === 'signed-out' && (
            <Welcome
              error={joinError ?? state.error}
              sso={sso}
              outcome={outcome}
              workspace={route.params.get('workspace') ?? undefined}
            />
          )}
          {/* A page that fails (or cannot load offline) says so here; the navigation stays. */}
          <ErrorBoundary resetKey={hash}>
            {joined && sync && (
              <ExportSourceProvider
                value={{
                  workspace: sync.workspace,
                  policy: sync.doc('policy'),
                  me: personOf(joined.credentials),
                  role: joined.credentials.role,
                }}
              >
                <WorkspaceView path={path} sync={sync} credentials={joined.credentials} />
              </ExportSourceProvider>
            )}
          </ErrorBoundary>
        </main>
        <UpdatePrompt updates={updates} />
      </div>
    </PaletteCommandsProvider>
  );
}
