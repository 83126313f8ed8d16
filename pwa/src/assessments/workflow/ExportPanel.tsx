import { useState } from 'react';
import type * as Y from 'yjs';
import {
  assessmentExport,
  assessmentHtml,
  assessmentMarkdown,
  type ExportProvenance,
  type SignOffGate,
} from '../../../../shared/assessments/index.ts';
import type { Assessment } from '../../../../shared/documents/assessment/index.ts';
import type { Approval } from '../../../../shared/documents/registry/index.ts';
import type { SaveFile } from '../../inventory/list/download.ts';
import { assessmentFileName, dayLabel } from './workflow-words.ts';

interface Props {
  doc: Y.Doc;
  assessment: Assessment;
  systemName: string | undefined;
  templateTitle: string | undefined;
  /** The register's live view and the current approvals, for a draft. */
  gate: SignOffGate | undefined;
  provenance: (at: number) => ExportProvenance;
  /** This assessment's approvals from the registry; undefined when it cannot be read here. */
  approvals: readonly Approval[] | undefined;
  now: () => number;
  saveFile: SaveFile;
}

const DRAFT = 'draft';

/**
 * Downloads a version (or the draft) as Markdown or as a printable HTML page. The bytes come from
 * the shared, deterministic exports; a draft is dated when it is exported.
 */
export function ExportPanel(props: Props) {
  const { doc, assessment, systemName, templateTitle, gate, approvals, now, saveFile } = props;
  const versions = assessment.versions;
  const [chosen, setChosen] = useState<string>();
  // The draft stays chosen once chosen; a version only while it exists.
  const which =
    chosen === DRAFT || (chosen && versions.some((v) => v.id === chosen))
      ? chosen
      : (versions.at(-1)?.id ?? DRAFT);
  const [error, setError] = useState<string>();

  function download(format: 'md' | 'html') {
    try {
      const at = now();
      const version = versions.find((v) => v.id === which);
      const exported = assessmentExport(
        doc,
        version ? { versionId: version.id } : { draftAt: at },
        {
          ...(systemName !== undefined ? { systemName } : {}),
          ...(templateTitle !== undefined ? { templateTitle } : {}),
          ...(approvals !== undefined ? { approvals } : {}),
          ...(gate
            ? { register: new Map(Object.entries(gate.registerView)), reviews: gate.reviews }
            : {}),
          provenance: props.provenance(at),
        },
      );
      const label = version ? version.name : `draft ${dayLabel(at)}`;
      const name = assessmentFileName(exported.title, label, format);
      if (format === 'md') {
        saveFile({ name, type: 'text/markdown;charset=utf-8', text: assessmentMarkdown(exported) });
      } else {
        saveFile({ name, type: 'text/html;charset=utf-8', text: assessmentHtml(exported) });
      }
      setError(undefined);
    } catch (failure) {
      setError(`Not exported: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  return (
    <section className="workflow-exports" aria-labelledby="workflow-exports-title">
      <h3 id="workflow-exports-title">Export</h3>
      <div className="workflow-inline">
        <label>
          What
          <select value={which} onChange={(event) => setChosen(event.target.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.number}. {v.name}
              </option>
            ))}
            <option value={DRAFT}>Current draft</option>
          </select>
        </label>
        <button type="button" onClick={() => download('md')}>
          Export Markdown
        </button>
        <button type="button" onClick={() => download('html')}>
          Export printable HTML
        </button>
      </div>
      {error ? (
        <p role="alert" className="workflow-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
