import { useId, useState, type FormEvent } from 'react';
import type { BackgroundClient } from '../background/background-client.ts';
import type { ConcernInput, SiteInfo } from '../background/messages.ts';
import { MAX_CONCERN_TEXT } from '../../shared/documents/report/concern-limits.ts';
import { useSend } from './use-send.ts';

interface Draft {
  toolName: string;
  what: string;
  giveName: boolean;
  name: string;
}

interface Props {
  client: BackgroundClient;
  site: SiteInfo | undefined;
  enrolled: boolean;
}

/** What is sent, exactly: the popup shows it before the employee sends (docs/privacy.md). */
export function concernInput(draft: Draft, site: SiteInfo | undefined): ConcernInput {
  const toolName = draft.toolName.trim() || site?.host || '';
  return {
    ...(site?.host ? { host: site.host } : {}),
    ...(site?.host && site.tool ? { toolKey: site.tool.toolKey } : {}),
    toolName,
    what: draft.what.trim(),
    ...(draft.giveName && draft.name.trim() !== '' ? { name: draft.name.trim() } : {}),
  };
}

/** "Report a concern": something an AI tool did that worries the employee, for the leads. */
export function ConcernSection({ client, site, enrolled }: Props) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>();
  const { sending, outcome, setOutcome, send } = useSend(() => {
    setDraft(undefined);
    setOpen(false);
  });
  const id = useId();
  const current = draft ?? {
    toolName: site?.tool?.name ?? site?.host ?? '',
    what: '',
    giveName: false,
    name: '',
  };
  const set = (patch: Partial<Draft>) => setDraft({ ...current, ...patch });
  const input = concernInput(current, site);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (input.what === '') return setOutcome({ kind: 'error', error: 'say what happened.' });
    void send(() => client.concern(input));
  };

  return (
    <section className="card" aria-label="Report a concern">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => {
          setOpen(!open);
          if (!open) setOutcome(undefined);
        }}
      >
        Report a concern about an AI tool
      </button>
      {outcome?.kind === 'sent' && (
        <p role="status" className="success">
          Thank you: your concern is recorded
          {enrolled
            ? ' and will reach your workspace’s governance team.'
            : ' on this device. It will be sent once you enrol in a workspace.'}
        </p>
      )}
      <form id={`${id}-form`} hidden={!open} onSubmit={submit} noValidate>
        <label htmlFor={`${id}-tool`}>Which AI tool?</label>
        <input
          id={`${id}-tool`}
          type="text"
          autoComplete="off"
          maxLength={100}
          value={current.toolName}
          onChange={(e) => set({ toolName: e.target.value })}
        />
        <label htmlFor={`${id}-what`}>What happened?</label>
        <textarea
          id={`${id}-what`}
          rows={3}
          maxLength={MAX_CONCERN_TEXT}
          value={current.what}
          onChange={(e) => set({ what: e.target.value })}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={current.giveName}
            onChange={(e) => set({ giveName: e.target.checked })}
          />
          Give my name (otherwise the report is anonymous to the team)
        </label>
        {current.giveName && (
          <>
            <label htmlFor={`${id}-name`}>Your name</label>
            <input
              id={`${id}-name`}
              type="text"
              autoComplete="name"
              maxLength={100}
              value={current.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          </>
        )}
        <div className="concern-preview" role="group" aria-label="What will be sent">
          <p className="muted">Your workspace’s governance team will receive exactly this:</p>
          <dl>
            <dt>Tool</dt>
            <dd>{input.toolName || '—'}</dd>
            {input.host && (
              <>
                <dt>Site</dt>
                <dd>{input.host}</dd>
              </>
            )}
            <dt>What happened</dt>
            <dd className="concern-text">{input.what || '—'}</dd>
            <dt>From</dt>
            <dd>{input.name ?? 'No name: a random id of this browser’s extension'}</dd>
          </dl>
        </div>
        {outcome?.kind === 'error' && (
          <p role="alert" className="error">
            The concern was not sent: {outcome.error}
          </p>
        )}
        <button type="submit" className="primary" disabled={sending}>
          {sending ? 'Sending…' : 'Send concern'}
        </button>
      </form>
    </section>
  );
}
