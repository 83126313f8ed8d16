import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { riskRegisterCsv, riskRegisterGrcCsv } from '../../../shared/assessments/index.ts';
import { useExportProvenance } from '../exports/provenance.tsx';
import { deleteRisk, type Risk } from '../../../shared/documents/registry/index.ts';
import { browserSaveFile, type SaveFile } from '../inventory/list/download.ts';
import { parseRoute, replaceRoute, useHash } from '../router/hash-route.ts';
import { ConfirmDialog } from '../settings/ConfirmDialog.tsx';
import { useRegistry } from '../sync/documents.ts';
import { exportFileName } from '../inventory/list/download.ts';
import { RiskDialog } from './RiskDialog.tsx';
import { RiskFilters } from './RiskFilters.tsx';
import { risksHref, riskRows, matchesFilter, sortRows, viewFromParams } from './risk-rows.ts';
import { RiskTable } from './RiskTable.tsx';
import { SubjectComments } from '../comments/CommentsPanel.tsx';
import { REGISTRY_SCHEMA } from '../../../shared/documents/registry/schema.ts';
import { useRisks } from './use-risks.ts';
import { useRiskErm } from './erm/use-risk-erm.ts';
import { useNumberRisks, useRiskRefs } from './use-risk-refs.ts';
import { useRouteAction } from '../router/route-action.ts';
import './risks.css';

export interface RiskRegisterProps {
  registry: Y.Doc | undefined;
  /** Leads and admins write the registry; contributors read it. */
  canEdit: boolean;
  me: string;
  workspace: string;
  now?: () => number;
  saveFile?: SaveFile;
}

/** `#/risks`: every risk across systems, filtered and sorted from the address. */
export function RiskRegister({
  registry,
  canEdit,
  me,
  workspace,
  now = Date.now,
  saveFile = browserSaveFile,
}: RiskRegisterProps) {
  const { risks, problems } = useRisks(registry);
  const { records } = useRegistry(registry);
  const { filter, sort } = viewFromParams(parseRoute(useHash()).params);
  const [editing, setEditing] = useState<{ risk: Risk | undefined }>();
  const [removing, setRemoving] = useState<Risk>();
  const provenance = useExportProvenance();
  const { erm } = useRiskErm(registry);
  const recordList = useMemo(
    () => [...records.values()].sort((a, b) => a.name.localeCompare(b.name, 'en')),
    [records],
  );
  const refs = useRiskRefs(registry);
  useNumberRisks(registry, [...risks.keys()], refs, canEdit);
  const all = useMemo(() => riskRows(risks.values(), records, refs), [risks, records, refs]);
  const rows = sortRows(
    all.filter((row) => matchesFilter(row, filter)),
    sort,
  );

  function exportCsv() {
    const names = new Map([...records.values()].map((r) => [r.id, r.name]));
    const at = now();
    saveFile({
      name: exportFileName(workspace, 'risk-register', at, 'csv'),
      type: 'text/csv;charset=utf-8',
      text: riskRegisterCsv(risks.values(), names, {
        refs,
        ...(registry ? { provenance: provenance(at, registry) } : {}),
      }),
    });
  }

  /** ERM3: the register for the organisation's ERM or GRC tool (grc-export.ts). */
  function exportGrc() {
    const names = new Map([...records.values()].map((r) => [r.id, r.name]));
    const at = now();
    saveFile({
      name: exportFileName(workspace, 'erm-risks', at, 'csv'),
      type: 'text/csv;charset=utf-8',
      text: riskRegisterGrcCsv(risks.values(), erm, names, {
        ...(registry ? { provenance: provenance(at, registry) } : {}),
      }),
    });
  }
  // The palette's actions (`#/risks?do=…`).
  useRouteAction('export-csv', exportCsv, registry !== undefined);
  useRouteAction('new-risk', () => setEditing({ risk: undefined }), canEdit);
  useRouteAction(
    'open-risk',
    (id) => {
      const risk = id === undefined ? undefined : risks.get(id);
      if (risk && canEdit) setEditing({ risk });
    },
    risks.size > 0,
  );

  if (!registry) {
    return (
      <div className="prose">
        <h1>Risk register</h1>
        <p className="muted">This role cannot read the registry.</p>
      </div>
    );
  }
  return (
    <div className="risk-register">
      <div className="risk-register-head">
        <h1>Risk register</h1>
        <div className="risk-register-actions">
          <button type="button" onClick={exportCsv}>
            Export CSV
          </button>
          <button type="button" onClick={exportGrc}>
            Export for ERM (CSV)
          </button>
          {canEdit && (
            <button
              type="button"
              className="primary"
              onClick={() => setEditing({ risk: undefined })}
            >
              New risk
            </button>
          )}
        </div>
      </div>
      {!canEdit && <p className="muted">Read only: leads and admins edit the register.</p>}
      <RiskFilters
        filter={filter}
        sort={sort}
        records={recordList}
        onChange={(next, nextSort) => replaceRoute(risksHref(next, nextSort))}
      />
      <p className="muted" aria-live="polite">
        {rows.length === all.length
          ? `${all.length} ${all.length === 1 ? 'risk' : 'risks'}`
          : `${rows.length} of ${all.length} risks`}
      </p>
      <RiskTable
        rows={rows}
        canEdit={canEdit}
        onEdit={(risk) => setEditing({ risk })}
        onRemove={setRemoving}
        comments={(risk, ref) =>
          registry && (
            <SubjectComments
              host={{ doc: registry, schema: REGISTRY_SCHEMA }}
              subject={{ type: 'risk', id: risk.id }}
              title={ref ?? risk.description.slice(0, 80)}
              actor={{ name: me, role: canEdit ? 'lead' : 'contributor' }}
              canComment={canEdit}
              readOnlyReason="Only leads comment on risks (they alone write the registry); you can read the discussion."
              now={now}
            />
          )
        }
      />
      {problems.length > 0 && (
        <p className="muted small">
          {problems.length} unreadable {problems.length === 1 ? 'entry was' : 'entries were'} left
          out.
        </p>
      )}
      {editing && (
        <RiskDialog
          registry={registry}
          records={recordList}
          risk={editing.risk}
          me={me}
          now={now}
          onClose={() => setEditing(undefined)}
        />
      )}
      <ConfirmDialog
        open={removing !== undefined}
        title="Remove this risk?"
        action="Remove risk"
        onConfirm={() => {
          if (removing) deleteRisk(registry, removing.id);
          setRemoving(undefined);
        }}
        onCancel={() => setRemoving(undefined)}
      >
        <p>{removing?.description}</p>
        <p className="muted">It leaves the register for everyone. Exports made before keep it.</p>
      </ConfirmDialog>
    </div>
  );
}
