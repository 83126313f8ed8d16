import {
  RISK_BANDS,
  RISK_STATUSES,
  TREATMENTS,
  type RegistryRecord,
} from '../../../shared/documents/registry/index.ts';
import {
  BAND_LABELS,
  RISK_SORTS,
  SORT_LABELS,
  STATUS_LABELS,
  TREATMENT_LABELS,
  type RiskFilter,
  type RiskSort,
} from './risk-rows.ts';

interface Props {
  filter: RiskFilter;
  sort: RiskSort;
  records: readonly RegistryRecord[];
  onChange(filter: RiskFilter, sort: RiskSort): void;
}

/** A select whose blank option means "any". */
function Pick({
  label,
  value,
  options,
  onPick,
}: {
  label: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
  onPick(value: string | undefined): void;
}) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onPick(e.target.value || undefined)}>
        <option value="">Any</option>
        {options.map(([id, words]) => (
          <option key={id} value={id}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Filters and sort of the register; the page keeps them in the address. */
export function RiskFilters({ filter, sort, records, onChange }: Props) {
  const change = (patch: RiskFilter) => {
    const next: RiskFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof RiskFilter)[]) {
      if (next[key] === undefined) delete next[key];
    }
    onChange(next, sort);
  };
  const cell = filter.likelihood !== undefined || filter.impact !== undefined;
  return (
    <div className="risk-filters" role="group" aria-label="Filter and sort the risks">
      <Pick
        label="System"
        value={filter.system}
        options={records.map((r) => [r.id, r.name] as const)}
        onPick={(system) => change({ system })}
      />
      <Pick
        label="Band"
        value={filter.band}
        options={RISK_BANDS.map((id) => [id, BAND_LABELS[id]] as const)}
        onPick={(band) => change({ band: band as RiskFilter['band'] })}
      />
      <Pick
        label="Status"
        value={filter.status}
        options={(['active', ...RISK_STATUSES] as const).map((id) => [id, STATUS_LABELS[id]])}
        onPick={(status) => change({ status: status as RiskFilter['status'] })}
      />
      <Pick
        label="Treatment"
        value={filter.treatment}
        options={TREATMENTS.map((id) => [id, TREATMENT_LABELS[id]] as const)}
        onPick={(treatment) => change({ treatment: treatment as RiskFilter['treatment'] })}
      />
      <label>
        Sort by
        <select value={sort} onChange={(e) => onChange(filter, e.target.value as RiskSort)}>
          {RISK_SORTS.map((id) => (
            <option key={id} value={id}>
              {SORT_LABELS[id]}
            </option>
          ))}
        </select>
      </label>
      {cell && (
        <button type="button" onClick={() => change({ likelihood: undefined, impact: undefined })}>
          Show every likelihood and impact
        </button>
      )}
    </div>
  );
}
