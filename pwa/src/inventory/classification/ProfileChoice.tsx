import type { ProfileValue } from '../../../../shared/classification/index.ts';

interface Props {
  /** The question, as a person reads it. */
  label: string;
  values: readonly ProfileValue[];
  /** The answer; undefined: not answered (only when `none` is given). */
  value: string | undefined;
  /** The words for "not answered", when the question may stay unanswered. */
  none?: string;
  onChange: (value: string | undefined) => void;
}

/** A use-profile question answered with one of a few values (role, Annex I section, categorisation). */
export function ProfileChoice({ label, values, value, none, onChange }: Props) {
  return (
    <label className="profile-choice">
      {label}
      <select
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      >
        {none !== undefined && <option value="">{none}</option>}
        {values.map((entry) => (
          <option key={entry.value} value={entry.value}>
            {entry.label} ({entry.citation})
          </option>
        ))}
      </select>
    </label>
  );
}
