import type { Role } from '../../../shared/auth/access.ts';
import {
  dayShown,
  enrolledShown,
  kindShown,
  minterShown,
  ROLE_WORDS,
  stateShown,
  tokenName,
  tokenState,
} from './settings-words.ts';
import type { TokenSummary } from './tokens-api.ts';

/** The workspace's tokens: invitations, devices and enrolment codes; a card each on a phone. */
export function TokenTable(props: {
  tokens: TokenSummary[];
  now: number;
  me: string | undefined;
  myRole: Role;
  disabled: boolean;
  onRevoke(token: TokenSummary): void;
}) {
  const { tokens, now, me, myRole, disabled, onRevoke } = props;
  return (
    <div className="token-list">
      <table className="token-table table-cards">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Role</th>
            <th scope="col">Label</th>
            <th scope="col">Minted by</th>
            <th scope="col">Extensions</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const state = tokenState(token, now);
            return (
              <tr key={token.id} data-token-id={token.id} className={state}>
                <td data-label="Kind">{kindShown(token.kind)}</td>
                <td data-label="Role">{ROLE_WORDS[token.role]}</td>
                <td className="token-label" data-label="Label">
                  {token.label ? token.label : <span className="muted">—</span>}
                  {token.id === me && <span className="muted"> (this device)</span>}
                </td>
                <td data-label="Minted by">{minterShown(token.mintedBy, me)}</td>
                <td data-label="Extensions">
                  {token.reporters ? enrolledShown(token) : <span className="muted">—</span>}
                </td>
                <td data-label="Created">
                  <time dateTime={new Date(token.createdAt).toISOString()}>
                    {dayShown(token.createdAt)}
                  </time>
                </td>
                <td data-label="Expires">
                  <time dateTime={new Date(token.expiresAt).toISOString()}>
                    {dayShown(token.expiresAt)}
                  </time>
                </td>
                <td data-label="Status">{stateShown(token, now)}</td>
                <td>
                  {/* H10: only an admin revokes an admin's token; the relay refuses the rest. */}
                  {state === 'active' && (token.role !== 'admin' || myRole === 'admin') && (
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={`Revoke ${tokenName(token)}`}
                      onClick={() => onRevoke(token)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
