import {
  changeWords,
  type AssessmentIndexEntry,
  type ChangeMark,
} from '../../../../shared/documents/registry/index.ts';

/** What a mark asks of an assessment of this kind (CHG4): the FRIA lives in the impact assessment. */
export function reviewDueLabel(kind: AssessmentIndexEntry['kind']): string {
  return kind === 'impact'
    ? 'Review due: significant change (impact assessment and FRIA, Art. 27(2))'
    : 'Review due: significant change';
}

/** "lead-b changed it on 2026-11-02 09:00 UTC" and one line per change, from → to. */
export function markWords(mark: ChangeMark): { who: string; lines: string[] } {
  const when = new Date(mark.at).toISOString().slice(0, 16).replace('T', ' ');
  return {
    who: `${mark.by}, ${when} UTC`,
    lines: mark.changes.map((change) => changeWords(change)),
  };
}
