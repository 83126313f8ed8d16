import { useMemo } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Role } from '../../../shared/auth/access.ts';
import { SCHEMA_VERSION } from '../../../shared/documents/assessment/index.ts';
import { recordHref } from '../inventory/list/record-href.ts';
import type { PresenceUser } from '../inventory/record/presence.ts';
import { liveRegisterView } from '../../../shared/assessments/index.ts';
import type { VersionInfo } from '../../../shared/documents/assessment/index.ts';
import { useRisks } from '../risks/use-risks.ts';
import { useRegistry } from '../sync/documents.ts';
import type { RegisterViewProps } from './RegisterView.tsx';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import { kindLabel } from './assessment-words.ts';
import { ProgressBar } from './progress/ProgressBar.tsx';
import { SectionEditor } from './SectionEditor.tsx';
import { useAssessmentOutline, useOpenedAssessment } from './use-assessments.ts';
import { AssessmentWorkflow } from './workflow/AssessmentWorkflow.tsx';
import { SignificantChangePanel } from './significant-change/SignificantChangePanel.tsx';
import './assessments.css';

interface Props {
  sync: WorkspaceSync;
  assessmentId: string;
  role: Role;
  me: string;
  user: PresenceUser;
  now?: () => number;
}

/** `#/assessments/<id>`: the assessment, each section a collaborative editor, and its workflow. */
export function AssessmentView({ sync, assessmentId, ...rest }: Props) {
  const opening = useOpenedAssessment(sync.openAssessment, assessmentId);
  if (opening.state === 'refused') {
    return (
      <p role="alert" className="error">
        This assessment cannot be opened: {opening.reason}
      </p>
    );
  }
  if (opening.state === 'opening') return <p className="muted">Opening the assessment…</p>;
  const { doc, awareness, access } = opening.opened;
  return (
    <AssessmentPage
      key={assessmentId}
      doc={doc}
      awareness={awareness}
      canWrite={access === 'write'}
      registry={sync.doc('registry')}
      assessmentId={assessmentId}
      {...rest}
    />
  );
}

interface PageProps extends Omit<Props, 'sync'> {
  doc: Y.Doc;
  awareness: Awareness;
  canWrite: boolean;
  registry: Y.Doc | undefined;
}

function AssessmentPage(props: PageProps) {
  const { doc, awareness, canWrite, registry, assessmentId, ...who } = props;
  const assessment = useAssessmentOutline(doc);
  const records = useRegistry(registry).records;
  const { risks } = useRisks(registry);
  const record = assessment.meta ? records.get(assessment.meta.recordId) : undefined;
  // Read again whenever the record or the risks change: the view is live until a sign-off.
  const live = useMemo(
    () => (registry ? liveRegisterView(assessment.meta, registry, record) : new Map()),
    [assessment.meta, registry, record, risks],
  );
  const lastVersion = assessment.versions.at(-1);
  const { name, colour } = who.user;
  const user = useMemo(() => ({ name, color: colour }), [name, colour]);
  const actor = useMemo(() => ({ name: who.me, role: who.role }), [who.me, who.role]);
  const meta = assessment.meta;
  if (!meta) {
    return (
      <div className="assessment">
        <p>
          <a href="#/assessments">All assessments</a>
        </p>
        <p className="muted">
          This assessment is not on this device yet; it appears as soon as it has synced.
        </p>
      </div>
    );
  }
  // A document from a newer version of Sightline is shown, never written (its writers refuse).
  const newer = (assessment.schemaVersion ?? 0) > SCHEMA_VERSION;
  const editable = canWrite && !newer;
  return (
    <article className="assessment" aria-labelledby="assessment-title">
      <p>
        <a href="#/assessments">All assessments</a>
      </p>
      <h1 id="assessment-title">{meta.title}</h1>
      <p className="muted">
        {kindLabel(meta.kind)} of{' '}
        <a href={recordHref(meta.recordId)}>{record?.name ?? `record ${meta.recordId}`}</a>
      </p>
      <p>
        <ProgressBar doc={doc} />
      </p>
      {newer && (
        <p role="status" className="muted">
          Made by a newer version of Sightline: read-only here until this app updates.
        </p>
      )}
      <SignificantChangePanel
        registry={registry}
        assessmentId={assessmentId}
        role={who.role}
        me={who.me}
        now={who.now ?? Date.now}
      />
      <AssessmentWorkflow
        assessment={doc}
        registry={registry}
        assessmentId={assessmentId}
        role={who.role}
        me={who.me}
        {...(who.now ? { now: who.now } : {})}
      />
      {meta.outline.map((section) => (
        <SectionEditor
          key={section.id}
          doc={doc}
          awareness={awareness}
          section={section}
          editable={editable}
          user={user}
          actor={actor}
          now={who.now}
          register={registerOf(section.id, live, lastVersion)}
        />
      ))}
    </article>
  );
}

/** A section's register view: live, and what the last sign-off froze of it. */
function registerOf(
  sectionId: string,
  live: ReadonlyMap<string, string[]>,
  last: VersionInfo | undefined,
): RegisterViewProps | undefined {
  const now = live.get(sectionId) ?? [];
  const frozen = last?.frozen?.registerView[sectionId];
  if (now.length === 0 && !frozen) return undefined;
  return {
    live: now,
    ...(frozen && last ? { signed: { versionName: last.name, paragraphs: frozen } } : {}),
  };
}
