import { useState } from 'react';
import type * as Y from 'yjs';
import type { RecordRef } from '../../../shared/documents/registry/index.ts';
import { dismissAll, mergeAllInto, snoozeAll } from '../triage/bulk-triage.ts';
import type { Actor } from '../triage/triage-actions.ts';
import { DismissForm, MergeForm, SnoozeForm } from '../triage/triage-forms.tsx';
import { triageWrite } from '../triage/triage-undo.ts';

export const BULK_FORMS = ['dismiss', 'snooze', 'merge'] as const;
export type BulkForm = (typeof BULK_FORMS)[number];

const BUTTONS: Record<BulkForm, string> = {
  dismiss: 'Dismiss selected…',
  snooze: 'Snooze selected…',
  merge: 'Merge selected into…',
};

interface Props {
  toolKeys: readonly string[];
  registry: Y.Doc;
  records: readonly RecordRef[];
  actor: () => Actor;
  /** The form shown (the inbox owns it, so that the palette can open one). */
  form: BulkForm | undefined;
  onForm(form: BulkForm | undefined): void;
  onClear(): void;
  /** After the writes: a sentence for the status line, and whether the tools are set aside. */
  onDone(message: string, setAside: boolean): void;
}

const tools = (n: number) => `${n} ${n === 1 ? 'tool' : 'tools'}`;

/** The actions on the ticked rows: dismiss, snooze or merge them all, in one change. */
export function BulkBar({ toolKeys, registry, records, actor, form, onForm, ...props }: Props) {
  const [error, setError] = useState<string>();
  function act(write: () => string, setsAside: boolean) {
    try {
      const message = triageWrite(registry, write);
      setError(undefined);
      onForm(undefined);
      props.onDone(message, setsAside);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }
  const close = () => onForm(undefined);
  return (
    <section className="bulk-bar" aria-label="Selected tools">
      <div className="bulk-actions">
        <strong>{toolKeys.length} selected</strong>
        {BULK_FORMS.map((kind) => (
          <button
            key={kind}
            type="button"
            aria-expanded={form === kind}
            onClick={() => onForm(form === kind ? undefined : kind)}
          >
            {BUTTONS[kind]}
          </button>
        ))}
        <button type="button" onClick={props.onClear}>
          Clear selection
        </button>
      </div>
      {form === 'dismiss' && (
        <DismissForm
          onCancel={close}
          onSubmit={(reason) =>
            act(() => {
              const n = dismissAll(registry, toolKeys, reason, actor());
              return `Dismissed ${tools(n)}.`;
            }, true)
          }
        />
      )}
      {form === 'snooze' && (
        <SnoozeForm
          now={() => actor().at}
          onCancel={close}
          onSubmit={(until) =>
            act(() => {
              const n = snoozeAll(registry, toolKeys, until, actor());
              return `Snoozed ${tools(n)} until ${new Date(until).toISOString().slice(0, 10)}.`;
            }, true)
          }
        />
      )}
      {form === 'merge' && (
        <MergeForm
          records={records}
          current={undefined}
          onCancel={close}
          onSubmit={(id) =>
            act(() => {
              const n = mergeAllInto(registry, toolKeys, id, actor());
              const name = records.find((r) => r.id === id)?.name ?? id;
              return `Merged ${tools(n)} into ${name}.`;
            }, false)
          }
        />
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
