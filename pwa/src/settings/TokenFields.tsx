const LABEL_MAX = 200;

/** The free-text label a lead gives an invitation or an enrolment code. */
export function LabelField(props: {
  caption: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <label>
      {props.caption}
      <input
        type="text"
        value={props.value}
        maxLength={LABEL_MAX}
        placeholder={props.placeholder}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </label>
  );
}

/** How long a token lasts, from a fixed list of lifetimes (value as the relay's `ttl`, words). */
export function TtlField(props: {
  caption: string;
  options: readonly (readonly [string, string])[];
  value: string;
  onChange(value: string): void;
}) {
  return (
    <label>
      {props.caption}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}
