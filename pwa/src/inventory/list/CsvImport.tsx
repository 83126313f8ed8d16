import { Dialog } from 'radix-ui';
import { memo, useState, type ChangeEvent } from 'react';
import type * as Y from 'yjs';
import type { InventoryImport } from '../../../../shared/inventory/index.ts';
import '../../ui/form-dialog.css';
import { importRecords, readInventoryFile } from './import-file.ts';

interface Props {
  registry: Y.Doc;
  /** Names already in the inventory: rows naming one are left out as duplicates. */
  existingNames: () => Iterable<string>;
  me: string;
  now: () => number;
}

const FIELD_WORDS: Record<string, string> = {
  name: 'name',
  vendor: 'vendor',
  category: 'category',
  purpose: 'purpose',
  owner: 'owner',
  lifecycle: 'lifecycle',
  departments: 'departments',
  userCount: 'users',
  dataCategories: 'data categories',
  model: 'model',
  provider: 'provider',
};
const SHOWN_PROBLEMS = 100;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function ProblemList({ title, problems }: { title: string; problems: InventoryImport['errors'] }) {
  if (problems.length === 0) return null;
  return (
    <section className="import-problems" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {problems.slice(0, SHOWN_PROBLEMS).map((problem) => (
          <li key={problem.row}>
            Row {problem.row}: {problem.reason}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN_PROBLEMS && (
        <p className="muted">…and {problems.length - SHOWN_PROBLEMS} more.</p>
      )}
    </section>
  );
}

/** CSV import: choose a file, see what it would add (and what is wrong), then confirm. */
export const CsvImport = memo(function CsvImport({ registry, existingNames, me, now }: Props) {
  const [preview, setPreview] = useState<{ file: string; result: InventoryImport }>();
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();

  async function chosen(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again (after fixing it) reads it again.
    input.value = '';
    if (!file) return;
    setMessage(undefined);
    setPreview({ file: file.name, result: await readInventoryFile(file, existingNames()) });
  }

  function confirm() {
    if (!preview) return;
    try {
      const ids = importRecords(registry, preview.result.records, me, now());
      setMessage({
        text: `Imported ${plural(ids.length, 'record', 'records')} from ${preview.file}.`,
        failed: false,
      });
    } catch (failure) {
      const why = failure instanceof Error ? failure.message : String(failure);
      setMessage({ text: `Nothing was imported: ${why}`, failed: true });
    }
    setPreview(undefined);
  }

  const result = preview?.result;
  const count = result?.records.length ?? 0;
  const used = result?.columns.filter((c) => c.field) ?? [];
  const leftOut = result?.columns.filter((c) => !c.field && c.header.trim() !== '') ?? [];
  return (
    <>
      <label className="button-like file-button">
        Import CSV…
        <input type="file" accept=".csv,text/csv" className="visually-hidden" onChange={chosen} />
      </label>
      {message && (
        <p role={message.failed ? 'alert' : 'status'} className="import-message">
          {message.text}
        </p>
      )}
      <Dialog.Root
        open={preview !== undefined}
        onOpenChange={(open) => !open && setPreview(undefined)}
      >
        <Dialog.Portal>
          <Dialog.Overlay className="form-dialog-overlay" />
          <Dialog.Content className="form-dialog import-dialog">
            <Dialog.Title>
              {result?.fatal
                ? `Nothing to import from ${preview?.file}`
                : `Import from ${preview?.file}`}
            </Dialog.Title>
            <Dialog.Description className="import-summary">
              {result?.fatal ??
                [
                  plural(count, 'new record', 'new records'),
                  plural(result?.errors.length ?? 0, 'row with errors', 'rows with errors'),
                  plural(result?.duplicates.length ?? 0, 'duplicate', 'duplicates'),
                ].join(' · ')}
            </Dialog.Description>
            {result && !result.fatal && (
              <>
                <p className="muted">
                  Columns read:{' '}
                  {used.map((c) => `${c.header} (${FIELD_WORDS[c.field!] ?? c.field})`).join(', ')}.
                  {leftOut.length > 0 && <> Left out: {leftOut.map((c) => c.header).join(', ')}.</>}
                </p>
                <ProblemList title="Rows with errors (not imported)" problems={result.errors} />
                <ProblemList title="Duplicates (not imported)" problems={result.duplicates} />
              </>
            )}
            <div className="form-dialog-actions">
              <Dialog.Close asChild>
                <button type="button">{count > 0 ? 'Cancel' : 'Close'}</button>
              </Dialog.Close>
              {count > 0 && (
                <button type="button" className="primary" onClick={confirm}>
                  Import {plural(count, 'record', 'records')}
                </button>
              )}
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
});
