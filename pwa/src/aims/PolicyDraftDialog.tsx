import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  MAX_POLICY_LINK,
  MAX_POLICY_SUMMARY,
  MAX_POLICY_TITLE,
  readAiPolicy,
  savePolicyDraft,
  type PolicyDraft,
  type PolicyVersion,
} from '../../../shared/documents/aims/index.ts';
import { newRecordId } from '../inventory/list/new-record-id.ts';
import { FormDialog } from '../ui/FormDialog.tsx';

interface Props {
  registry: Y.Doc;
  /** The draft being edited, or the version a new draft starts from. */
  from: PolicyVersion | undefined;
  /** Whether `from` is edited in place (a draft) rather than copied into a new draft. */
  editing: boolean;
  me: string;
  now: () => number;
  onClose(): void;
}

/** Writes a draft of the AI policy. A refused save says why and changes nothing. */
export function PolicyDraftDialog({ registry, from, editing, me, now, onClose }: Props) {
  const [opened] = useState<PolicyDraft>({
    title: from?.title ?? 'AI policy',
    summary: from?.summary ?? '',
    link: from?.link ?? 'https://',
  });
  const [draft, setDraft] = useState<PolicyDraft>(opened);
  const [error, setError] = useState<string>();
  const set = (key: keyof PolicyDraft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const id = editing && from ? from.id : newRecordId();
      // A field this person left as it was takes the draft's value now: another lead may have
      // edited it while this dialog was open.
      const latest = editing ? readAiPolicy(registry).versions.find((v) => v.id === id) : undefined;
      const pick = (key: keyof PolicyDraft) =>
        latest && draft[key] === opened[key] ? latest[key] : draft[key].trim();
      const saved = { title: pick('title'), summary: pick('summary'), link: pick('link') };
      savePolicyDraft(registry, id, saved, me, now());
    } catch (failure) {
      setError(`Not saved: ${failure instanceof Error ? failure.message : String(failure)}.`);
      return;
    }
    onClose();
  }

  return (
    <FormDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={editing ? 'Edit the draft policy' : 'New draft of the AI policy'}
      description="Employees see the summary and the link in the browser extension once top management approves this draft."
      onSubmit={submit}
      error={error}
      submitLabel="Save draft"
      size="wide"
      className="aims-dialog"
    >
      <label>
        Title (required)
        <input maxLength={MAX_POLICY_TITLE} value={draft.title} onChange={set('title')} />
      </label>
      <label>
        Summary for employees (required)
        <textarea
          rows={4}
          maxLength={MAX_POLICY_SUMMARY}
          value={draft.summary}
          onChange={set('summary')}
        />
      </label>
      <label>
        Link to the whole policy (https, required)
        <input maxLength={MAX_POLICY_LINK} value={draft.link} onChange={set('link')} />
      </label>
    </FormDialog>
  );
}
