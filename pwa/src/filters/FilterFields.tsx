/** One choice of a filter: its value in the address and its words. */
export interface FilterOption<T extends string> {
  value: T;
  label: string;
}

/** A labelled select over a filter's choices; '' is "any" (its words given by `any`). */
export function FilterSelect<T extends string>(props: {
  label: string;
  value: T | '';
  any: string;
  options: readonly FilterOption<T>[];
  onChange(value: T | ''): void;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as T | '')}
      >
        <option value="">{props.any}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The search box of a filtered list. */
export function FilterSearch(props: {
  value: string;
  placeholder: string;
  onChange(value: string): void;
}) {
  return (
    <label>
      Search
      <input
        type="search"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        placeholder={props.placeholder}
      />
    </label>
  );
}
