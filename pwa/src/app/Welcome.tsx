import { SsoButton, SsoOutcomeNotice } from '../session/SsoSignIn.tsx';
import type { SsoInfo, SsoOutcome } from '../session/sso.ts';

interface Props {
  error?: string | undefined;
  /** The relay's single sign-on, when it offers one (docs/sync.md SSO1). */
  sso?: SsoInfo | undefined;
  /** What the last sign-in came to, when it gave no session (SSO4). */
  outcome?: SsoOutcome | undefined;
  /** The workspace the last sign-in was for. */
  workspace?: string | undefined;
}

/** What a device that has not joined a workspace sees. */
export function Welcome({ error, sso, outcome, workspace }: Props) {
  return (
    <div className="prose">
      <h1>Welcome to Sightline</h1>
      <p>
        Sightline finds the AI your organisation already uses and helps you govern it: triage what
        the browser extension discovers, classify each tool, and co-edit ISO/IEC 42001 assessments,
        online or offline.
      </p>
      {error && (
        <p role="alert" className="notice">
          {error}
        </p>
      )}
      {outcome && <SsoOutcomeNotice outcome={outcome} />}
      {sso && (
        <p>
          <SsoButton sso={sso} workspace={workspace} />
        </p>
      )}
      <p className="muted">
        {sso
          ? 'Or open the join link your administrator sent you.'
          : 'This device has not joined a workspace yet. Open the join link your administrator sent you, or the one '}
        {!sso && <code>sightline serve</code>}
        {!sso && ' printed.'}
      </p>
    </div>
  );
}
