import { Fragment, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import {
  AIMS_NONCONFORMITIES,
  AIMS_REGISTERS,
  AIMS_ROLES,
  AIMS_SCOPE_ITEMS,
  aimsRegister,
  aiPolicyCsv,
  readAiPolicy,
  aimsRegisterCsv,
  aimsRegistersJson,
  deleteAimsEntry,
  isActionOverdue,
  type AimsEntry,
  type RegisterSpec,
} from '../../../shared/documents/aims/index.ts';
import { browserSaveFile, exportFileName, type SaveFile } from '../inventory/list/download.ts';
import { useRisks } from '../risks/use-risks.ts';
import { ConfirmDialog } from '../settings/ConfirmDialog.tsx';
import { useRegistry } from '../sync/documents.ts';
import { EntryDialog } from './EntryDialog.tsx';
import { PolicySection } from './PolicySection.tsx';
import { linkOptions } from './link-options.ts';
import { RegisterSection } from './RegisterSection.tsx';
import { recordsWithoutScope } from './scope-coverage.ts';
import { useAims } from './use-aims.ts';
import './aims.css';

export interface ManagementSystemProps {
  registry: Y.Doc | undefined;
  /** The policy document, where the approved AI policy is published to the extensions. */
  policy?: Y.Doc | undefined;
  /** The discoveries document: the employees' acknowledgements of the AI policy, per version. */
  discoveries?: Y.Doc | undefined;
  canEditPolicy?: boolean;
  /** Leads and admins write the registry; contributors read it. */
  canEdit: boolean;
  me: string;
  workspace: string;
  /** `#/aims/<register id>`: the section to scroll to. */
  section?: string | undefined;
  now?: () => number;
  saveFile?: SaveFile;
}

const EMPTY = { entries: [], problems: [] };

/** `#/aims`: the AI management system's registers (ISO/IEC 42001 clauses 4–6.2 and 10.2). */
export function ManagementSystem({
  registry,
  policy,
  discoveries,
  canEditPolicy = false,
  canEdit,
  me,
  workspace,
  section,
  now = Date.now,
  saveFile = browserSaveFile,
}: ManagementSystemProps) {
  const aims = useAims(registry);
  const { records } = useRegistry(registry);
  const { risks } = useRisks(registry);
  const links = useMemo(
    () => linkOptions(records.values(), risks.values(), aims, me),
    [records, risks, aims, me],
  );
  const [editing, setEditing] = useState<{ register: RegisterSpec; entry?: AimsEntry }>();
  const [removing, setRemoving] = useState<{ register: RegisterSpec; entry: AimsEntry }>();

  useEffect(() => {
    if (section && (aimsRegister(section) || section === 'aimsPolicy')) {
      document.getElementById(`aims-${section}`)?.scrollIntoView({ block: 'start' });
    }
  }, [section]);

  const names = (options: { id: string; name: string }[]) =>
    new Map(options.map((option) => [option.id, option.name]));

  function exportCsv(register: RegisterSpec) {
    saveFile({
      name: exportFileName(workspace, register.id, now(), 'csv'),
      type: 'text/csv;charset=utf-8',
      text: aimsRegisterCsv(register, aims.get(register.id)?.entries ?? [], {
        records: names(links.records),
        risks: names(links.risks),
        roles: names(links.roles),
      }),
    });
  }

  function exportJson() {
    saveFile({
      name: exportFileName(workspace, 'management-system', now(), 'json'),
      type: 'application/json',
      text: aimsRegistersJson(
        AIMS_REGISTERS.map((register) => ({
          register,
          entries: aims.get(register.id)?.entries ?? [],
        })),
        readAiPolicy(registry!).versions,
      ),
    });
  }

  if (!registry) {
    return (
      <div className="prose">
        <h1>Management system</h1>
        <p className="muted">This role cannot read the registry.</p>
      </div>
    );
  }
  const at = now();
  const undecided = recordsWithoutScope(
    records.values(),
    aims.get(AIMS_SCOPE_ITEMS.id)?.entries ?? [],
  );
  const scopeFooter =
    undecided.length > 0 ? (
      <p className="muted">
        {undecided.length} inventory {undecided.length === 1 ? 'record is' : 'records are'} not yet
        placed in or out of scope:{' '}
        {undecided
          .slice(0, 10)
          .map((r) => r.name)
          .join(', ')}
        {undecided.length > 10 ? ', …' : ''}.
      </p>
    ) : undefined;
  const policySection = (
    <PolicySection
      registry={registry}
      policy={policy}
      discoveries={discoveries}
      canEdit={canEdit}
      canPublish={canEditPolicy}
      me={me}
      now={now}
      onExportCsv={() =>
        saveFile({
          name: exportFileName(workspace, 'ai-policy', now(), 'csv'),
          type: 'text/csv;charset=utf-8',
          text: aiPolicyCsv(readAiPolicy(registry).versions),
        })
      }
    />
  );
  return (
    <div className="aims-page">
      <div className="aims-section-head">
        <h1>Management system</h1>
        <button type="button" onClick={exportJson}>
          Export all as JSON
        </button>
      </div>
      <p className="muted">
        ISO/IEC 42001 clauses 4 to 6.2 and 10.2: the scope, its context, the roles, the AI
        objectives and the corrective actions an auditor asks for first.
        {!canEdit && ' Read only: leads and admins edit these registers.'}
      </p>
      <nav aria-label="Registers" className="aims-toc">
        {AIMS_REGISTERS.map((register) => (
          <Fragment key={register.id}>
            {register.id === AIMS_ROLES.id && <a href="#/aims/aimsPolicy">5.2 AI policy</a>}
            <a href={`#/aims/${register.id}`}>
              {register.clause} {register.title}
            </a>
          </Fragment>
        ))}
      </nav>
      {AIMS_REGISTERS.map((register) => (
        <Fragment key={register.id}>
          {register.id === AIMS_ROLES.id && policySection}
          <RegisterSection
            register={register}
            content={aims.get(register.id) ?? EMPTY}
            links={links}
            canEdit={canEdit}
            onAdd={() => setEditing({ register })}
            onEdit={(entry) => setEditing({ register, entry })}
            onRemove={(entry) => setRemoving({ register, entry })}
            onExportCsv={() => exportCsv(register)}
            footer={register.id === AIMS_SCOPE_ITEMS.id ? scopeFooter : undefined}
            badge={
              register.id === AIMS_NONCONFORMITIES.id
                ? (entry) => (isActionOverdue(entry.values, at) ? 'Action overdue' : undefined)
                : undefined
            }
          />
        </Fragment>
      ))}

      {editing && (
        <EntryDialog
          registry={registry}
          register={editing.register}
          entry={editing.entry}
          links={links}
          me={me}
          now={now}
          onClose={() => setEditing(undefined)}
        />
      )}
      <ConfirmDialog
        open={removing !== undefined}
        title={`Remove this ${removing?.register.noun ?? 'entry'}?`}
        action="Remove"
        onConfirm={() => {
          if (removing) deleteAimsEntry(registry, removing.register, removing.entry.id);
          setRemoving(undefined);
        }}
        onCancel={() => setRemoving(undefined)}
      >
        <p>{String(removing?.entry.values[removing.register.labelField] ?? '')}</p>
        <p className="muted">It leaves the register for everyone. Exports made before keep it.</p>
      </ConfirmDialog>
    </div>
  );
}
