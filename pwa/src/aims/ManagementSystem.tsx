import { Fragment, useEffect, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import {
  AIMS_GAPS,
  AIMS_AUDITS,
  AIMS_COMPETENCES,
  AIMS_DOCUMENTS,
  AIMS_TRAINING,
  competenceNeeds,
  documentRegister,
  isReviewDue,
  systemsWithoutOversight,
  AIMS_FINDINGS,
  AIMS_NONCONFORMITIES,
  AIMS_REVIEWS,
  AIMS_REGISTERS,
  AIMS_ROLES,
  AIMS_SCOPE_ITEMS,
  aimsRegister,
  aiPolicyCsv,
  readAiPolicy,
  aimsRegisterCsv,
  deleteAimsEntry,
  isActionOverdue,
  isTopManagement,
  readManagementReviews,
  type AimsEntry,
  type RegisterSpec,
} from '../../../shared/documents/aims/index.ts';
import { aimsJson, aimsLinkNames } from '../../../shared/exports/index.ts';
import { browserSaveFile, exportFileName, type SaveFile } from '../inventory/list/download.ts';
import { useRisks } from '../risks/use-risks.ts';
import { readPeople } from '../../../shared/documents/registry/index.ts';
import { ConfirmDialog } from '../settings/ConfirmDialog.tsx';
import { useRegistry } from '../sync/documents.ts';
import { EntryDialog } from './EntryDialog.tsx';
import { PolicySection } from './PolicySection.tsx';
import { AuditChecklist } from './AuditChecklist.tsx';
import { ReviewApproval } from './ReviewApproval.tsx';
import { CompetenceMatrix } from './CompetenceMatrix.tsx';
import { ControlledDocuments } from './DocumentList.tsx';
import { GapAnalysisView } from './GapAnalysisView.tsx';
import { InterviewsSection } from './interviews/InterviewsSection.tsx';
import { linkOptions } from './link-options.ts';
import { RegisterSection } from './RegisterSection.tsx';
import { recordsWithoutScope } from './scope-coverage.ts';
import { useAims } from './use-aims.ts';
import { SupplierDetails } from '../suppliers/SupplierDetails.tsx';
import { supplierAlerts } from '../suppliers/supplier-words.ts';
import {
  AIMS_SUPPLIER_ANSWERS,
  AIMS_SUPPLIER_QUESTIONS,
  AIMS_SUPPLIERS,
} from '../../../shared/documents/aims/index.ts';
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
  const people = useMemo(
    () => (registry ? readPeople(registry).people.map((person) => person.name) : []),
    // aims changes with every change of the registry, the people directory's included.
    [registry, aims],
  );
  const links = useMemo(
    () => linkOptions(records.values(), risks.values(), aims, me, people),
    [records, risks, aims, me, people],
  );
  const [editing, setEditing] = useState<{ register: RegisterSpec; entry?: AimsEntry }>();
  const [removing, setRemoving] = useState<{ register: RegisterSpec; entry: AimsEntry }>();

  useEffect(() => {
    if (
      section &&
      (aimsRegister(section) || section === 'aimsPolicy' || section === 'interviews')
    ) {
      document.getElementById(`aims-${section}`)?.scrollIntoView({ block: 'start' });
    }
  }, [section]);

  // The same files as `sightline export --what aims` (shared/exports/aims-export.ts).
  function exportCsv(register: RegisterSpec) {
    saveFile({
      name: exportFileName(workspace, register.id, now(), 'csv'),
      type: 'text/csv;charset=utf-8',
      text: aimsRegisterCsv(
        register,
        aims.get(register.id)?.entries ?? [],
        aimsLinkNames(registry!),
      ),
    });
  }

  function exportJson() {
    saveFile({
      name: exportFileName(workspace, 'management-system', now(), 'json'),
      type: 'application/json',
      text: aimsJson(registry!, now()),
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
  const findings = aims.get(AIMS_FINDINGS.id)?.entries ?? [];
  const reviews = new Map(readManagementReviews(registry).reviews.map((r) => [r.id, r]));
  const topManagement = isTopManagement(registry, me);
  // The finding each nonconformity came from: the link is held once, by the finding (AUD4).
  const fromFinding = new Map<string, string>();
  for (const finding of findings) {
    for (const ncId of (finding.values.nonconformityIds as string[] | undefined) ?? []) {
      fromFinding.set(ncId, String(finding.values.title));
    }
  }
  const extras: Partial<Record<string, (entry: AimsEntry) => ReactNode>> = {
    [AIMS_AUDITS.id]: (audit) => (
      <AuditChecklist
        audit={audit}
        findings={findings.filter((f) =>
          ((f.values.auditIds as string[] | undefined) ?? []).includes(audit.id),
        )}
      />
    ),
    [AIMS_REVIEWS.id]: (entry) => {
      const review = reviews.get(entry.id);
      return review ? (
        <ReviewApproval
          registry={registry}
          review={review}
          canApprove={canEdit && topManagement}
          me={me}
          now={now}
        />
      ) : null;
    },
    [AIMS_SUPPLIERS.id]: (supplier) => (
      <SupplierDetails
        supplier={supplier}
        questions={aims.get(AIMS_SUPPLIER_QUESTIONS.id)?.entries ?? []}
        answers={aims.get(AIMS_SUPPLIER_ANSWERS.id)?.entries ?? []}
      />
    ),
  };
  const badges: Partial<Record<string, (entry: AimsEntry) => string | undefined>> = {
    [AIMS_NONCONFORMITIES.id]: (entry) =>
      isActionOverdue(entry.values, at)
        ? 'Action overdue'
        : fromFinding.has(entry.id)
          ? 'From an audit finding'
          : undefined,
    [AIMS_DOCUMENTS.id]: (entry) =>
      dueDocuments.has(`${AIMS_DOCUMENTS.id}/${entry.id}`) ? 'Review due' : undefined,
    [AIMS_REVIEWS.id]: (entry) => {
      const state = reviews.get(entry.id)?.state;
      return state === 'approved' ? 'Approved' : state === 'altered' ? 'Altered' : 'Draft';
    },
    [AIMS_SUPPLIERS.id]: (entry) => supplierAlerts(entry.values, at).join(' · ') || undefined,
  };
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
  const entriesOf = (register: RegisterSpec) => aims.get(register.id)?.entries ?? [];
  const documents = documentRegister(registry);
  const footers: Partial<Record<string, ReactNode>> = {
    [AIMS_SCOPE_ITEMS.id]: scopeFooter,
    [AIMS_TRAINING.id]: (
      <CompetenceMatrix
        needs={competenceNeeds(
          entriesOf(AIMS_COMPETENCES),
          entriesOf(AIMS_ROLES),
          entriesOf(AIMS_TRAINING),
          at,
        )}
        unoverseen={systemsWithoutOversight(records.values(), entriesOf(AIMS_COMPETENCES))}
      />
    ),
    [AIMS_DOCUMENTS.id]: <ControlledDocuments rows={documents} now={at} />,
    [AIMS_GAPS.id]: <GapAnalysisView registry={registry} now={at} version={aims} />,
  };
  const dueDocuments = new Set(
    documents.filter((row) => isReviewDue(row, at)).map((row) => row.id),
  );
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
        ISO/IEC 42001 clauses 4 to 10: the scope, its context, the roles, the AI objectives, the
        internal audits, the corrective actions and the management reviews an auditor asks for.
        {!canEdit && ' Read only: leads and admins edit these registers.'}
      </p>
      <nav aria-label="Registers" className="aims-toc">
        {AIMS_REGISTERS.map((register) => (
          <Fragment key={register.id}>
            {register.id === AIMS_ROLES.id && <a href="#/aims/aimsPolicy">5.2 AI policy</a>}
            <a href={`#/aims/${register.id}`}>
              {register.clause} {register.title}
            </a>
            {register.id === AIMS_GAPS.id && <a href="#/aims/interviews">Stakeholder interviews</a>}
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
            footer={footers[register.id]}
            badge={badges[register.id]}
            extra={extras[register.id]}
            locked={
              register.frozenOnApproval
                ? (entry) => reviews.get(entry.id)?.state !== 'draft'
                : undefined
            }
          />
          {register.id === AIMS_GAPS.id && (
            <InterviewsSection
              registry={registry}
              aims={aims}
              isLead={canEdit}
              people={people}
              me={me}
              now={now}
            />
          )}
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
