import { useMemo } from 'react';
import type * as Y from 'yjs';
import { gapAnalysis, soaView, unjustifiedInclusions } from '../../../shared/assessments/index.ts';
import {
  GAP_STATUSES,
  gapAnalysisRows,
  gapSummary,
  type GapRow,
} from '../../../shared/documents/aims/index.ts';
import { readRiskRegister, readSoa } from '../../../shared/documents/registry/index.ts';
import { GapAnalysis as AnnexAReadiness } from '../soa/GapAnalysis.tsx';
import { optionWords } from './aims-words.ts';
import '../soa/soa.css';

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

function Rows({ rows }: { rows: readonly GapRow[] }) {
  return (
    <ul className="aims-gap-rows">
      {rows.map((row) => (
        <li key={row.ref}>
          <strong>
            {row.ref} {row.title}
          </strong>{' '}
          <span
            className={
              row.status === 'met' || row.status === 'not-applicable' ? 'small' : 'aims-badge'
            }
          >
            {optionWords(row.status)}
          </span>
          <br />
          <span className="small">
            {row.source === 'computed'
              ? 'From the workspace: '
              : row.source === 'entered'
                ? 'Entered: '
                : 'No evidence yet. '}
            {row.evidence}
            {row.owner && ` Owner: ${row.owner}.`}
            {row.dueDate !== undefined && ` Due ${day(row.dueDate)}.`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The gap analysis across clauses 4–10 and Annex A (gapAnalysisRows: computed where the workspace
 * holds evidence, a lead's gap entry otherwise), with Annex A readiness as one part of it.
 */
export function GapAnalysisView({
  registry,
  now,
  version,
}: {
  registry: Y.Doc;
  now: number;
  version: unknown;
}) {
  const { rows, readiness, unjustified } = useMemo(() => {
    const view = soaView(readSoa(registry), readRiskRegister(registry).risks.values());
    return {
      rows: gapAnalysisRows(registry, now),
      readiness: gapAnalysis(view),
      unjustified: unjustifiedInclusions(view),
    };
    // `version` changes with every change of the registry the page reads.
  }, [registry, now, version]);
  const summary = gapSummary(rows);
  const clauses = rows.filter((row) => !row.ref.startsWith('A.'));
  const controls = rows.filter((row) => row.ref.startsWith('A.'));
  return (
    <div className="aims-gaps" aria-label="Gap analysis">
      <h3>Every requirement</h3>
      <p>
        {GAP_STATUSES.map((status) => `${optionWords(status)}: ${summary[status]}`).join(' · ')}
      </p>
      <p className="muted small">
        A status is computed where the workspace holds the evidence and cannot be overridden; for
        the rest, add a gap entry with its status, evidence, owner and due date.
      </p>
      <details>
        <summary>Clauses 4–10 ({clauses.length})</summary>
        <Rows rows={clauses} />
      </details>
      <details>
        <summary>Annex A controls ({controls.length})</summary>
        <Rows rows={controls} />
      </details>
      {/* Focusable: a keyboard can scroll the table on a phone. */}
      <div className="aims-readiness" tabIndex={0} role="region" aria-label="Annex A readiness">
        <AnnexAReadiness
          groups={readiness.groups}
          overall={readiness.overall}
          unjustified={unjustified}
        />
      </div>
    </div>
  );
}
