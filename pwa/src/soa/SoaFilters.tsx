import { IMPLEMENTATION_STATES } from '../../../shared/documents/registry/index.ts';
import { ANNEX_A_GROUPS } from '../../../shared/iso42001/index.ts';
import { FilterSearch, FilterSelect } from '../filters/FilterFields.tsx';
import type { SoaFilter } from './soa-filter.ts';
import { IMPLEMENTATION_LABELS } from './soa-words.ts';

const APPLICABLE = [
  { value: 'yes', label: 'Applicable' },
  { value: 'no', label: 'Not applicable' },
  { value: 'undecided', label: 'Undecided' },
] as const;

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
      <FilterSearch
        value={filter.text}
        placeholder="A control, an owner, evidence"
        onChange={(text) => set({ text })}
      />
      <FilterSelect
        label="Theme"
        any="All"
        value={filter.group}
        options={ANNEX_A_GROUPS.map((group) => ({
          value: group.id,
          label: `${group.id} ${group.title}`,
        }))}
        onChange={(group) => set({ group })}
      />
      <FilterSelect
        label="Applicable"
        any="Any"
        value={filter.applicable}
        options={APPLICABLE}
        onChange={(applicable) => set({ applicable })}
      />
      <FilterSelect
        label="Implementation"
        any="Any"
        value={filter.implementation}
        options={IMPLEMENTATION_STATES.map((state) => ({
          value: state,
          label: IMPLEMENTATION_LABELS[state],
        }))}
        onChange={(implementation) => set({ implementation })}
      />
      <p className="muted" aria-live="polite">
        {shown === total ? `${total} controls` : `${shown} of ${total} controls`}
      </p>
    </div>
  );
}
