import { CATEGORIES, CATEGORY_LABELS, type Category } from '../catalog/schema.ts';
import { LIFECYCLES, type Lifecycle } from '../documents/registry/index.ts';
import { DATA_CATEGORIES, type DataCategory } from '../documents/schema/values.ts';

/**
 * The words people write in their spreadsheets for the registry's enumerations and lists. Each
 * reader returns the value or throws a RangeError whose message is shown next to the row number.
 */

/** Lower case, with spaces, hyphens and underscores folded to one space: "In-Use" → "in use". */
export const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

const LIFECYCLE_WORDS: Record<Lifecycle, string[]> = {
  procurement: [
    'procurement',
    'procuring',
    'evaluation',
    'evaluating',
    'proposed',
    'planned',
    'trial',
  ],
  development: ['development', 'in development', 'developing', 'building', 'pilot', 'testing'],
  'in-use': [
    'in use',
    'inuse',
    'live',
    'production',
    'in production',
    'active',
    'deployed',
    'used',
  ],
  retired: ['retired', 'decommissioned', 'discontinued', 'sunset', 'inactive', 'no longer used'],
};
const LIFECYCLE_BY_WORD = new Map(
  LIFECYCLES.flatMap((id) => LIFECYCLE_WORDS[id].map((word) => [word, id] as const)),
);

export function readLifecycle(cell: string): Lifecycle {
  const found = LIFECYCLE_BY_WORD.get(fold(cell));
  if (!found) {
    throw new RangeError(
      `Lifecycle "${cell}" is not one of procurement, development, in use, retired`,
    );
  }
  return found;
}

const CATEGORY_BY_WORD = new Map<string, Category>(
  CATEGORIES.flatMap((id) => [
    [fold(id), id],
    [fold(CATEGORY_LABELS[id]), id],
  ]),
);

export function readCategory(cell: string): Category {
  const found = CATEGORY_BY_WORD.get(fold(cell));
  if (!found) {
    const known = CATEGORIES.map((id) => CATEGORY_LABELS[id]).join(', ');
    throw new RangeError(`Category "${cell}" is not one of: ${known}`);
  }
  return found;
}

const DATA_WORDS: Record<DataCategory, string[]> = {
  personal: ['personal', 'personal data', 'pii', 'personally identifiable information'],
  customer: ['customer', 'customer data', 'client data'],
  'source-code': ['source code', 'code'],
  financial: ['financial', 'finance', 'financial data'],
  health: ['health', 'health data', 'medical'],
  confidential: ['confidential', 'confidential data', 'internal', 'secret'],
  none: ['none', 'no data'],
};
const DATA_BY_WORD = new Map(
  DATA_CATEGORIES.flatMap((id) => [id, ...DATA_WORDS[id]].map((word) => [fold(word), id] as const)),
);

/** Items of a list cell: split on ; , | or a line break, trimmed, blanks and repeats dropped. */
export function splitList(cell: string): string[] {
  return [...new Set(cell.split(/[;,|\r\n]+/).map((item) => item.trim()))].filter(Boolean);
}

export function readDataCategories(cell: string): DataCategory[] {
  return [
    ...new Set(
      splitList(cell).map((item) => {
        const found = DATA_BY_WORD.get(fold(item));
        if (!found) {
          throw new RangeError(
            `Data category "${item}" is not one of: ${DATA_CATEGORIES.join(', ')}`,
          );
        }
        return found;
      }),
    ),
  ];
}

/** A whole number of users; thousands may be grouped with commas or spaces ("1,200"). */
export function readUserCount(cell: string): number {
  const digits = cell.replace(/[\s\u00a0]/g, '');
  if (!/^(?:\d+|\d{1,3}(?:,\d{3})+)$/.test(digits)) {
    throw new RangeError(`Users "${cell}" is not a whole number`);
  }
  const count = Number(digits.replaceAll(',', ''));
  if (!Number.isSafeInteger(count)) throw new RangeError(`Users "${cell}" is too large`);
  return count;
}
