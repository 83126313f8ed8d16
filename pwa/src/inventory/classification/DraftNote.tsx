import type { RecordClassification } from '../../../../shared/documents/registry/index.ts';
import { formatDay } from '../classification-words.ts';
import { personShown } from '../record/record-words.ts';

/** Says that the ticked answers are not confirmed yet, and who last gave one. */
export function DraftNote({ draft }: { draft: RecordClassification['draft'] }) {
  if (!draft?.pending) return null;
  return (
    <p className="draft-note" role="note">
      Answers not confirmed yet
      {draft.by !== undefined && (
        <>
          {' '}
          (last answered by {personShown(draft.by)}
          {draft.at !== undefined && <> on {formatDay(draft.at)}</>})
        </>
      )}
      : they are kept on the record and every lead sees them; Confirm records them.
    </p>
  );
}
