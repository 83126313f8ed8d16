import type { SoaEntry } from '../../../shared/documents/registry/index.ts';
import { IMPLEMENTATION_LABELS } from './soa-words.ts';

interface Props {
  entry: SoaEntry | undefined;
  names: ReadonlyMap<string, string>;
}

/** A control as a contributor sees it: the decision, read only. */
export function SoaSummary({ entry, names }: Props) {
  if (!entry) return <p className="muted">Undecided.</p>;
  const list = (ids: readonly string[]) =>
    ids.length === 0 ? 'None' : ids.map((id) => names.get(id) ?? id).join(', ');
  return (
    <dl className="soa-summary">
      <div>
        <dt>Applicable</dt>
        <dd>{entry.applicable ? 'Applicable' : 'Not applicable'}</dd>
      </div>
      <div>
        <dt>Implementation</dt>
        <dd>{IMPLEMENTATION_LABELS[entry.implementation]}</dd>
      </div>
      <div>
        <dt>Owner</dt>
        <dd>{entry.owner ?? 'Not set'}</dd>
      </div>
      <div>
        <dt>Justification</dt>
        <dd>{entry.justification ?? 'None'}</dd>
      </div>
      <div>
        <dt>Evidence</dt>
        <dd>
          {entry.evidence.length === 0
            ? 'None'
            : entry.evidence.map((url) => (
                <a key={url} href={url} target="_blank" rel="noopener noreferrer">
                  {url}
                </a>
              ))}
        </dd>
      </div>
      <div>
        <dt>Systems</dt>
        <dd>{list(entry.systems)}</dd>
      </div>
      <div>
        <dt>Risks</dt>
        <dd>{list(entry.risks)}</dd>
      </div>
    </dl>
  );
}
