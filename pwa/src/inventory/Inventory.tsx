import { Suspense } from 'react';
import { lazyChunk } from '../error-boundary/lazy-chunk.tsx';
import type * as Y from 'yjs';
import { useRegistry } from '../sync/documents.ts';
import type { SaveFile } from './list/download.ts';
import { RecordView } from './RecordView.tsx';
import { RemovedRecordPage } from './record/RemovedRecordPage.tsx';
import './inventory.css';

// The list brings its table, search index and CSV code: it loads when first opened, not with the
// app (the first-load budget is shared by every page).
const InventoryList = lazyChunk(() =>
  import('./list/InventoryList.tsx').then((module) => module.InventoryList),
);

export { recordHref } from './list/record-href.ts';

interface Props {
  registry: Y.Doc | undefined;
  /** The workspace's policy: an import matches its own catalog additions too. */
  policy?: Y.Doc | undefined;
  /** The record to show (`#/inventory/<id>`); the list when undefined. */
  recordId?: string | undefined;
  canEdit: boolean;
  /** Admins may delete records. */
  isAdmin?: boolean;
  me: string;
  now?: () => number;
  /** The workspace, for the views saved on this device (none offered without it). */
  workspace?: string | undefined;
  /** Where exports go; a browser download unless a test says otherwise. */
  saveFile?: SaveFile;
}

/** The AI inventory: every registry record, and one record with its classification. */
export function Inventory({
  registry,
  policy,
  recordId,
  canEdit,
  isAdmin,
  me,
  now,
  workspace,
  saveFile,
}: Props) {
  const { records, removed } = useRegistry(registry);
  if (registry === undefined) {
    return (
      <div className="prose">
        <h1>Inventory</h1>
        <p className="muted">This role does not see the registry.</p>
      </div>
    );
  }
  if (recordId !== undefined) {
    const record = records.get(recordId);
    const gone = removed?.get(recordId);
    if (!record && gone) return <RemovedRecordPage gone={gone} records={records} />;
    if (!record) {
      return (
        <div className="prose">
          <p>
            <a href="#/inventory">← Inventory</a>
          </p>
          <h1>Not in the inventory</h1>
          <p className="muted">
            There is no record <code>{recordId}</code> on this device.
          </p>
        </div>
      );
    }
    return (
      <RecordView
        record={record}
        records={records}
        registry={registry}
        canEdit={canEdit}
        isAdmin={isAdmin}
        me={me}
        now={now}
      />
    );
  }
  return (
    <Suspense fallback={<p className="muted">Opening the inventory…</p>}>
      <InventoryList
        registry={registry}
        policy={policy}
        canEdit={canEdit}
        me={me}
        now={now}
        workspace={workspace}
        saveFile={saveFile}
      />
    </Suspense>
  );
}
