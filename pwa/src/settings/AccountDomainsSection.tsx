import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { readAccountDomains, setAccountDomains } from '../../../shared/documents/policy/index.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';

const readDomains = sharedReader((doc) => ({ read: () => readAccountDomains(doc) }));
const NONE: string[] = [];

/**
 * The workspace's email domains (policy `accountDomains`): what the extensions compare a signed-in
 * AI account with, on the device, to tell corporate from personal (docs/extension.md).
 */
export function AccountDomainsSection(props: { policy: Y.Doc | undefined; canEdit: boolean }) {
  const { policy, canEdit } = props;
  const stored = useDocument(policy, readDomains, NONE);
  const [draft, setDraft] = useState<string>();
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string }>();
  const editable = canEdit && policy !== undefined;
  const value = draft ?? stored.join(', ');

  function save(event: FormEvent) {
    event.preventDefault();
    if (!editable) return;
    const domains = value
      .split(/[\s,;]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    try {
      setAccountDomains(policy, domains);
      setDraft(undefined);
      setMessage({ kind: 'saved', text: `Saved: ${domains.length} email domains.` });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section aria-labelledby="account-domains-heading">
      <h2 id="account-domains-heading">Email domains</h2>
      <form className="settings-form" aria-label="Email domains" onSubmit={save}>
        <fieldset disabled={!editable}>
          <label>
            The organisation’s email domains
            <input
              type="text"
              value={value}
              placeholder="acme.com, acme.de"
              onChange={(event) => {
                setDraft(event.target.value);
                setMessage(undefined);
              }}
            />
          </label>
          <p className="muted hint">
            An account signed in to an AI tool at one of these domains counts as corporate. The
            extensions compare on the device and send only corporate, personal or unknown — never an
            address. No AI tool’s account is read yet: see the extension’s documentation.
          </p>
          {editable && (
            <button type="submit" disabled={draft === undefined}>
              Save domains
            </button>
          )}
        </fieldset>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
