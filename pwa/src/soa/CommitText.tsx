import { useState } from 'react';

interface Props {
  label: string;
  value: string;
  multiline?: boolean;
  maxLength: number;
  invalid?: boolean;
  onCommit(text: string): void;
}

/**
 * A text field saved when it loses focus (or Enter on one line): one small patch per edit, not
 * one per keystroke. The parent keys it by the stored value, so a change made elsewhere shows.
 */
export function CommitText({ label, value, multiline, maxLength, invalid, onCommit }: Props) {
  const [text, setText] = useState(value);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  const common = {
    value: text,
    maxLength,
    'aria-invalid': invalid || undefined,
    onChange: (event: { target: { value: string } }) => setText(event.target.value),
    onBlur: commit,
  };
  return (
    <label>
      {label}
      {multiline ? (
        <textarea {...common} rows={2} />
      ) : (
        <input
          {...common}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
      )}
    </label>
  );
}
