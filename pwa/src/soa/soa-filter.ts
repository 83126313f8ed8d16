import type { SoaViewEntry } from '../../../shared/assessments/index.ts';
import {
  IMPLEMENTATION_STATES,
  type ImplementationState,
} from '../../../shared/documents/registry/index.ts';
import { ANNEX_A_GROUPS, type AnnexAControl } from '../../../shared/iso42001/index.ts';

/** Which controls the SoA shows, kept in the address (`#/soa?group=A.6&applicable=no&q=data`). */
export interface SoaFilter {
  /** A clause group (theme), `A.2` … `A.10`. */
  group: string;
  /** `yes`, `no`, or `undecided` (no lead decided it and no risk names it). */
  applicable: '' | 'yes' | 'no' | 'undecided';
  implementation: '' | ImplementationState;
  text: string;
}

export const NO_SOA_FILTER: SoaFilter = { group: '', applicable: '', implementation: '', text: '' };

const MAX_TEXT = 200;

/** The filter an address asks for; anything unexpected is left out. */
export function soaFilterFromParams(params: URLSearchParams): SoaFilter {
  const group = params.get('group') ?? '';
  const applicable = params.get('applicable') ?? '';
  const implementation = params.get('implementation') ?? '';
  return {
    group: ANNEX_A_GROUPS.some((g) => g.id === group) ? group : '',
    applicable:
      applicable === 'yes' || applicable === 'no' || applicable === 'undecided' ? applicable : '',
    implementation: (IMPLEMENTATION_STATES as readonly string[]).includes(implementation)
      ? (implementation as ImplementationState)
      : '',
    text: (params.get('q') ?? '').slice(0, MAX_TEXT),
  };
}

/** `#/soa?…` for a filter; an empty filter is plain `#/soa`. */
export function soaHref(filter: SoaFilter): string {
  const params = new URLSearchParams();
  if (filter.group) params.set('group', filter.group);
  if (filter.applicable) params.set('applicable', filter.applicable);
  if (filter.implementation) params.set('implementation', filter.implementation);
  if (filter.text) params.set('q', filter.text);
  const query = params.toString();
  return `#/soa${query ? `?${query}` : ''}`;
}

/**
 * Whether a control passes: its group, its applicability and implementation as the statement
 * shows them (a control a risk names counts as applicable, not started, until a lead decides),
 * and the words in its id, title, justification, owner or evidence.
 */
export function matchesSoaFilter(
  control: AnnexAControl,
  entry: SoaViewEntry | undefined,
  filter: SoaFilter,
): boolean {
  if (filter.group && control.group !== filter.group) return false;
  if (filter.applicable === 'undecided' && entry) return false;
  if (filter.applicable === 'yes' && !entry?.applicable) return false;
  if (filter.applicable === 'no' && (!entry || entry.applicable)) return false;
  if (filter.implementation && entry?.implementation !== filter.implementation) return false;
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    control.id,
    control.title,
    entry?.justification ?? '',
    entry?.owner ?? '',
    ...(entry?.evidence ?? []),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
