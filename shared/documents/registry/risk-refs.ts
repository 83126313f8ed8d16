import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { topMap } from '../schema/read.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { REGISTRY_SCHEMA } from './schema.ts';

/**
 * Risk reference numbers, docs/sync.md rules RID1–RID4. A new optional top-level map of
 * the registry document, owned by this module:
 *
 *   riskRefs  "<number>" → riskId
 *
 * keyed by the number, so a number can name one risk only: two leads who claim the same number
 * offline write the same key, and Yjs keeps one of the two values everywhere (RID2). The risk
 * that lost has no number after the merge and claims the next free one (RID3). A number is never
 * taken back: a removed risk's number stays retired. Older readers ignore the map.
 */
export const RISK_REFS = 'riskRefs';

/** Far beyond any register; bounds what a hostile document can make a reader do. */
const MAX_REF = 999_999;

/** `R-007`: at least three digits, more when the register grows past 999. */
export function formatRiskRef(number: number): string {
  return `R-${String(number).padStart(3, '0')}`;
}

const asNumber = (key: string): number | undefined => {
  if (!/^[1-9][0-9]{0,5}$/.test(key)) return undefined;
  const number = Number(key);
  return number <= MAX_REF ? number : undefined;
};

/**
 * Each risk's number, read without trust: keys that are not whole numbers 1–999999 and values
 * that are not ids are skipped and listed. A risk named by two numbers (two leads numbered it at
 * once) keeps the lowest (RID4); the other stays retired.
 */
export function readRiskNumbers(doc: Y.Doc, problems: string[] = []): Map<string, number> {
  const numbers = new Map<string, number>();
  const map = topMap(doc, RISK_REFS, problems);
  if (map === undefined) return numbers;
  let skipped = 0;
  for (const [key, value] of map.entries()) {
    const number = asNumber(key);
    if (number === undefined || typeof value !== 'string' || !isId(value)) {
      skipped++;
      continue;
    }
    const had = numbers.get(value);
    if (had === undefined || number < had) numbers.set(value, number);
  }
  if (skipped > 0) addProblem(problems, `${RISK_REFS}: skipped ${skipped} unreadable entries`);
  return numbers;
}

/** Each risk's reference (`R-007`) by risk id. */
export function readRiskRefs(doc: Y.Doc, problems: string[] = []): Map<string, string> {
  return new Map(
    [...readRiskNumbers(doc, problems)].map(([id, number]) => [id, formatRiskRef(number)]),
  );
}

/** The highest number ever claimed here (0 for none), whatever it names. */
function highest(map: Y.Map<unknown>): number {
  let max = 0;
  for (const key of map.keys()) max = Math.max(max, asNumber(key) ?? 0);
  return max;
}

/**
 * Gives each of `riskIds` that has no number the next free ones, in the order given, in one
 * transaction (RID1); returns the risks numbered. A risk that has a number keeps it. Throws,
 * changing nothing, for an id that is not an id.
 */
export function claimRiskRefs(doc: Y.Doc, riskIds: readonly string[]): string[] {
  for (const id of riskIds) if (!isId(id)) throw new RangeError(`not a risk id: ${id}`);
  const numbered = readRiskNumbers(doc);
  const wanted = [...new Set(riskIds)].filter((id) => !numbered.has(id));
  if (wanted.length === 0) return [];
  const map = doc.getMap<unknown>(RISK_REFS);
  let next = highest(map) + 1;
  if (next + wanted.length - 1 > MAX_REF)
    throw new RangeError('the register has run out of risk numbers');
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    for (const id of wanted) map.set(String(next++), id);
  });
  return wanted;
}
