import { IMPLEMENTATION_STATES } from '../../../shared/documents/registry/index.ts';
import { ANNEX_A_GROUPS } from '../../../shared/iso42001/index.ts';
import type { SoaFilter } from './soa-filter.ts';
import { IMPLEMENTATION_LABELS } from './soa-words.ts';

interface Props {
  filter: SoaFilter;
  onChange(filter: SoaFilter): void;
  shown: number;
  total: number;
}

/** Search and filters over the 38 controls: theme, applicability, implementation status. */
export function SoaFilters({ filter, onChange, shown, total }: Props) {
  const set = (patch: Partial<SoaFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="soa-filters" role="search" aria-label="Filter the controls">
      <label>
        Search
        <input
          type="search"
          value={filter.text}
          onChange={(event) => set({ text: event.target.value })}
          placeholder="A control, an owner, evidence"
        />
      </label>
      <label>
        Theme
        <select value={filter.group} onChange={(event) => set({ group: event.target.value })}>
          <option value="">All</option>
          {ANNEX_A_GROUPS.map((group) => (
            <option key={group.id} value={group.id}>
              {group.id} {group.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Applicable
        <select
          value={filter.applicable}
          onChange={(event) => set({ applicable: event.target.value as SoaFilter['applicable'] })}
        >
          <option value="">Any</option>
          <option value="yes">Applicable</option>
          <option value="no">Not applicable</option>
          <option value="undecided">Undecided</option>
        </select>
      </label>
      <label>
        Implementation
        <select
          value={filter.implementation}
          onChange={(event) =>
            set({ implementation: event.target.value as SoaFilter['implementation'] })
          }
        >
          <option value="">Any</option>
          {IMPLEMENTATION_STATES.map((state) => (
            <option key={state} value={state}>
              {IMPLEMENTATION_LABELS[state]}
            </option>
          ))}
        </select>
      </label>
      <p className="muted" aria-live="polite">
        {shown === total ? `${total} controls` : `${shown} of ${total} controls`}
      </p>
    </div>
  );
}
