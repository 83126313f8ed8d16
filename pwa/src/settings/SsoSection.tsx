import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { PERSON_ROLES, type PersonRole } from '../../../shared/documents/admin/sso.ts';
import type { Credentials } from '../session/join-link.ts';
import { createSsoApi, type SsoApi, type SsoListing, type SsoPersonShown } from './sso-api.ts';

interface Props {
  credentials: Credentials;
  api?: SsoApi;
}

const STATUS_WORDS = { pending: 'waiting for a role', active: 'active', removed: 'removed' };

/**
 * Settings → Single sign-on, for admins (docs/sync.md SSO2–SSO9): which of the identity provider's
 * groups give which role here; who signed in and waits for a role; giving a role or removing a
 * person (which ends their sessions at once, on every relay).
 */
export function SsoSection({ credentials, api: given }: Props) {
  const api = useMemo(() => given ?? createSsoApi(credentials.token), [given, credentials.token]);
  const [listing, setListing] = useState<SsoListing>();
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const load = useCallback(async () => {
    const result = await api.list();
    if (result.ok) setListing(result.value);
    else setError(result.error);
  }, [api]);
  useEffect(() => void load(), [load]);

  const act = async (run: Promise<{ ok: boolean; error?: string }>, done: string) => {
    const result = await run;
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setMessage(done);
    await load();
  };

  return (
    <section aria-labelledby="sso-heading" className="sso-settings">
      <h2 id="sso-heading">Single sign-on</h2>
      {error && (
        <p role="alert" className="notice">
          {error}
        </p>
      )}
      {message && (
        <p role="status" className="status-line">
          {message}
        </p>
      )}
      {listing && (
        <>
          <h3>People who signed in</h3>
          {listing.people.length === 0 ? (
            <p className="muted">Nobody has signed in through the identity provider yet.</p>
          ) : (
            <ul className="sso-people">
              {listing.people.map((person) => (
                <PersonRow
                  key={person.subject}
                  person={person}
                  onDecide={(decision) =>
                    void act(
                      api.decide(person.subject, decision),
                      decision === 'removed'
                        ? `${person.name} was removed; their sessions ended.`
                        : `${person.name} is now ${decision}.`,
                    )
                  }
                />
              ))}
            </ul>
          )}
          <h3>Groups</h3>
          <p className="muted">
            A person gets the highest role any of their groups has here; one with none waits above
            for an admin. A role given by hand wins over the groups.
          </p>
          {listing.groups.length > 0 && (
            <ul className="sso-groups">
              {listing.groups.map(({ group, role }) => (
                <li key={group}>
                  <code>{group}</code> → {role}{' '}
                  <button
                    type="button"
                    className="ghost"
                    aria-label={`Remove the mapping of ${group}`}
                    onClick={() =>
                      void act(api.mapGroup(group, null), `${group} gives no role now.`)
                    }
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <GroupForm
            onMap={(group, role) => void act(api.mapGroup(group, role), `${group} gives ${role}.`)}
          />
        </>
      )}
    </section>
  );
}

function PersonRow({
  person,
  onDecide,
}: {
  person: SsoPersonShown;
  onDecide: (decision: PersonRole | 'removed') => void;
}) {
  const [role, setRole] = useState<PersonRole>(person.role ?? 'contributor');
  return (
    <li aria-label={person.name}>
      <strong>{person.name}</strong> {person.email && <span className="muted">{person.email}</span>}{' '}
      — {person.role ?? 'no role'}, {STATUS_WORDS[person.status]}
      {person.groups.length > 0 && (
        <span className="muted"> (groups: {person.groups.join(', ')})</span>
      )}
      <span className="sso-actions">
        <label>
          Role for {person.name} <RoleSelect role={role} onChange={setRole} />
        </label>{' '}
        <button type="button" onClick={() => onDecide(role)}>
          Give role
        </button>{' '}
        {person.status !== 'removed' && (
          <button type="button" className="danger" onClick={() => onDecide('removed')}>
            Remove
          </button>
        )}
      </span>
    </li>
  );
}

function GroupForm({ onMap }: { onMap: (group: string, role: PersonRole) => void }) {
  const [group, setGroup] = useState('');
  const [role, setRole] = useState<PersonRole>('contributor');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (group.trim() === '') return;
    onMap(group.trim(), role);
    setGroup('');
  };
  return (
    <form aria-label="Map a group" onSubmit={submit} className="sso-group-form">
      <label>
        Group (as the identity provider names it){' '}
        <input value={group} onChange={(e) => setGroup(e.target.value)} maxLength={256} />
      </label>{' '}
      <label>
        Role <RoleSelect role={role} onChange={setRole} />
      </label>{' '}
      <button type="submit">Map group</button>
    </form>
  );
}

function RoleSelect({
  role,
  onChange,
}: {
  role: PersonRole;
  onChange: (role: PersonRole) => void;
}) {
  return (
    <select value={role} onChange={(e) => onChange(e.target.value as PersonRole)}>
      {PERSON_ROLES.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}
