import { useMemo, useState, type JSX } from 'react';
import type * as Y from 'yjs';
import { accessFor, type Role } from '../../../../shared/auth/access.ts';
import {
  checkApprovals,
  missingApprovedVersions,
  signOffGate,
  templateOf,
} from '../../../../shared/assessments/index.ts';
import {
  readAssessment,
  SCHEMA_VERSION,
  type Assessment,
} from '../../../../shared/documents/assessment/index.ts';
import {
  availableTemplates,
  readApprovals,
  type Approval,
} from '../../../../shared/documents/registry/index.ts';
import { useExportProvenance } from '../../exports/provenance.tsx';
import { browserSaveFile, type SaveFile } from '../../inventory/list/download.ts';
import { useRegistry } from '../../sync/documents.ts';
import { sharedReader, useDocument } from '../../sync/use-document.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { ReviewDuePanel } from './ReviewDuePanel.tsx';
import { ReviewersPanel } from './ReviewersPanel.tsx';
import { SectionWorkflow } from './SectionWorkflow.tsx';
import { SignOffPanel } from './SignOffPanel.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';
import './workflow.css';

interface Props {
  assessment: Y.Doc;
  registry: Y.Doc | undefined;
  assessmentId: string;
  role: Role;
  me: string;
  now?: () => number;
  /** Where exports go; the browser's download by default (tests pass their own). */
  saveFile?: SaveFile;
}

const NO_ASSESSMENT: Assessment = {
  sections: new Map(),
  reviewers: [],
  signoffs: [],
  versions: [],
  reviews: [],
  problems: [],
};
const NONE: readonly Approval[] = [];
const NO_APPROVALS: ReturnType<typeof readApprovals> = { approvals: new Map(), problems: [] };
const readAssessmentShared = sharedReader((doc) => ({ read: () => readAssessment(doc) }));
const readApprovalsShared = sharedReader((doc) => ({ read: () => readApprovals(doc) }));

/**
 * The assessment's workflow: section statuses and assignees, reviewers, sign-off (frozen as a
 * version and confirmed in the registry), the versions and their comparisons, the next review
 * and the exports. Who may write follows the permission table (docs/sync.md, P4).
 */
export function AssessmentWorkflow({
  assessment: doc,
  registry,
  assessmentId,
  role,
  me,
  now = Date.now,
  saveFile = browserSaveFile,
}: Props): JSX.Element {
  const provenance = useExportProvenance();
  const assessment = useDocument(doc, readAssessmentShared, NO_ASSESSMENT);
  const stored = useDocument(registry, readApprovalsShared, NO_APPROVALS);
  const records = useRegistry(registry).records;
  const [error, setError] = useState<string>();
  const approvals = useMemo<readonly Approval[] | undefined>(
    () => (registry ? (stored.approvals.get(assessmentId) ?? NONE) : undefined),
    [registry, stored, assessmentId],
  );
  const states = useMemo(
    () => (approvals ? checkApprovals(assessment, approvals) : undefined),
    [assessment, approvals],
  );
  const missing = useMemo(
    () => (approvals ? missingApprovedVersions(assessment, approvals) : []),
    [assessment, approvals],
  );
  // Read on every render: it follows both documents (the text, the register, the settings).
  const gate = registry && assessment.meta ? signOffGate(doc, registry, me) : undefined;
  const meta = assessment.meta;
  if (!meta) {
    return (
      <section className="assessment-workflow" aria-label="Workflow">
        <p className="workflow-muted">
          This assessment cannot be read yet (still syncing, or damaged).
        </p>
      </section>
    );
  }
  const roleWrites =
    accessFor(
      { workspace: 'w', role },
      { workspace: 'w', kind: 'assessment', id: assessmentId },
    ) === 'write';
  // Written by a newer app: its writers would refuse (ensureWritable), so offer no controls.
  const newer = (assessment.schemaVersion ?? 0) > SCHEMA_VERSION;
  const writable = roleWrites && !newer;
  const record = records.get(meta.recordId);
  return (
    <section className="assessment-workflow" aria-label="Workflow">
      <h2>Workflow</h2>
      {roleWrites ? null : (
        <p className="workflow-muted">
          Read only: your role ({role}) cannot change this assessment.
        </p>
      )}
      {newer ? (
        <p className="workflow-muted">
          Read only: this assessment was saved by a newer version of Sightline. Update the app to
          change it.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="workflow-error">
          {error}
        </p>
      ) : null}
      <SectionWorkflow
        doc={doc}
        assessment={assessment}
        readOnly={!writable}
        me={me}
        now={now}
        onError={setError}
      />
      {missing.length > 0 ? (
        <p role="alert" className="workflow-error">
          Approved version{missing.length === 1 ? '' : 's'}{' '}
          {missing.map((a) => `${a.number}. ${a.versionName}`).join(', ')}{' '}
          {missing.length === 1 ? 'was' : 'were'} removed from this assessment after approval.
        </p>
      ) : null}
      <ReviewersPanel
        doc={doc}
        reviewers={assessment.reviewers}
        gate={gate}
        readOnly={!writable}
        me={me}
        now={now}
        onError={setError}
      />
      <SignOffPanel
        doc={doc}
        registry={registry}
        assessmentId={assessmentId}
        assessment={assessment}
        role={role}
        me={me}
        now={now}
        gate={gate}
      />
      <ReviewDuePanel
        registry={registry}
        tierId={record?.classification?.tier?.decided}
        lastSignOffAt={assessment.signoffs.at(-1)?.at}
        now={now}
      />
      <VersionsPanel doc={doc} assessment={assessment} approvals={states} />
      <ExportPanel
        doc={doc}
        assessment={assessment}
        systemName={record?.name}
        templateTitle={registry ? templateOf(meta, availableTemplates(registry))?.title : undefined}
        approvals={approvals}
        gate={gate}
        provenance={(at) => provenance(at, ...(registry ? [doc, registry] : [doc]))}
        now={now}
        saveFile={saveFile}
      />
    </section>
  );
}
