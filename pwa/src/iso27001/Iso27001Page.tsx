import { useMemo } from 'react';
import type * as Y from 'yjs';
import { setIsmsClausesInPlace } from '../../../shared/documents/registry/index.ts';
import {
  CROSSWALK_DATE,
  CROSSWALK_SOURCES,
  ISMS_STATE_WORDS,
  RELATION_WORDS,
  REUSE_STATUS_WORDS,
  crosswalkCsv,
  reuseFromIsms,
} from '../../../shared/iso27001/index.ts';
import { useExportProvenance } from '../exports/provenance.tsx';
import { formatDay } from '../inbox/inbox-rows.ts';
import { browserSaveFile, exportFileName, type SaveFile } from '../inventory/list/download.ts';
import { SoaImport } from './SoaImport.tsx';
import { useIsms } from './use-isms.ts';
import './iso27001.css';

export interface Iso27001PageProps {
  registry: Y.Doc | undefined;
  canEdit: boolean;
  me: string;
  workspace: string;
  now?: () => number;
  saveFile?: SaveFile;
}

/**
 * `#/iso27001`: the ISO/IEC 42001 ↔ 27001 crosswalk and, from the organisation's own imported
 * ISO 27001 SoA, which 42001 requirements build on its ISMS (X27-4) — measured, not asserted.
 */
export function Iso27001Page({
  registry,
  canEdit,
  me,
  workspace,
  now = Date.now,
  saveFile = browserSaveFile,
}: Iso27001PageProps) {
  const isms = useIsms(registry);
  const provenance = useExportProvenance();
  const clausesInPlace = isms.clausesInPlace?.inPlace ?? false;
  const summary = useMemo(
    () => reuseFromIsms(isms.soa?.rows ?? [], clausesInPlace),
    [isms.soa, clausesInPlace],
  );
  if (!registry) {
    return (
      <div className="prose">
        <h1>ISO 27001 integration</h1>
        <p className="muted">This role cannot read the registry.</p>
      </div>
    );
  }
  const exportCsv = () => {
    const at = now();
    saveFile({
      name: exportFileName(workspace, 'iso27001-crosswalk', at, 'csv'),
      type: 'text/csv;charset=utf-8',
      text: crosswalkCsv(summary, { provenance: provenance(at, registry) }),
    });
  };
  return (
    <div className="iso27001">
      <div className="soa-head">
        <h1>ISO 27001 integration</h1>
        <button type="button" onClick={exportCsv}>
          Export crosswalk (CSV)
        </button>
      </div>
      <p className="muted">
        Which ISO/IEC 42001 requirements can build on an ISO/IEC 27001 ISMS, computed from your own
        Statement of Applicability and a crosswalk of {summary.total} requirements (clauses 4–10 and
        Annex A), mapped {CROSSWALK_DATE}. See also the{' '}
        <a href="#/soa">AI Statement of Applicability</a>.
      </p>
      {canEdit && <SoaImport registry={registry} me={me} now={now} />}
      <p>
        {isms.soa ? (
          <>
            Imported SoA: {isms.soa.file}, {isms.soa.rows.length} controls, by {isms.soa.by} on{' '}
            {formatDay(isms.soa.at)}.
          </>
        ) : (
          <span className="muted">No ISO/IEC 27001 SoA imported yet.</span>
        )}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={clausesInPlace}
          disabled={!canEdit}
          onChange={(event) => setIsmsClausesInPlace(registry, event.target.checked, me, now())}
        />
        Our ISMS runs ISO/IEC 27001 clauses 4–10 (for example, it is certified)
      </label>
      <section aria-labelledby="reuse-figure" className="reuse-figure">
        <h2 id="reuse-figure">Measured reuse</h2>
        <p className="reuse-headline">
          {summary.reused} of {summary.total} ISO/IEC 42001 requirements ({summary.percent} %) build
          on this ISMS
        </p>
        <ul>
          <li>
            {summary.reusedAsIs} reuse an ISMS process or document as is;{' '}
            {summary.reused - summary.reusedAsIs} extend one with AI content
          </li>
          <li>
            Clauses 4–10: {summary.byKind.clause.reused} of {summary.byKind.clause.total}; Annex A:{' '}
            {summary.byKind['annex-a'].reused} of {summary.byKind['annex-a'].total}
          </li>
          <li>{summary.partly} only partly (the ISMS control is partly implemented)</li>
          <li>{summary.notYet} not in this ISMS (excluded, not implemented or not listed)</li>
          <li>{summary.new} have nothing in ISO/IEC 27001 to build on</li>
        </ul>
      </section>
      <table className="crosswalk-table table-cards">
        <caption className="muted">Every ISO/IEC 42001 requirement and what it builds on</caption>
        <thead>
          <tr>
            <th scope="col">ISO/IEC 42001</th>
            <th scope="col">ISO/IEC 27001:2022 in your ISMS</th>
            <th scope="col">Relation</th>
            <th scope="col">Reuse</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {summary.requirements.map((requirement) => (
            <tr key={requirement.id} className={`reuse-${requirement.status}`}>
              <th scope="row">
                {requirement.id} {requirement.title}
              </th>
              <td data-label="ISO/IEC 27001:2022 in your ISMS">
                {requirement.iso27001.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul>
                    {requirement.iso27001.map((item) => (
                      <li key={item.id}>
                        {item.id} {item.title}: {ISMS_STATE_WORDS[item.state]}
                        {item.evidence ? <span className="muted"> ({item.evidence})</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td data-label="Relation">{RELATION_WORDS[requirement.relation]}</td>
              <td data-label="Reuse">{REUSE_STATUS_WORDS[requirement.status]}</td>
              <td className="small" data-label="Why">
                {requirement.rationale}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Sources</h2>
      <ul className="small">
        {Object.values(CROSSWALK_SOURCES).map((source) => (
          <li key={source.label}>
            {source.url ? (
              <a href={source.url} rel="noreferrer noopener" target="_blank">
                {source.label}
              </a>
            ) : (
              source.label
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
