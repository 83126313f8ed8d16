import { X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import type { RecordRef } from '../../../shared/documents/registry/index.ts';
import { AddHostToCatalog } from '../policy/AddHostToCatalog.tsx';
import { hostOfToolKey } from '../policy/catalog-from-host.ts';
import { StatusEditor } from '../policy/StatusEditor.tsx';
import { TriagePanel, type TriageForm } from '../triage/TriagePanel.tsx';
import { lazyPart } from '../ui/lazy-part.tsx';
import { formatDay, type InboxRow } from './inbox-rows.ts';

// The vendor facts read the built-in catalog (thousands of tools): loaded when a row is opened, not
// with the inbox (the first-load budget, docs/pwa.md "Speed").
const VendorFacts = lazyPart(() =>
  import('../vendor-facts/VendorFacts.tsx').then((module) => module.VendorFacts),
);

interface Props {
  row: InboxRow;
  policy: Y.Doc | undefined;
  canEditPolicy: boolean;
  registry: Y.Doc | undefined;
  records: readonly RecordRef[];
  canTriage: boolean;
  triageForm: TriageForm | undefined;
  onTriageForm(form: TriageForm | undefined): void;
  onTriaged(message: string, setAside: boolean): void;
  updatedBy: string;
  now: () => number;
  onClose(): void;
}

/**
 * One discovered tool in full, its triage, and the status employees see for it. Opening it moves
 * the focus into it (Tab then walks its own controls, not the page's); the inbox puts the focus
 * back on the tool's row when it closes.
 */
export function DetailPanel(props: Props) {
  const { row, policy, canEditPolicy, updatedBy, onClose } = props;
  const unknownHost = hostOfToolKey(row.toolKey);
  const panel = useRef<HTMLElement>(null);
  // A form that opened with the panel (`d` on a closed panel) has already taken the focus.
  useEffect(() => {
    if (!panel.current?.contains(document.activeElement)) panel.current?.focus();
  }, []);
  return (
    <aside className="detail-panel" aria-labelledby="detail-heading" ref={panel} tabIndex={-1}>
      <header>
        <h2 id="detail-heading">{row.name}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close details">
          <X size={18} />
        </button>
      </header>
      <dl>
        <dt>Category</dt>
        <dd>{row.category}</dd>
        <dt>People</dt>
        <dd>{row.reporters}</dd>
        <dt>Seen</dt>
        <dd>
          {formatDay(row.firstSeen)} to {formatDay(row.lastSeen)}
        </dd>
        {/* Reported days after it was seen (an extension offline): why it is new though seen long ago. */}
        {formatDay(row.firstReportedAt) > formatDay(row.firstSeen) && (
          <>
            <dt>First reported</dt>
            <dd>{formatDay(row.firstReportedAt)}, later than first seen</dd>
          </>
        )}
        <dt>How found</dt>
        <dd>{row.howFound.join(', ') || '—'}</dd>
        {unknownHost !== undefined && (
          <>
            <dt>Catalog</dt>
            <dd>
              {row.flagCount > 0 && row.howFound.length === 1
                ? 'Not in the catalog: an employee flagged it.'
                : 'Possibly AI — not in the catalog: its name says AI.'}
            </dd>
          </>
        )}
        {row.hosts.length > 0 && (
          <>
            <dt>Hosts</dt>
            <dd>{row.hosts.join(', ')}</dd>
          </>
        )}
        {row.purposes.length > 0 && (
          <>
            <dt>Flagged for</dt>
            <dd>
              <ul>
                {row.purposes.map((purpose) => (
                  <li key={purpose}>{purpose}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {row.dataKinds.length > 0 && (
          <>
            <dt>Data that goes in</dt>
            <dd>{row.dataKinds.join(', ')}</dd>
          </>
        )}
      </dl>
      <VendorFacts toolKeys={[row.toolKey]} />
      {unknownHost !== undefined && (
        <AddHostToCatalog
          key={`catalog:${row.toolKey}`}
          host={unknownHost}
          toolKey={row.toolKey}
          policy={policy}
          canEdit={canEditPolicy}
        />
      )}
      <TriagePanel
        key={`triage:${row.toolKey}`}
        subject={{
          toolKey: row.toolKey,
          name: row.name,
          category: row.categoryKey,
          dataCategories: row.dataCategories,
        }}
        entry={row.triage}
        registry={props.registry}
        records={props.records}
        canTriage={props.canTriage}
        by={updatedBy}
        form={props.triageForm}
        onForm={props.onTriageForm}
        onDone={props.onTriaged}
        now={props.now}
      />
      <StatusEditor
        key={`status:${row.toolKey}`}
        toolKey={row.toolKey}
        current={row.policy}
        policy={policy}
        canEdit={canEditPolicy}
        updatedBy={updatedBy}
        registry={props.canTriage ? props.registry : undefined}
      />
    </aside>
  );
}
