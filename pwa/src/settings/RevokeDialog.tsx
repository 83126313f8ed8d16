import { useEffect, useRef, useState } from 'react';
import { kindShown, ROLE_WORDS, tokenName } from './settings-words.ts';
import type { TokenSummary } from './tokens-api.ts';

/** Asks before revoking (a native modal <dialog>: focus is kept inside, Escape cancels). */
export function RevokeDialog({
  token,
  isThisDevice,
  onConfirm,
  onCancel,
}: {
  /** The token to revoke; the dialog is closed while undefined. */
  token: TokenSummary | undefined;
  isThisDevice: boolean;
  /** `withReporters`: the person chose to revoke the extensions an enrolment code enrolled too (H4). */
  onConfirm(token: TokenSummary, withReporters: boolean): void;
  onCancel(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [withReporters, setWithReporters] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (token && !element.open) element.showModal();
    if (!token && element.open) element.close();
    setWithReporters(false);
  }, [token]);
  const enrolled = token?.kind === 'enrolment' ? (token.reporters?.active ?? 0) : 0;

  return (
    <dialog
      ref={dialog}
      className="revoke-dialog"
      aria-labelledby="revoke-title"
      aria-describedby="revoke-what"
      onClose={onCancel}
    >
      {token && (
        <>
          <h2 id="revoke-title">Revoke {tokenName(token)}?</h2>
          <p id="revoke-what">
            {kindShown(token.kind)} · {ROLE_WORDS[token.role]}.{' '}
            {token.kind === 'enrolment'
              ? 'No new extension can enrol with this code.'
              : 'Whoever uses it is disconnected within a second and cannot connect again.'}{' '}
            This cannot be undone.
          </p>
          {enrolled > 0 && (
            <label className="revoke-reporters">
              <input
                type="checkbox"
                checked={withReporters}
                onChange={(event) => setWithReporters(event.target.checked)}
              />
              Also revoke the {enrolled === 1 ? 'extension' : `${enrolled} extensions`} enrolled
              with this code (otherwise they keep their own access)
            </label>
          )}
          {isThisDevice && (
            <p className="notice">
              This is the access this device uses: revoking it cuts this device off, and it needs a
              new join link to sync again.
            </p>
          )}
          <div className="dialog-actions">
            {/* Cancel first and focused: the safe choice is the default. */}
            <button type="button" autoFocus onClick={onCancel}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => onConfirm(token, withReporters)}
            >
              Revoke
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
