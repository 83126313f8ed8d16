import { memo } from 'react';
import { CATEGORIES, CATEGORY_LABELS } from '../../../../shared/catalog/schema.ts';
import { EU_AI_ACT_CATEGORIES } from '../../../../shared/classification/index.ts';
import { LIFECYCLES } from '../../../../shared/documents/registry/index.ts';
import { EU_AI_ACT_LABELS } from '../classification-words.ts';
import { lifecycleLabel } from './inventory-rows.ts';
import { NONE, type ListQuery } from './list-query.ts';

type Option = readonly [value: string, label: string];
type FilterKey = 'lifecycle' | 'tier' | 'euAiAct' | 'category' | 'owner' | 'archived';

interface Props {
  filters: Pick<ListQuery, FilterKey>;
  /** The workspace's tiers, most severe first: [id, name]. */
  tiers: Option[];
  /** Every owner named on a record, sorted. */
  owners: string[];
  onChange(patch: Partial<ListQuery>): void;
}

function FilterSelect({
  label,
  value,
  options,
  blank,
  onChange,
}: {
  label: string;
  value: string;
  options: Option[];
  blank: string;
  onChange(value: string): void;
}) {
  // A value from a link that is not (or no longer) an option still shows, rather than "Any".
  const known = value === '' || value === NONE || options.some(([v]) => v === value);
  return (
    <label className="inventory-filter">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
        {!known && <option value={value}>{value}</option>}
        <option value={NONE}>{blank}</option>
      </select>
    </label>
  );
}

/** The list's filters: one select per field (the search box is beside them). */
export const InventoryFilters = memo(function InventoryFilters({
  filters: query,
  tiers,
  owners,
  onChange,
}: Props) {
  const set = (key: FilterKey) => (value: string) => onChange({ [key]: value });
  return (
    <div className="inventory-filters" role="group" aria-label="Filters">
      <FilterSelect
        label="Lifecycle"
        value={query.lifecycle}
        options={LIFECYCLES.map((id) => [id, lifecycleLabel(id)])}
        blank="Not set"
        onChange={set('lifecycle')}
      />
      <FilterSelect
        label="Tier"
        value={query.tier}
        options={tiers}
        blank="Not decided"
        onChange={set('tier')}
      />
      <FilterSelect
        label="EU AI Act"
        value={query.euAiAct}
        options={EU_AI_ACT_CATEGORIES.map((id) => [id, EU_AI_ACT_LABELS[id]])}
        blank="Not classified"
        onChange={set('euAiAct')}
      />
      <FilterSelect
        label="Category"
        value={query.category}
        options={CATEGORIES.map((id) => [id, CATEGORY_LABELS[id]])}
        blank="Not set"
        onChange={set('category')}
      />
      <FilterSelect
        label="Owner"
        value={query.owner}
        options={owners.map((owner) => [owner, owner])}
        blank="No owner"
        onChange={set('owner')}
      />
      <label className="inventory-filter">
        Archived
        <select value={query.archived} onChange={(event) => set('archived')(event.target.value)}>
          <option value="">Hidden</option>
          <option value="show">Shown</option>
          <option value="only">Only archived</option>
        </select>
      </label>
    </div>
  );
});
