import { useEffect, useId, useRef, useState } from 'react';
import { dayShown, ROLE_WORDS } from './settings-words.ts';
import { enrolmentLink, joinLink, type MintedToken } from './tokens-api.ts';

/** A token just minted: held in memory only, until the person says they are done. */
export interface Secret {
  minted: MintedToken;
  label: string;
  workspace: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Shows a new invitation's join link, or a new enrolment code and its link, once: the relay keeps
 * only the token's id, so nobody can show it again.
 */
export function OneTimeSecret({
  secret,
  origin,
  onDone,
}: {
  secret: Secret;
  origin: string;
  onDone(): void;
}) {
  const { minted, label } = secret;
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => heading.current?.focus(), [minted.id]);
  const until = dayShown(minted.expiresAt);
  const enrolment = minted.kind === 'enrolment';
  const forWhom = label ? ` for “${label}”` : '';

  return (
    <section className="one-time" aria-labelledby={headingId} data-token-id={minted.id}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {enrolment
          ? `New enrolment code${forWhom}`
          : `Join link${forWhom} (${ROLE_WORDS[minted.role]})`}
      </h3>
      <p>
        <strong>Copy it now: it is not stored anywhere and cannot be shown again.</strong> If it is
        lost, revoke it and make a new one.
      </p>
      {enrolment ? (
        <>
          <CopyField label="Enrolment link" value={enrolmentLink(origin, minted.token)} />
          <CopyField label="Enrolment code" value={minted.token} />
          <p className="muted">
            Employees paste the link in the extension’s settings (or the code with this relay’s
            address, {origin}); a browser policy can carry the code instead. It works until {until};
            extensions already enrolled keep working after that.
            {!isSecureRelay(origin) &&
              ' The extension accepts only relays at https:// addresses (http only on this computer): serve the relay over https before sharing this.'}
          </p>
        </>
      ) : (
        <>
          <CopyField label="Join link" value={joinLink(origin, secret.workspace, minted.token)} />
          <p className="muted">
            Send it privately: whoever opens it joins {secret.workspace} as a{' '}
            {ROLE_WORDS[minted.role].toLowerCase()}, until {until} or until it is revoked.
          </p>
        </>
      )}
      <button type="button" onClick={onDone}>
        Done, I copied it
      </button>
    </section>
  );
}

function isSecureRelay(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' || LOOPBACK.has(url.hostname);
  } catch {
    return false;
  }
}

function CopyField({ label, value }: { label: string; value: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no'>();
  useEffect(() => setCopied(undefined), [value]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopied('no');
    }
  }

  return (
    <div className="copy-field">
      <label>
        {label}
        <input
          ref={input}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
      </label>
      <button
        type="button"
        aria-label={`Copy the ${label.toLowerCase()}`}
        onClick={() => void copy()}
      >
        Copy
      </button>
      <span role="status" className="muted">
        {copied === 'yes' && 'Copied.'}
        {copied === 'no' && 'This browser did not allow copying: it is selected, copy it by hand.'}
      </span>
    </div>
  );
}
