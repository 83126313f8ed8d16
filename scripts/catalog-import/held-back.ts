/**
 * The held-back part of each source: a fixed-seed 20 % of its entries, never imported, on which
 * `npm run bench -- detection` measures recall. Drawn per entry from a hash of the seed, the source
 * and the entry's key, so it is the same on every machine and stable as a source grows.
 */
export const HELD_BACK_SEED = 'sightline-catalog-2026-12';
export const HELD_BACK_PERCENT = 20;

export function isHeldBack(sourceId: string, key: string): boolean {
  let hash = 0x811c9dc5;
  const text = `${HELD_BACK_SEED}\n${sourceId}\n${key}`;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 100 < HELD_BACK_PERCENT;
}
