import { useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { ApprovalState } from '../../../../shared/assessments/index.ts';
import {
  compareSections,
  currentSections,
  versionSections,
  type Assessment,
  type SectionText,
} from '../../../../shared/documents/assessment/index.ts';
import { SectionsComparison, SectionsText } from './SectionText.tsx';
import { TextDialog } from './TextDialog.tsx';
import { APPROVAL_LABELS, timeLabel } from './workflow-words.ts';

interface Props {
  doc: Y.Doc;
  assessment: Assessment;
  /** versionId → state; undefined when the registry cannot be read here. */
  approvals: Map<string, ApprovalState> | undefined;
}

const DRAFT = 'draft';

/** The signed-off versions: who and when, whether the registry confirms them, their text, diffs. */
export function VersionsPanel({ doc, assessment, approvals }: Props) {
  const versions = assessment.versions;
  const outline = assessment.meta?.outline ?? [];
  const [shown, setShown] = useState<{ title: string; body: ReactNode }>();
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>(DRAFT);
  const fromId = from ?? versions.at(-1)?.id ?? DRAFT;

  function textOf(which: string): { label: string; sections: SectionText[] } {
    const version = versions.find((v) => v.id === which);
    if (!version) return { label: 'the current draft', sections: currentSections(doc, outline) };
    return { label: version.name, sections: versionSections(version, outline) };
  }

  function compare() {
    const before = textOf(fromId);
    const after = textOf(to);
    setShown({
      title: `Changes from ${before.label} to ${after.label}`,
      body: <SectionsComparison comparison={compareSections(before.sections, after.sections)} />,
    });
  }

  const options = [
    ...versions.map((v) => (
      <option key={v.id} value={v.id}>
        {v.number}. {v.name}
      </option>
    )),
    <option key={DRAFT} value={DRAFT}>
      Current draft
    </option>,
  ];

  return (
    <section className="workflow-versions" aria-labelledby="workflow-versions-title">
      <h3 id="workflow-versions-title">Versions</h3>
      {versions.length === 0 ? (
        <p className="workflow-muted">No version signed off yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">No.</th>
              <th scope="col">Name</th>
              <th scope="col">Signed off by</th>
              <th scope="col">When</th>
              <th scope="col">Approval</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => {
              const state = approvals?.get(version.id);
              return (
                <tr key={version.id}>
                  <td>{version.number}</td>
                  <td>{version.name}</td>
                  <td>
                    {version.by} ({version.role})
                  </td>
                  <td>{timeLabel(version.at)}</td>
                  <td className={state ? `approval-${state}` : undefined}>
                    {state ? APPROVAL_LABELS[state] : 'Not checked: the registry is not available'}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={`View ${version.name}`}
                      onClick={() =>
                        setShown({
                          title: `${version.name} (version ${version.number})`,
                          body: <SectionsText sections={versionSections(version, outline)} />,
                        })
                      }
                    >
                      View
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {versions.length > 0 ? (
        <div className="workflow-inline">
          <label>
            Compare
            <select value={fromId} onChange={(event) => setFrom(event.target.value)}>
              {options}
            </select>
          </label>
          <label>
            with
            <select value={to} onChange={(event) => setTo(event.target.value)}>
              {options}
            </select>
          </label>
          <button type="button" onClick={compare}>
            Show changes
          </button>
        </div>
      ) : null}
      <TextDialog title={shown?.title} onClose={() => setShown(undefined)}>
        {shown?.body}
      </TextDialog>
    </section>
  );
}
