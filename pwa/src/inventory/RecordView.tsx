import { useCallback, useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import {
  ensureRecordLogs,
  readRecordLogs,
  type RecordLogs,
  type RegistryRecord,
} from '../../../shared/documents/registry/index.ts';
import { RecordAssessments } from '../assessments/RecordAssessments.tsx';
import { useDocument } from '../sync/use-document.ts';
import { VendorFacts } from '../vendor-facts/VendorFacts.tsx';
import { RecordSuppliers } from '../suppliers/RecordSuppliers.tsx';
import { ClassificationPanel } from './ClassificationPanel.tsx';
import { DutyTracker } from './duties/DutyTracker.tsx';
import { MonitoringPanel } from '../monitoring/MonitoringPanel.tsx';
import { useTierScheme } from '../settings/use-tier-scheme.ts';
import { formatDay, tierName } from './classification-words.ts';
import { useRecordViewers } from './record/presence.ts';
import { RecordFieldsEditor } from './record/RecordFieldsEditor.tsx';
import { RecordActions } from './record/RecordActions.tsx';
import { RecordFieldsList } from './record/RecordFieldsList.tsx';
import { RecordCustomFields } from './record/RecordCustomFields.tsx';
import { RecordHistory } from './record/RecordHistory.tsx';
import { RecordNotes } from './record/RecordNotes.tsx';
import { RecordPresence } from './record/RecordPresence.tsx';
import { personShown } from './record/record-words.ts';
import { SubjectComments } from '../comments/CommentsPanel.tsx';
import { REGISTRY_SCHEMA } from '../../../shared/documents/registry/schema.ts';
import './record/record.css';

interface Props {
  record: RegistryRecord;
  registry: Y.Doc;
  canEdit: boolean;
  /** Admins may delete a record. */
  isAdmin?: boolean;
  /** Every record, for merging this one into another. */
  records?: ReadonlyMap<string, RegistryRecord>;
  me: string;
  now?: (() => number) | undefined;
  /** Ids for new notes (tests pass a counter). */
  newId?: () => string;
}

const NO_LOGS: RecordLogs = { notes: [], history: [], problems: [] };
const randomId = () => crypto.randomUUID();

/**
 * One inventory record (an ISO/IEC 42001 inventory entry): its fields (editable by leads), who
 * else is looking at it, its notes, classification, links to assessments, and its history.
 */
export function RecordView({
  record,
  registry,
  canEdit,
  isAdmin = false,
  records,
  me,
  now = Date.now,
  newId = randomId,
}: Props) {
  const others = useMemo(
    () =>
      [...(records?.values() ?? [])]
        .filter((other) => other.id !== record.id)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [records, record.id],
  );
  const read = useCallback((doc: Y.Doc) => readRecordLogs(doc, record.id), [record.id]);
  const logs = useDocument(registry, read, NO_LOGS);
  const viewers = useRecordViewers(record.id);
  const tiers = useTierScheme(registry);
  const host = useMemo(() => ({ doc: registry, schema: REGISTRY_SCHEMA }), [registry]);
  useEffect(() => {
    // Containers made now sync before anyone writes a note into them (see ensureRecordLogs).
    if (!canEdit) return;
    try {
      ensureRecordLogs(registry, record.id);
    } catch {
      // A document from newer code is read-only here; its writers say so when used.
    }
  }, [canEdit, registry, record.id]);
  return (
    <article className="record-view" aria-labelledby="record-heading">
      <p>
        <a href="#/inventory">← Inventory</a>
      </p>
      <header className="record-header">
        <h1 id="record-heading">{record.name}</h1>
        <RecordPresence viewers={viewers} />
        <SubjectComments
          host={host}
          subject={{ type: 'record', id: record.id }}
          title={record.name}
          actor={{ name: me, role: isAdmin ? 'admin' : canEdit ? 'lead' : 'contributor' }}
          canComment={canEdit}
          readOnlyReason="Only leads comment on records (they alone write the registry); you can read the discussion."
          now={now}
        />
      </header>
      <p className="muted record-dates">
        Created {formatDay(record.createdAt)} by {personShown(record.createdBy)} · last changed{' '}
        {formatDay(record.updatedAt)} by {personShown(record.updatedBy)}
      </p>
      {canEdit && (
        <RecordActions
          record={record}
          others={others}
          registry={registry}
          me={me}
          isAdmin={isAdmin}
          now={now}
        />
      )}
      {canEdit ? (
        <RecordFieldsEditor record={record} registry={registry} me={me} now={now} />
      ) : (
        <RecordFieldsList record={record} />
      )}
      <RecordCustomFields registry={registry} recordId={record.id} />
      {record.toolKeys.length > 0 && <VendorFacts toolKeys={record.toolKeys} level={2} />}
      <RecordSuppliers
        registry={registry}
        recordId={record.id}
        toolKeys={record.toolKeys}
        canEdit={canEdit}
        me={me}
        now={now ?? Date.now}
      />
      <RecordNotes
        recordId={record.id}
        notes={logs.notes}
        registry={registry}
        canEdit={canEdit}
        me={me}
        now={now}
        newId={newId}
      />
      <ClassificationPanel
        key={record.id}
        recordId={record.id}
        classification={record.classification}
        registry={registry}
        canEdit={canEdit}
        me={me}
        now={now}
      />
      <DutyTracker record={record} registry={registry} canEdit={canEdit} me={me} now={now} />
      <MonitoringPanel
        recordId={record.id}
        registry={registry}
        canEdit={canEdit}
        me={me}
        now={now}
      />
      <section aria-labelledby="record-links-heading">
        <h2 id="record-links-heading">Assessments and risks</h2>
        <RecordAssessments registry={registry} recordId={record.id} canStart={canEdit} />
      </section>
      <RecordHistory
        record={record}
        history={logs.history}
        now={now()}
        names={{ tier: (id) => tierName(id, tiers) }}
      />
    </article>
  );
}
