import { useMemo } from 'react';
import type * as Y from 'yjs';
import {
  gapAnalysis,
  soaCsv,
  soaMarkdown,
  soaView,
  unjustifiedInclusions,
} from '../../../shared/assessments/index.ts';
import { useExportProvenance } from '../exports/provenance.tsx';
import { ANNEX_A_CONTROLS, ANNEX_A_GROUPS } from '../../../shared/iso42001/index.ts';
import { browserSaveFile, type SaveFile } from '../inventory/list/download.ts';
import { exportFileName } from '../inventory/list/download.ts';
import { riskRows } from '../risks/risk-rows.ts';
import { useRisks, useSoa } from '../risks/use-risks.ts';
import { useRegistry } from '../sync/documents.ts';
import { GapAnalysis } from './GapAnalysis.tsx';
import { SoaControl } from './SoaControl.tsx';
import { RiskReasons } from './RiskReasons.tsx';
import { SoaSummary } from './SoaSummary.tsx';
import { OwnControls, useOwnControls } from './own/OwnControls.tsx';
import './soa.css';

export interface SoaPageProps {
  registry: Y.Doc | undefined;
  canEdit: boolean;
  me: string;
  workspace: string;
  now?: () => number;
  saveFile?: SaveFile;
}

/** `#/soa`: the 38 Annex A controls by clause group, edited in place, and Annex A readiness. */
export function SoaPage({
  registry,
  canEdit,
  me,
  workspace,
  now = Date.now,
  saveFile = browserSaveFile,
}: SoaPageProps) {
  const soa = useSoa(registry);
  const ownControls = useOwnControls(registry);
  const { risks } = useRisks(registry);
  const { records } = useRegistry(registry);
  // The statement with the register's risks folded in: what every screen and export shows.
  const view = useMemo(() => soaView(soa, risks.values()), [soa, risks]);
  const gaps = useMemo(() => gapAnalysis(view), [view]);
  const provenance = useExportProvenance();
  const systems = useMemo(
    () =>
      [...records.values()]
        .map((r) => ({ id: r.id, label: r.name }))
        .sort((a, b) => a.label.localeCompare(b.label, 'en')),
    [records],
  );
  const riskPicks = useMemo(
    () =>
      riskRows(risks.values(), records).map((row) => ({
        id: row.risk.id,
        label: `${row.risk.description.slice(0, 80)} (${row.score}, ${row.band})`,
      })),
    [risks, records],
  );
  const names = useMemo(
    () => new Map([...systems, ...riskPicks].map((item) => [item.id, item.label])),
    [systems, riskPicks],
  );

  const save = (what: 'csv' | 'md') => {
    const at = now();
    const options = {
      ownControls: ownControls.controls,
      risks: risks.values(),
      names: {
        systems: new Map(systems.map((s) => [s.id, s.label])),
        risks: new Map([...risks.values()].map((r) => [r.id, r.description])),
      },
      ...(registry ? { provenance: provenance(at, registry) } : {}),
    };
    saveFile(
      what === 'csv'
        ? {
            name: exportFileName(workspace, 'soa', at, 'csv'),
            type: 'text/csv;charset=utf-8',
            text: soaCsv(soa, options),
          }
        : {
            name: exportFileName(workspace, 'soa', at, 'md'),
            type: 'text/markdown;charset=utf-8',
            text: soaMarkdown(soa, options),
          },
    );
  };

  if (!registry) {
    return (
      <div className="prose">
        <h1>Statement of Applicability</h1>
        <p className="muted">This role cannot read the registry.</p>
      </div>
    );
  }
  return (
    <div className="soa">
      <div className="soa-head">
        <h1>Statement of Applicability</h1>
        <div className="soa-actions">
          <button type="button" onClick={() => save('csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => save('md')}>
            Export Markdown
          </button>
        </div>
      </div>
      <p className="muted">
        ISO/IEC 42001 Annex A, A.2 to A.10: {gaps.overall.controls - gaps.overall.undecided} of{' '}
        {gaps.overall.controls} controls decided.
        {!canEdit && ' Read only: leads and admins edit the statement.'} Reusing an ISO 27001 ISMS:{' '}
        <a href="#/iso27001">ISO 27001 integration</a>.
      </p>
      <GapAnalysis
        groups={gaps.groups}
        overall={gaps.overall}
        unjustified={unjustifiedInclusions(view)}
      />
      {ANNEX_A_GROUPS.map((group) => (
        <section key={group.id} aria-labelledby={`soa-group-${group.id}`} className="soa-group">
          <h2 id={`soa-group-${group.id}`}>
            {group.id} {group.title}
          </h2>
          {ANNEX_A_CONTROLS.filter((c) => c.group === group.id).map((control) => (
            <article
              key={control.id}
              className="soa-control"
              aria-labelledby={`soa-control-${control.id}`}
            >
              <h3 id={`soa-control-${control.id}`}>
                {control.id} {control.title}
              </h3>
              <RiskReasons entry={view.entries.get(control.id)} names={names} />
              {canEdit ? (
                <SoaControl
                  registry={registry}
                  control={control}
                  entry={soa.entries.get(control.id)}
                  systems={systems}
                  risks={riskPicks}
                  me={me}
                  now={now}
                />
              ) : (
                <SoaSummary entry={view.entries.get(control.id)} names={names} />
              )}
            </article>
          ))}
        </section>
      ))}
      <OwnControls registry={registry} canEdit={canEdit} me={me} now={now} />
    </div>
  );
}
