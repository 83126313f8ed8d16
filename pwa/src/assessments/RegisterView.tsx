import { compareSections } from '../../../shared/documents/assessment/index.ts';

export interface RegisterViewProps {
  /** The register's paragraphs now (live until a sign-off freezes them). */
  live: readonly string[];
  /** What the last signed-off version froze, if it froze anything. */
  signed?: { versionName: string; paragraphs: readonly string[] };
}

const asSection = (paragraphs: readonly string[]) => ({
  id: 'register',
  title: 'From the register',
  blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
});

/**
 * A pre-filled section's view of the register (docs/assessments.md, S8): read live from the
 * register, so it never goes stale in a draft; a sign-off freezes it with the version, and
 * what has changed in the register since is shown here, paragraph by paragraph.
 */
export function RegisterView({ live, signed }: RegisterViewProps) {
  if (live.length === 0 && !signed?.paragraphs.length) return null;
  const changes = signed
    ? compareSections([asSection(signed.paragraphs)], [asSection(live)])[0]!
    : undefined;
  return (
    <div className="section-register" role="group" aria-label="From the register">
      <p className="muted">From the register (live until the next sign-off):</p>
      {live.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
      {changes?.changed ? (
        <div className="section-register-changes">
          <p className="muted">
            Changed in the register since {signed!.versionName} was signed off:
          </p>
          <ul>
            {changes.changes
              .filter((c) => c.kind !== 'same')
              .map((c, i) => (
                <li key={i}>
                  {c.kind === 'added' ? <ins>{c.block.text}</ins> : <del>{c.block.text}</del>}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
