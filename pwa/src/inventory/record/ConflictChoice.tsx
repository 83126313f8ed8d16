import { useState } from 'react';
import { valueWords } from '../../../../shared/documents/registry/index.ts';

interface Props {
  /** The field's label, as the form shows it. */
  label: string;
  /** The stored field name, for the values' words. */
  field: string;
  /** Every value the writers left (undefined: cleared). */
  values: readonly unknown[];
  /** Keeps one value; returns why it could not. */
  onChoose(value: string | number | null): string | undefined;
}

const words = (field: string, value: unknown) =>
  value === undefined || value === null ? '(empty)' : valueWords(field, value as string | number);

/**
 * Two people set this field at once without seeing each other's value (rule RC1): both values
 * are shown, and the next lead keeps one. Nothing is dropped until someone chooses.
 */
export function ConflictChoice({ label, field, values, onChoose }: Props) {
  const [error, setError] = useState<string>();
  return (
    <div className="record-conflict" role="group" aria-label={`${label}: two values`}>
      <p>
        Two people changed {label.toLowerCase()} at the same time. Both values are kept until you
        choose one:
      </p>
      <ul>
        {values.map((value, i) => (
          <li key={i}>
            <q>{words(field, value)}</q>{' '}
            <button
              type="button"
              onClick={() => setError(onChoose((value ?? null) as string | number | null))}
            >
              Keep this
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="record-field-error">
          {error}
        </p>
      )}
    </div>
  );
}
