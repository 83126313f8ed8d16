import { useState } from 'react';
import type * as Y from 'yjs';
import {
  AIMS_ROLES,
  approvePolicyVersion,
  isTopManagement,
  type PolicyVersion,
} from '../../../shared/documents/aims/index.ts';
import { publishAiPolicy } from '../../../shared/documents/policy/ai-policy.ts';
import { PolicyAcceptance, usePolicyAckCounts } from './PolicyAcceptance.tsx';
import { PolicyDraftDialog } from './PolicyDraftDialog.tsx';
import { useAiPolicy, usePublishedAiPolicy } from './use-ai-policy.ts';

interface Props {
  registry: Y.Doc;
  policy: Y.Doc | undefined;
  /** The discoveries document, where the relay counts the employees' acknowledgements. */
  discoveries?: Y.Doc | undefined;
  canEdit: boolean;
  /** Whether this person may write the policy document (publish to the extensions). */
  canPublish: boolean;
  me: string;
  now: () => number;
  onExportCsv(): void;
}

const day = (time: number | undefined) =>
  time === undefined ? '' : new Date(time).toISOString().slice(0, 10);

/** 5.2: the AI policy's versions, its approval by top management and its publication. */
export function PolicySection(props: Props) {
  const { registry, policy, discoveries, canEdit, canPublish, me, now, onExportCsv } = props;
  const ackCounts = usePolicyAckCounts(discoveries);
  const countOf = (versionId: string) => ackCounts.find((count) => count.versionId === versionId);
  const { versions, current, problems } = useAiPolicy(registry);
  const published = usePublishedAiPolicy(policy).policy;
  const [dialog, setDialog] = useState<{ from: PolicyVersion | undefined; editing: boolean }>();
  const [error, setError] = useState<string>();
  // Re-read on every render: the roles register is part of the same document.
  const topManagement = isTopManagement(registry, me);
  const drafts = versions.filter((version) => version.state === 'draft');
  const altered = versions.filter((version) => version.state === 'altered');
  const upToDate = current !== undefined && published?.versionId === current.id;

  function publish(version: PolicyVersion) {
    if (!policy || version.number === undefined || version.approvedAt === undefined) return;
    const { id, number, title, summary, link, approvedAt } = version;
    publishAiPolicy(policy, { versionId: id, number, title, summary, link, approvedAt }, me, now());
  }

  function approve(version: PolicyVersion) {
    setError(undefined);
    try {
      const approved = approvePolicyVersion(registry, version.id, me, now());
      if (canPublish) publish(approved);
    } catch (failure) {
      setError(`Not approved: ${failure instanceof Error ? failure.message : String(failure)}.`);
    }
  }

  return (
    <section id="aims-aimsPolicy" aria-labelledby="aims-policy-heading" className="aims-section">
      <div className="aims-section-head">
        <h2 id="aims-policy-heading">
          <span className="aims-clause">5.2</span> AI policy
        </h2>
        <div className="aims-actions">
          <button type="button" onClick={onExportCsv} aria-label="Export CSV of the AI policy">
            Export CSV
          </button>
          {canEdit && (
            <button
              type="button"
              className="primary"
              onClick={() => setDialog({ from: current, editing: false })}
            >
              New draft
            </button>
          )}
        </div>
      </div>
      {current ? (
        <div className="aims-entry">
          <h3>
            Version {current.number}: {current.title}
          </h3>
          <p className="aims-policy-summary">{current.summary}</p>
          <p>
            <a href={current.link} target="_blank" rel="noopener noreferrer">
              The whole policy
            </a>
          </p>
          <p className="muted small">
            Approved by {current.approvedBy} on {day(current.approvedAt)}.{' '}
            {upToDate
              ? 'Published to the browser extensions.'
              : published
                ? `The extensions still show version ${published.number}.`
                : 'Not yet published to the browser extensions.'}
          </p>
          <PolicyAcceptance count={countOf(current.id)} />
          {!upToDate && canPublish && (
            <button type="button" onClick={() => publish(current)}>
              Publish version {current.number} to the extensions
            </button>
          )}
        </div>
      ) : (
        <p className="muted">No approved version yet.</p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {drafts.length > 0 && (
        <ul className="aims-entries">
          {drafts.map((draft) => (
            <li key={draft.id} className="aims-entry">
              <div className="aims-entry-head">
                <h3>Draft: {draft.title}</h3>
                {canEdit && (
                  <span className="aims-entry-actions">
                    <button
                      type="button"
                      onClick={() => setDialog({ from: draft, editing: true })}
                      aria-label={`Edit draft: ${draft.title}`}
                    >
                      Edit
                    </button>
                    {topManagement && (
                      <button type="button" className="primary" onClick={() => approve(draft)}>
                        Approve and publish
                      </button>
                    )}
                  </span>
                )}
              </div>
              <p className="aims-policy-summary">{draft.summary}</p>
              <p className="muted small">
                {draft.link} · changed by {draft.updatedBy} on {day(draft.updatedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {drafts.length > 0 && !topManagement && (
        <p className="muted small">
          Only someone in a role marked top management approves the policy (see{' '}
          <a href={`#/aims/${AIMS_ROLES.id}`}>roles</a>).
        </p>
      )}
      {altered.length > 0 && (
        <p role="alert" className="error">
          {altered.length === 1
            ? 'One approved version was'
            : `${altered.length} approved versions were`}{' '}
          changed after approval and no longer count.
        </p>
      )}
      {versions.some((version) => version.state === 'approved' && version !== current) && (
        <details>
          <summary>Earlier versions</summary>
          <ul>
            {versions
              .filter((version) => version.state === 'approved' && version !== current)
              .map((version) => (
                <li key={version.id}>
                  Version {version.number}: {version.title}, approved by {version.approvedBy} on{' '}
                  {day(version.approvedAt)}
                  <PolicyAcceptance count={countOf(version.id)} />
                </li>
              ))}
          </ul>
        </details>
      )}
      {problems.length > 0 && (
        <p className="muted small">{problems.length} unreadable values were left out.</p>
      )}
      {dialog && (
        <PolicyDraftDialog
          registry={registry}
          from={dialog.from}
          editing={dialog.editing}
          me={me}
          now={now}
          onClose={() => setDialog(undefined)}
        />
      )}
    </section>
  );
}
