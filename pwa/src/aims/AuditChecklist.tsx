import type { AimsEntry } from '../../../shared/documents/aims/index.ts';
import { auditChecklist } from '../../../shared/documents/aims/index.ts';

interface Props {
  audit: AimsEntry;
  /** The audit's findings: each requirement shows how many it has. */
  findings: readonly AimsEntry[];
}

/** An audit's checklist (9.2), generated from the clauses and Annex A controls it covers. */
export function AuditChecklist({ audit, findings }: Props) {
  const items = auditChecklist(audit.values);
  const perRef = new Map<string, number>();
  for (const finding of findings) {
    for (const ref of (finding.values.requirements as string[] | undefined) ?? []) {
      perRef.set(ref, (perRef.get(ref) ?? 0) + 1);
    }
  }
  return (
    <details className="aims-checklist">
      <summary>
        Checklist: {items.length} {items.length === 1 ? 'requirement' : 'requirements'},{' '}
        {findings.length} {findings.length === 1 ? 'finding' : 'findings'}
      </summary>
      <ol>
        {items.map((item) => (
          <li key={item.ref}>
            <strong>
              {item.ref} {item.title}
            </strong>
            {perRef.has(item.ref) && (
              <span className="aims-badge">
                {perRef.get(item.ref)} {perRef.get(item.ref) === 1 ? 'finding' : 'findings'}
              </span>
            )}
            <br />
            {item.ask}
            {item.evidence && <span className="muted small"> Evidence: {item.evidence}.</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
