import type { CompetenceNeed } from '../../../shared/documents/aims/index.ts';
import type { RegistryRecord } from '../../../shared/documents/registry/index.ts';
import { optionWords } from './aims-words.ts';

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Who needs which competence and whether their training meets it (competenceNeeds): expired and
 * missing training first, then expiring, then valid; and the high-risk systems nobody oversees.
 */
export function CompetenceMatrix({
  needs,
  unoverseen,
}: {
  needs: readonly CompetenceNeed[];
  unoverseen: readonly RegistryRecord[];
}) {
  const order = { expired: 0, missing: 1, expiring: 2, valid: 3 };
  const rows = [...needs].sort((a, b) => order[a.status] - order[b.status]);
  const gaps = needs.filter((n) => n.status === 'expired' || n.status === 'missing').length;
  return (
    <div className="aims-matrix" aria-label="Competence matrix">
      <h3>Who needs what</h3>
      {unoverseen.length > 0 && (
        <p className="aims-badge">
          High-risk {unoverseen.length === 1 ? 'system' : 'systems'} with nobody named for human
          oversight: {unoverseen.map((r) => r.name).join(', ')}.
        </p>
      )}
      {needs.length === 0 ? (
        <p className="muted">No competence names a role or a person yet.</p>
      ) : (
        <>
          <p className="muted small">
            {gaps} of {needs.length} {needs.length === 1 ? 'need' : 'needs'} without valid training.
          </p>
          <ul className="aims-entries">
            {rows.map((need) => (
              <li key={`${need.person}/${need.competenceId}`} className="aims-entry">
                <div className="aims-entry-head">
                  <strong>{need.person}</strong>
                  {need.status !== 'valid' && (
                    <span className="aims-badge">Training {need.status}</span>
                  )}
                </div>
                <p className="small">
                  {need.competence} ({need.because === 'named' ? 'named' : need.because}): course{' '}
                  {need.course}
                  {need.expiresAt !== undefined && `, expires ${day(need.expiresAt)}`}.{' '}
                  {optionWords(need.status)}.
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
