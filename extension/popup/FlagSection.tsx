import { useId, useState, type FormEvent } from 'react';
import type { BackgroundClient } from '../background/background-client.ts';
import type { SiteInfo } from '../background/messages.ts';
import { DATA_CATEGORIES } from '../../shared/documents/schema/values.ts';
import { DATA_CATEGORY_LABELS } from '../ui/labels.ts';
import { useSend } from './use-send.ts';
import {
  NOTE_MAX,
  PURPOSE_MAX,
  initialDraft,
  toFlagInput,
  toggleCategory,
  type FlagDraft,
} from './flag-input.ts';

interface Props {
  client: BackgroundClient;
  site: SiteInfo | undefined;
  enrolled: boolean;
}

/** "Flag this as an AI tool": a disclosure button and the form it opens. */
export function FlagSection({ client, site, enrolled }: Props) {
  const [draft, setDraft] = useState<FlagDraft>();
  const [open, setOpen] = useState(false);
  const { sending, outcome, setOutcome, send } = useSend(() => {
    setDraft(undefined);
    setOpen(false);
  });
  const formId = useId();

  const toggle = () => {
    if (!draft) setDraft(initialDraft(site));
    setOpen(!open);
    if (!open) setOutcome(undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft || sending) return;
    const input = toFlagInput(draft, site);
    if ('error' in input) return setOutcome({ kind: 'error', error: input.error });
    void send(() => client.flag(input.flag));
  };

  return (
    <section className="card" aria-label="Flag this as an AI tool">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={formId}
        onClick={toggle}
      >
        Flag this as an AI tool
      </button>
      {outcome?.kind === 'sent' && (
        <p role="status" className="success">
          Thank you: your flag is recorded
          {enrolled
            ? ' and will be shared with your workspace.'
            : ' on this device. It will be shared once you enrol in a workspace.'}
        </p>
      )}
      {draft && (
        <form id={formId} hidden={!open} onSubmit={submit} noValidate>
          <DraftFields draft={draft} onChange={setDraft} />
          {outcome?.kind === 'error' && (
            <p role="alert" className="error">
              The flag was not sent: {outcome.error}
            </p>
          )}
          <button type="submit" className="primary" disabled={sending}>
            {sending ? 'Sending…' : 'Send flag'}
          </button>
        </form>
      )}
    </section>
  );
}

function DraftFields({ draft, onChange }: { draft: FlagDraft; onChange(d: FlagDraft): void }) {
  const id = useId();
  const set = (patch: Partial<FlagDraft>) => onChange({ ...draft, ...patch });
  return (
    <>
      <label htmlFor={`${id}-host`}>Site</label>
      <input
        id={`${id}-host`}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        required
        value={draft.host}
        onChange={(e) => set({ host: e.target.value })}
      />
      <label htmlFor={`${id}-name`}>Tool name</label>
      <input
        id={`${id}-name`}
        type="text"
        autoComplete="off"
        maxLength={100}
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
      />
      <label htmlFor={`${id}-purpose`}>What do you use it for?</label>
      <textarea
        id={`${id}-purpose`}
        rows={2}
        maxLength={PURPOSE_MAX}
        aria-describedby={`${id}-purpose-count`}
        value={draft.purpose}
        onChange={(e) => set({ purpose: e.target.value })}
      />
      <p id={`${id}-purpose-count`} className="count">
        {draft.purpose.length}/{PURPOSE_MAX}
      </p>
      <fieldset>
        <legend>Which kinds of data go into it?</legend>
        {DATA_CATEGORIES.map((category) => (
          <label key={category} className="check">
            <input
              type="checkbox"
              value={category}
              checked={draft.dataCategories.includes(category)}
              onChange={(e) =>
                set({
                  dataCategories: toggleCategory(draft.dataCategories, category, e.target.checked),
                })
              }
            />
            {DATA_CATEGORY_LABELS[category]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`}>Note (optional)</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={NOTE_MAX}
        value={draft.note}
        onChange={(e) => set({ note: e.target.value })}
      />
    </>
  );
}
