import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Role } from '../../../shared/auth/access.ts';
import { useOnline } from '../connection/useOnline.ts';
import { EnrolledExtensions } from './EnrolledExtensions.tsx';
import type { EnrolledExtensions as EnrolledExtensionList } from './extensions-api.ts';
import type { Credentials } from '../session/join-link.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import { PeopleDirectory } from '../people/PeopleDirectory.tsx';
import { usePeopleDirectory } from '../people/people-context.tsx';
import { DocumentSettings } from './DocumentSettings.tsx';
import type { HistoryApi } from './history-api.ts';
import { HistorySection } from './HistorySection.tsx';
import { OneTimeSecret, type Secret } from './OneTimeSecret.tsx';
import { RevokeDialog } from './RevokeDialog.tsx';
import { failureShown, ROLE_WORDS, tokenName } from './settings-words.ts';
import {
  createTokensApi,
  type ApiResult,
  type MintRequest,
  type TokenSummary,
  type TokensApi,
} from './tokens-api.ts';
import './settings.css';
import { TokenTable } from './TokenTable.tsx';
import { LabelField, TtlField } from './TokenFields.tsx';
import { WebhooksSection } from '../webhooks/WebhooksSection.tsx';
import { DigestsSection } from './digests/DigestsSection.tsx';
import { SsoSection } from './SsoSection.tsx';
import type { SsoApi } from './sso-api.ts';
import { useSso } from '../session/use-sso.ts';

interface Props {
  credentials: Credentials;
  /** The workspace's documents, for its name and tier scheme; those sections need them. */
  sync?: WorkspaceSync;
  /** The relay's token API; by default the relay this page came from, with this device's token. */
  api?: TokensApi;
  /** The relay's history API (admins), likewise. */
  history?: HistoryApi;
  /** The relay's list of enrolled extensions; by default `GET /api/extensions`, likewise. */
  extensions?: () => Promise<ApiResult<EnrolledExtensionList>>;
  /** The relay's single sign-on administration; shown when the relay offers sign-in (SSO9). */
  sso?: SsoApi;
  /** Where links point (the relay serves the app): `location.origin` by default. */
  origin?: string;
  now?: () => number;
}

/** Lifetimes offered; an invitation's token is the person's access until it expires. */
const INVITE_TTLS = [
  ['7d', '7 days'],
  ['30d', '30 days'],
  ['90d', '90 days'],
] as const;
const ENROL_TTLS = [
  ['30d', '30 days'],
  ['90d', '90 days'],
  ['1y', '1 year'],
] as const;

/**
 * The workspace's settings: its name and tier scheme (in its documents), people and invitations
 * and the extensions' enrolment codes (through the relay).
 */
export function Settings(props: Props) {
  const { credentials, sync, api, history, origin, now = Date.now } = props;
  const manages = credentials.role === 'admin' || credentials.role === 'lead';
  const sso = useSso();
  return (
    <div className="settings">
      <h1>Settings</h1>
      {sync && <DocumentSettings sync={sync} credentials={credentials} now={now} />}
      {sync?.doc('registry') && <PeopleDirectory registry={sync.doc('registry')} />}
      {manages ? (
        <People
          credentials={credentials}
          api={api}
          origin={origin ?? window.location.origin}
          now={now}
          extensions={props.extensions}
        />
      ) : (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading">People and invitations</h2>
          <p className="muted">
            Admins and leads invite people and make enrolment codes for the browser extension. Ask
            one of them if someone should join this workspace or an extension needs enrolling.
          </p>
        </section>
      )}
      {credentials.role === 'admin' && <HistorySection credentials={credentials} api={history} />}
      {credentials.role === 'admin' && <WebhooksSection credentials={credentials} />}
      {manages && <DigestsSection credentials={credentials} />}
      {credentials.role === 'admin' && (sso || props.sso) && (
        <SsoSection credentials={credentials} api={props.sso} />
      )}
    </div>
  );
}

type Busy = 'invite' | 'enrol' | 'revoke' | undefined;

function People({
  credentials,
  api: given,
  origin,
  now,
  extensions,
}: Required<Pick<Props, 'credentials' | 'origin' | 'now'>> &
  Pick<Props, 'extensions'> & { api: TokensApi | undefined }) {
  const api = useMemo(
    () => given ?? createTokensApi(credentials.token),
    [given, credentials.token],
  );
  const online = useOnline();
  const { addInvited } = usePeopleDirectory();
  const [tokens, setTokens] = useState<TokenSummary[]>();
  const [listError, setListError] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [secret, setSecret] = useState<Secret>();
  const [pending, setPending] = useState<TokenSummary>();
  const [busy, setBusy] = useState<Busy>();
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => void (alive.current = false);
  }, []);

  const load = useCallback(async () => {
    const result = await api.list();
    if (!alive.current) return;
    if (result.ok) {
      setTokens(result.value);
      // Every invited person is in the people directory (rule RC4).
      addInvited?.(
        result.value
          .filter((t) => t.kind === 'invitation' && t.revokedAt === null && t.label)
          .map((t) => t.label!),
      );
      setListError(undefined);
    } else {
      setListError(failureShown(result, 'list the invitations'));
    }
  }, [api]);

  useEffect(() => {
    if (online) void load();
  }, [online, load]);

  async function mint(request: MintRequest, kind: 'invite' | 'enrol') {
    setBusy(kind);
    setActionError(undefined);
    setMessage(undefined);
    const result = await api.mint(request);
    if (!alive.current) return;
    setBusy(undefined);
    if (!result.ok) {
      const doing = kind === 'invite' ? 'invite' : 'make an enrolment code';
      setActionError(failureShown(result, doing));
      return false;
    }
    setSecret({
      minted: result.value,
      label: request.label ?? '',
      workspace: credentials.workspace,
    });
    void load();
    return true;
  }

  async function revoke(token: TokenSummary, withReporters: boolean) {
    setPending(undefined);
    setBusy('revoke');
    setActionError(undefined);
    setMessage(undefined);
    const result = await api.revoke(token.id, { withReporters });
    if (!alive.current) return;
    setBusy(undefined);
    if (!result.ok) {
      setActionError(failureShown(result, `revoke ${tokenName(token)}`));
    } else {
      setMessage(
        withReporters
          ? `Revoked ${tokenName(token)} and the ${result.value.reportersRevoked} extensions it enrolled: they are disconnected.`
          : `Revoked ${tokenName(token)}: whoever used it is disconnected.`,
      );
      if (secret?.minted.id === token.id) setSecret(undefined);
    }
    void load();
  }

  const roles: Role[] =
    credentials.role === 'admin' ? ['contributor', 'lead', 'admin'] : ['contributor', 'lead'];
  const offline = !online;

  return (
    <>
      <section aria-labelledby="people-heading" className="people">
        <h2 id="people-heading">People and invitations</h2>
        {offline && (
          <p className="notice" role="status">
            This device is offline. Listing, inviting, making enrolment codes and revoking need the
            relay: they come back when the network does.
          </p>
        )}
        {secret && (
          <OneTimeSecret secret={secret} origin={origin} onDone={() => setSecret(undefined)} />
        )}
        {actionError && (
          <p className="error" role="alert">
            {actionError}
          </p>
        )}
        <p className="status-line" role="status">
          {message}
        </p>
        <div className="settings-forms">
          <InviteForm
            roles={roles}
            disabled={offline || busy !== undefined}
            busy={busy === 'invite'}
            onSubmit={(request) => mint(request, 'invite')}
          />
          <EnrolForm
            disabled={offline || busy !== undefined}
            busy={busy === 'enrol'}
            onSubmit={(request) => mint(request, 'enrol')}
          />
        </div>
        <h3>Invitations and enrolment codes</h3>
        {listError && (
          <p className="error" role="alert">
            {listError}
          </p>
        )}
        {tokens === undefined ? (
          !listError && !offline && <p className="muted">Asking the relay…</p>
        ) : tokens.length === 0 ? (
          <p className="muted">No invitations or enrolment codes yet.</p>
        ) : (
          <TokenTable
            tokens={tokens}
            now={now()}
            me={credentials.tokenId}
            myRole={credentials.role}
            disabled={offline || busy !== undefined}
            onRevoke={setPending}
          />
        )}
        <EnrolledExtensions token={credentials.token} online={online} load={extensions} />
      </section>
      <RevokeDialog
        token={pending}
        isThisDevice={pending !== undefined && pending.id === credentials.tokenId}
        onConfirm={(token, withReporters) => void revoke(token, withReporters)}
        onCancel={() => setPending(undefined)}
      />
    </>
  );
}

function InviteForm(props: {
  roles: Role[];
  disabled: boolean;
  busy: boolean;
  onSubmit(request: MintRequest): Promise<boolean | undefined>;
}) {
  const [role, setRole] = useState<Role>('contributor');
  const [label, setLabel] = useState('');
  const [ttl, setTtl] = useState('30d');
  return (
    <form
      className="settings-form"
      aria-labelledby="invite-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void props.onSubmit({ role, ttl, label: label.trim() }).then((ok) => ok && setLabel(''));
      }}
    >
      <h3 id="invite-heading">Invite someone</h3>
      <label>
        Role
        <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {props.roles.map((option) => (
            <option key={option} value={option}>
              {ROLE_WORDS[option]}
            </option>
          ))}
        </select>
      </label>
      <LabelField
        caption="Who it is for"
        placeholder="Dana, Legal"
        value={label}
        onChange={setLabel}
      />
      <TtlField caption="Access lasts" options={INVITE_TTLS} value={ttl} onChange={setTtl} />
      <p className="muted hint">
        The join link is their access until it expires or is revoked.
        {props.roles.includes('admin') && ' Admins can also invite and revoke admins.'}
      </p>
      <button type="submit" disabled={props.disabled}>
        {props.busy ? 'Inviting…' : 'Invite'}
      </button>
    </form>
  );
}

function EnrolForm(props: {
  disabled: boolean;
  busy: boolean;
  onSubmit(request: MintRequest): Promise<boolean | undefined>;
}) {
  const [label, setLabel] = useState('');
  const [ttl, setTtl] = useState('90d');
  const [cap, setCap] = useState('');
  const maxReporters = cap.trim() === '' ? undefined : Number(cap);
  return (
    <form
      className="settings-form"
      aria-labelledby="enrol-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void props
          .onSubmit({
            role: 'member',
            ttl,
            label: label.trim(),
            ...(maxReporters !== undefined ? { maxReporters } : {}),
          })
          .then((ok) => ok && (setLabel(''), setCap('')));
      }}
    >
      <h3 id="enrol-heading">Enrol browser extensions</h3>
      <LabelField
        caption="What it is for"
        placeholder="Company-wide policy"
        value={label}
        onChange={setLabel}
      />
      <TtlField caption="Code works for" options={ENROL_TTLS} value={ttl} onChange={setTtl} />
      {/* H3: a cap on the extensions one code may enrol, so a leaked code cannot mint thousands. */}
      <label>
        Most extensions (optional)
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={1_000_000}
          step={1}
          value={cap}
          placeholder="No limit"
          onChange={(event) => setCap(event.target.value)}
        />
      </label>
      <p className="muted hint">
        One code serves the whole company: each extension exchanges it for its own access, which can
        write only its own report.
      </p>
      <button type="submit" disabled={props.disabled}>
        {props.busy ? 'Making…' : 'Make an enrolment code'}
      </button>
    </form>
  );
}
