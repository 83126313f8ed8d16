import { AlertDialog } from 'radix-ui';
import { useState } from 'react';
import type * as Y from 'yjs';
import type { Role } from '../../../../shared/auth/access.ts';
import { approvalFor, type SignOffGate } from '../../../../shared/assessments/index.ts';
import {
  MAX_VERSION_NAME,
  readAssessment,
  signOff,
  signOffBlockers,
  type Assessment,
} from '../../../../shared/documents/assessment/index.ts';
import { noteSignOff, recordApproval } from '../../../../shared/documents/registry/index.ts';
import { newWorkflowId } from './workflow-words.ts';

interface Props {
  doc: Y.Doc;
  registry: Y.Doc | undefined;
  assessmentId: string;
  assessment: Assessment;
  role: Role;
  me: string;
  now: () => number;
  /** The workspace's conditions (approvals, completeness); undefined without the registry. */
  gate: SignOffGate | undefined;
}

/**
 * Sign-off by a lead or an admin: freezes the text as a named version in the assessment and
 * records the approval in the registry, where contributors cannot write (so it cannot be forged).
 */
export function SignOffPanel({
  doc,
  registry,
  assessmentId,
  assessment,
  role,
  me,
  now,
  gate,
}: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const blockers = [
    ...signOffBlockers(assessment, role),
    ...(gate?.blockers ?? ['the registry is not available here: approvals cannot be checked']),
  ];
  const nextNumber = Math.max(0, ...assessment.versions.map((v) => v.number)) + 1;

  function confirm() {
    const versionName = name.trim();
    let version;
    try {
      version = signOff(doc, {
        signoffId: newWorkflowId(),
        versionId: newWorkflowId(),
        ...(versionName ? { versionName } : {}),
        by: me,
        role,
        at: now(),
        ...(gate
          ? {
              gate: {
                blockers: gate.blockers,
                reviews: gate.reviews,
                registerView: gate.registerView,
              },
            }
          : {}),
      });
    } catch (failure) {
      setOutcome({ ok: false, text: `Not signed off: ${errorText(failure)}` });
      return;
    }
    // The version exists now; without the registry's approval it reads as unconfirmed.
    if (!registry) {
      setOutcome({
        ok: false,
        text: `Signed off as ${version.name}, but the registry is not available: the approval is not recorded.`,
      });
      return;
    }
    try {
      const approval = approvalFor(assessmentId, version, readAssessment(doc));
      recordApproval(registry, approval);
      noteSignOff(registry, approval); // the decision in the assessed record's history
      setOutcome({ ok: true, text: `Signed off as ${version.name}. A new draft starts from it.` });
    } catch (failure) {
      setOutcome({
        ok: false,
        text: `Signed off as ${version.name}, but the approval was not recorded: ${errorText(failure)}`,
      });
    }
  }

  return (
    <section className="workflow-signoff" aria-labelledby="workflow-signoff-title">
      <h3 id="workflow-signoff-title">Sign-off</h3>
      {blockers.length > 0 ? (
        <div className="workflow-blockers">
          <p>You cannot sign this assessment off yet:</p>
          <ul>
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <AlertDialog.Root
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) setName('');
        }}
      >
        <AlertDialog.Trigger asChild>
          <button type="button" className="primary" disabled={blockers.length > 0}>
            Sign off
          </button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="workflow-overlay" />
          <AlertDialog.Content className="workflow-dialog">
            <AlertDialog.Title className="workflow-dialog-title">
              Sign off this assessment?
            </AlertDialog.Title>
            <AlertDialog.Description>
              The text, the section titles, the reviewers and their approvals and what the register
              shows are frozen as version {nextNumber}, signed off by you; any later change to them
              reads as changed after approval. Every section goes back to draft for the next review.
            </AlertDialog.Description>
            <label className="workflow-field">
              Version name (optional)
              <input
                value={name}
                maxLength={MAX_VERSION_NAME}
                placeholder={`Version ${nextNumber}`}
                onChange={(event) => setName(event.target.value)}
              />
            </label>
            <div className="workflow-dialog-actions">
              <AlertDialog.Cancel asChild>
                <button type="button">Cancel</button>
              </AlertDialog.Cancel>
              <AlertDialog.Action asChild>
                <button type="button" className="primary" onClick={confirm}>
                  Sign off and freeze
                </button>
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
      {outcome ? (
        <p role="status" className={outcome.ok ? 'workflow-ok' : 'workflow-error'}>
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}

const errorText = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure);
