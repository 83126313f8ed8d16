import { useId, useState, type FormEvent } from 'react';
import { useRouteAction } from '../router/route-action.ts';
import type * as Y from 'yjs';
import {
  BUILT_IN_TEMPLATES,
  friaRequirement,
  startAssessment,
  type DeployerContext,
  type FriaRequirement,
} from '../../../shared/assessments/index.ts';
import { readAssessment } from '../../../shared/documents/assessment/index.ts';
import {
  availableTemplates,
  indexAssessment,
  readRiskRegister,
  readTierScheme,
  type RegistryRecord,
} from '../../../shared/documents/registry/index.ts';
import { useGovernance } from '../settings/use-governance.ts';
import type { OpenedAssessment } from '../sync/assessment-documents.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { newAssessmentId } from './assessment-href.ts';

interface Props {
  registry: Y.Doc;
  /** The registry's records, by name. */
  records: readonly RegistryRecord[];
  openAssessment: (id: string) => OpenedAssessment;
  me: string;
  now: () => number;
  /** Called with the new assessment's id (the page navigates to it). */
  onCreated(id: string): void;
  /** A record chosen before the dialog opens (from a record's page). */
  recordId?: string;
  newId?: () => string;
}

// Held a moment after creating, so the page it navigates to takes the same document, already
// loaded, instead of closing it and loading it again.
const HOLD_AFTER_CREATE_MS = 5_000;

const FRIA_OUTCOME: Record<FriaRequirement['required'], string> = {
  yes: 'The fundamental-rights impact assessment (FRIA) sections will be added.',
  no: 'No FRIA sections will be added.',
  unknown: 'No FRIA sections will be added until the workspace answers the public-body question.',
};

/** Whether Art. 27 adds the FRIA sections, and why (the rule's reason and basis), as text. */
function FriaNote({ fria }: { fria: FriaRequirement }) {
  return (
    <p className={`fria-note fria-${fria.required}`} role="note">
      <strong>{FRIA_OUTCOME[fria.required]}</strong> {fria.reason} ({fria.basis.join(', ')})
    </p>
  );
}

/**
 * "New assessment": a record and a template; the document starts pre-filled from the record
 * (shared/assessments/start.ts) and is listed in the registry. A lead's action: only leads
 * write the registry.
 */
export function NewAssessmentDialog(props: Props) {
  const { registry, records, me, now, onCreated, newId = newAssessmentId } = props;
  const [open, setOpen] = useState(false);
  const [recordId, setRecordId] = useState(props.recordId ?? '');
  const [templateId, setTemplateId] = useState(BUILT_IN_TEMPLATES[0]!.id);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  // "Start assessment" from the palette or a record's page: `#/assessments?do=new-assessment&id=<record>`.
  useRouteAction('new-assessment', (wanted) => {
    setError(undefined);
    setRecordId(wanted ?? props.recordId ?? '');
    setOpen(true);
  });
  // The workspace's own templates first, then the built-ins; read each render, so it is current
  // whenever the dialog opens.
  const templates = availableTemplates(registry);
  // The workspace's answer to Art. 27(1) (settings): decides the FRIA for most Annex III systems.
  const { publicBodyOrPublicService } = useGovernance(registry);
  const deployer: DeployerContext =
    publicBodyOrPublicService === undefined ? {} : { publicBodyOrPublicService };
  const chosen = records.find((r) => r.id === recordId);
  const offersFria = templates
    .find((t) => t.id === templateId)
    ?.sections.some((section) => section.condition === 'fria-required');
  const fria = chosen && offersFria ? friaRequirement(chosen.classification, deployer) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const record = records.find((r) => r.id === recordId);
    const template = templates.find((t) => t.id === templateId);
    if (!record || !template) {
      setError('Choose the AI system to assess and a template.');
      return;
    }
    setBusy(true);
    const id = newId();
    let opened: OpenedAssessment | undefined;
    try {
      opened = props.openAssessment(id);
      await opened.ready;
      const at = now();
      startAssessment(
        opened.doc,
        {
          template,
          record,
          tierScheme: readTierScheme(registry).scheme,
          risks: readRiskRegister(registry).risks.values(),
          deployer,
        },
        me,
        at,
      );
      const title = readAssessment(opened.doc).meta?.title ?? template.title;
      indexAssessment(registry, {
        id,
        recordId: record.id,
        kind: template.kind,
        title,
        createdAt: at,
        createdBy: me,
      });
    } catch (failure) {
      opened?.release();
      setBusy(false);
      setError(`Not created: ${failure instanceof Error ? failure.message : String(failure)}`);
      return;
    }
    const held = opened;
    setTimeout(() => held.release(), HOLD_AFTER_CREATE_MS);
    setBusy(false);
    setOpen(false);
    onCreated(id);
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setError(undefined);
          setRecordId(props.recordId ?? '');
        }
      }}
      trigger={
        <button type="button" className="primary">
          New assessment
        </button>
      }
      title="New assessment"
      description="It starts pre-filled from the system’s record: purpose, detections, classification and data."
      onSubmit={(event) => void submit(event)}
      error={error}
      submitLabel="Create assessment"
      busy={busy}
      size="narrow"
      className="assessment-dialog"
    >
      <label htmlFor={selectId}>System to assess</label>
      <select
        id={selectId}
        value={recordId}
        onChange={(event) => setRecordId(event.target.value)}
        required
        aria-required="true"
      >
        <option value="">Choose a record</option>
        {records.map((record) => (
          <option key={record.id} value={record.id}>
            {record.name}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Template</legend>
        {templates.map((template) => (
          <label key={template.id} className="choice">
            <input
              type="radio"
              name="template"
              value={template.id}
              checked={templateId === template.id}
              onChange={() => setTemplateId(template.id)}
            />
            {template.title}
          </label>
        ))}
      </fieldset>
      {fria && <FriaNote fria={fria} />}
    </FormDialog>
  );
}
