import type * as Y from 'yjs';
import {
  DEFAULT_TIER_SCHEME,
  MAX_TIER_DESCRIPTION,
  MAX_TIER_NAME,
  MAX_TIERS,
  TIER_ID_PATTERN,
  TierSchemeError,
  checkTier,
  type TierDefinition,
  type TierScheme,
} from '../../classification/index.ts';
import { addProblem, joinPath } from '../schema/problems.ts';
import { readBoolean, readNumber, readString, topMap } from '../schema/read.ts';
import { ensureWritable } from '../schema/version.ts';
import { setIfChanged } from '../schema/write.ts';
import { REGISTRY_SCHEMA } from './schema.ts';
import { checkAuthor } from './authored.ts';

/**
 * The workspace's tier scheme, in the registry (leads write it; contributors read it; extensions
 * never need it — docs/sync.md). One flat top-level map, one key per tier and field:
 *
 *   tierScheme  '<tierId>.name' | '.description' | '.rank' | '.removed' | '.updatedBy' | '.updatedAt'
 *
 * Flat keys, not a nested Y.Map per tier: two leads creating the same tier's map at once would
 * each make one and Yjs keeps only one of them, losing the other's edit. With flat keys, two leads
 * editing different tiers (or a name and a description) both win. The order is `rank` (ties broken
 * by id, the same on every replica). A removed tier stays, marked `removed`, so that decisions made
 * under it still read as its name. A default tier (`tier-1`…`tier-3`) stores only what differs
 * from the default, so a first edit writes only ranks (equal on every replica) and the field it
 * changes. Nothing stored means the default scheme.
 */
export const TIER_SCHEME = 'tierScheme';
/** Removed tiers are kept; past this many stored tiers, adding one is refused. */
export const MAX_STORED_TIERS = 200;
const FIELDS = ['name', 'description', 'rank', 'removed', 'updatedBy', 'updatedAt'] as const;
type Field = (typeof FIELDS)[number];
const key = (id: string, field: Field) => `${id}.${field}`;

export interface WorkspaceTierScheme {
  /** 1–9 tiers, most severe first. DEFAULT_TIER_SCHEME itself when `isDefault`. */
  scheme: TierScheme;
  /** Nothing (readable) is stored: the default scheme applies. */
  isDefault: boolean;
  /** Tiers no longer in the scheme, kept so that old decisions still show a name; by id. */
  removed: TierDefinition[];
  problems: string[];
}

export interface TierChange {
  by: string;
  at: number;
}

const DEFAULTS = new Map(DEFAULT_TIER_SCHEME.tiers.map((tier) => [tier.id, tier]));

interface StoredTier extends TierDefinition {
  rank: number;
  removed: boolean;
}

/** The ids of the tiers stored, in id order; keys that are no tier's field are reported. */
function storedIds(map: Y.Map<unknown>, problems: string[]): Set<string> {
  const tiers = new Set<string>();
  let malformed = 0;
  for (const stored of [...map.keys()].sort()) {
    const dot = stored.lastIndexOf('.');
    const id = stored.slice(0, dot);
    const field = stored.slice(dot + 1) as Field;
    if (dot < 0 || !TIER_ID_PATTERN.test(id) || !FIELDS.includes(field)) {
      if (malformed++ < 5)
        addProblem(
          problems,
          `${TIER_SCHEME}: ${JSON.stringify(stored)} is not a tier's field; ignored`,
        );
      continue;
    }
    if (!tiers.has(id) && tiers.size >= MAX_STORED_TIERS) {
      addProblem(
        problems,
        `${TIER_SCHEME}: more than ${MAX_STORED_TIERS} stored tiers; the rest are ignored`,
      );
      break;
    }
    tiers.add(id);
  }
  if (malformed > 5) addProblem(problems, `${TIER_SCHEME}: ${malformed - 5} more keys ignored`);
  return tiers;
}

function readStoredTier(map: Y.Map<unknown>, id: string, problems: string[]) {
  const path = TIER_SCHEME;
  const fallback = DEFAULTS.get(id);
  const name =
    readString(map, key(id, 'name'), problems, { path, max: MAX_TIER_NAME }) ?? fallback?.name;
  if (name === undefined || name.trim() === '') {
    addProblem(problems, `${joinPath(path, id)}: no readable name; skipped`);
    return undefined;
  }
  const description =
    readString(map, key(id, 'description'), problems, { path, max: MAX_TIER_DESCRIPTION }) ??
    fallback?.description ??
    '';
  const rank = readNumber(map, key(id, 'rank'), problems, { path, required: true });
  const removed = readBoolean(map, key(id, 'removed'), problems, { path }) ?? false;
  // A tier without a readable rank is still shown, last.
  return { id, name, description, rank: rank ?? Number.MAX_VALUE, removed };
}

function readStored(map: Y.Map<unknown>, problems: string[]): StoredTier[] {
  const stored: StoredTier[] = [];
  for (const id of storedIds(map, problems)) {
    const tier = readStoredTier(map, id, problems);
    if (tier) stored.push(tier);
  }
  return stored;
}

const byRank = (a: StoredTier, b: StoredTier) =>
  a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const definition = ({ id, name, description }: TierDefinition): TierDefinition => ({
  id,
  name,
  description,
});

function readAll(doc: Y.Doc) {
  const problems: string[] = [];
  const map = topMap(doc, TIER_SCHEME, problems);
  const stored = map ? readStored(map, problems) : [];
  const active = stored.filter((tier) => !tier.removed).sort(byRank);
  const removed = stored.filter((tier) => tier.removed);
  if (active.length > MAX_TIERS) {
    const left = active.splice(MAX_TIERS);
    addProblem(
      problems,
      `${TIER_SCHEME}: more than ${MAX_TIERS} tiers (edited at once?); ${left.map((t) => t.id).join(', ')} left out`,
    );
    removed.push(...left);
  }
  if (active.length === 0 && map !== undefined && map.size > 0) {
    addProblem(problems, `${TIER_SCHEME}: no tier left in the scheme; the default scheme applies`);
  }
  return { map, stored, active, removed, problems };
}

/**
 * The workspace's tier scheme, read without trust: a tier of the wrong shape is skipped and
 * listed in `problems`; when nothing usable is stored, the default scheme applies.
 */
export function readTierScheme(doc: Y.Doc): WorkspaceTierScheme {
  const { active, removed, problems } = readAll(doc);
  const isDefault = active.length === 0;
  return {
    scheme: isDefault ? DEFAULT_TIER_SCHEME : { tiers: active.map(definition) },
    isDefault,
    removed: removed.map(definition).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    problems,
  };
}

/** A tier by id: in the scheme (`current`), removed from it, or undefined when never known. */
export function findTier(
  workspace: Pick<WorkspaceTierScheme, 'scheme' | 'removed'>,
  id: string,
): { tier: TierDefinition; current: boolean } | undefined {
  const tier = workspace.scheme.tiers.find((t) => t.id === id);
  if (tier) return { tier, current: true };
  const gone = workspace.removed.find((t) => t.id === id);
  return gone ? { tier: gone, current: false } : undefined;
}

// ————— writing —————

function checkChange(change: TierChange): void {
  checkAuthor(change?.by, change.at);
}

/** Text equal to the default tier's is not stored (deleted), so the default shows through. */
function writeText(map: Y.Map<unknown>, id: string, field: Field, value: string) {
  const inherited = DEFAULTS.get(id)?.[field as 'name'];
  return setIfChanged(map, key(id, field), value === inherited ? undefined : value);
}

function stamp(map: Y.Map<unknown>, id: string, change: TierChange) {
  setIfChanged(map, key(id, 'updatedBy'), change.by);
  setIfChanged(map, key(id, 'updatedAt'), change.at);
}

/** Stores `order` as ranks 0…n−1, writing only the ranks that change. */
function writeRanks(map: Y.Map<unknown>, order: string[]) {
  order.forEach((id, rank) => setIfChanged(map, key(id, 'rank'), rank));
}

/**
 * Runs `write` in one transaction with the order it acts on. When nothing usable is stored yet,
 * the default tiers are stored first (their ranks only, see above).
 */
function writeScheme(doc: Y.Doc, write: (map: Y.Map<unknown>, order: string[]) => void): void {
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const read = readAll(doc);
    const map = doc.getMap<unknown>(TIER_SCHEME);
    if (read.active.length === 0) {
      // Left over from a scheme that lost every tier: the default starts clean.
      const clean = map.size > 0;
      DEFAULT_TIER_SCHEME.tiers.forEach((tier, rank) => {
        setIfChanged(map, key(tier.id, 'rank'), rank);
        setIfChanged(map, key(tier.id, 'removed'), undefined);
        if (clean) {
          setIfChanged(map, key(tier.id, 'name'), undefined);
          setIfChanged(map, key(tier.id, 'description'), undefined);
        }
      });
    }
    const order = read.active.length > 0 ? read.active.map((t) => t.id) : [...DEFAULTS.keys()];
    write(map, order);
  });
}

function checkWritable(doc: Y.Doc) {
  if (topMap(doc, TIER_SCHEME, []) === undefined)
    throw new TierSchemeError(`${TIER_SCHEME} holds another type: it cannot be edited`);
}

/**
 * Adds a tier at the end of the scheme (the least severe), or changes the name and description of
 * one in it. Throws a TierSchemeError, changing nothing, for an invalid tier, a tenth tier, a name
 * another tier has, or a removed tier. Returns what it did.
 */
export function setTier(
  doc: Y.Doc,
  tier: TierDefinition,
  change: TierChange,
): 'added' | 'changed' | 'unchanged' {
  checkTier(tier, 'the tier');
  checkChange(change);
  checkWritable(doc);
  const current = readAll(doc);
  const scheme = readTierScheme(doc);
  const existing = scheme.scheme.tiers.find((t) => t.id === tier.id);
  if (existing?.name === tier.name && existing.description === tier.description) return 'unchanged';
  if (!existing && current.stored.some((t) => t.id === tier.id))
    throw new TierSchemeError(`tier ${tier.id} was removed from the scheme: add a new one instead`);
  const twin = scheme.scheme.tiers.find(
    (t) => t.id !== tier.id && t.name.trim().toLowerCase() === tier.name.trim().toLowerCase(),
  );
  if (twin) throw new TierSchemeError(`another tier is already named “${twin.name}”`);
  if (!existing && scheme.scheme.tiers.length >= MAX_TIERS)
    throw new TierSchemeError(`a tier scheme has at most ${MAX_TIERS} tiers`);
  if (!existing && current.stored.length >= MAX_STORED_TIERS)
    throw new TierSchemeError(`this workspace has stored ${MAX_STORED_TIERS} tiers: no more fit`);
  writeScheme(doc, (map, order) => {
    writeText(map, tier.id, 'name', tier.name);
    writeText(map, tier.id, 'description', tier.description);
    if (!existing) writeRanks(map, [...order, tier.id]);
    stamp(map, tier.id, change);
  });
  return existing ? 'changed' : 'added';
}

/** Removes a tier from the scheme (kept as removed); the last tier cannot be removed. */
export function removeTier(doc: Y.Doc, id: string, change: TierChange): void {
  checkChange(change);
  checkWritable(doc);
  const tiers = readTierScheme(doc).scheme.tiers;
  if (!tiers.some((t) => t.id === id))
    throw new TierSchemeError(`there is no tier ${JSON.stringify(id)} in the scheme`);
  if (tiers.length === 1) throw new TierSchemeError('a tier scheme needs at least one tier');
  writeScheme(doc, (map, order) => {
    setIfChanged(map, key(id, 'removed'), true);
    stamp(map, id, change);
    writeRanks(
      map,
      order.filter((t) => t !== id),
    );
  });
}

/** Moves a tier to position `to` (0 is the most severe), shifting the others. */
export function moveTier(doc: Y.Doc, id: string, to: number, change: TierChange): void {
  checkChange(change);
  checkWritable(doc);
  const tiers = readTierScheme(doc).scheme.tiers;
  const from = tiers.findIndex((t) => t.id === id);
  if (from < 0) throw new TierSchemeError(`there is no tier ${JSON.stringify(id)} in the scheme`);
  if (!Number.isInteger(to) || to < 0 || to >= tiers.length)
    throw new TierSchemeError(`a tier moves to a position from 1 to ${tiers.length}`);
  if (from === to) return;
  writeScheme(doc, (map, order) => {
    const next = order.filter((t) => t !== id);
    next.splice(to, 0, id);
    writeRanks(map, next);
    stamp(map, id, change);
  });
}

/** Back to the default Tier 1/2/3; every other tier is kept as removed. */
export function resetTierScheme(doc: Y.Doc, change: TierChange): void {
  checkChange(change);
  checkWritable(doc);
  const stored = readAll(doc).stored;
  writeScheme(doc, (map) => {
    for (const tier of stored) {
      if (DEFAULTS.has(tier.id)) continue;
      if (setIfChanged(map, key(tier.id, 'removed'), true)) stamp(map, tier.id, change);
    }
    DEFAULT_TIER_SCHEME.tiers.forEach((tier, rank) => {
      const changed = [
        setIfChanged(map, key(tier.id, 'rank'), rank),
        setIfChanged(map, key(tier.id, 'removed'), undefined),
        setIfChanged(map, key(tier.id, 'name'), undefined),
        setIfChanged(map, key(tier.id, 'description'), undefined),
      ].some(Boolean);
      if (changed) stamp(map, tier.id, change);
    });
  });
}
