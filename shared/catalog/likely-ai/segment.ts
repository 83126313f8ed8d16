import { AI_WORDS, PRODUCT_WORDS } from './words.ts';

const LONGEST_WORD = Math.max(...[...PRODUCT_WORDS, ...AI_WORDS.keys()].map((w) => w.length));

const isWord = (piece: string) => PRODUCT_WORDS.has(piece) || AI_WORDS.has(piece);

/**
 * Splits a run of letters and digits into known words, fewest words first (so `email` stays one
 * word and never reads as `em` + `ai` + `l`); among equally short splits, the one with the fewest
 * AI words. Undefined when the text is not made only of known words.
 */
export function segment(text: string): string[] | undefined {
  if (text.length === 0 || text.length > 63) return undefined;
  // best[i]: the best split of text[0, i) as [pieces, aiPieces, previous index].
  const best: ([number, number, number] | undefined)[] = [[0, 0, -1]];
  for (let end = 1; end <= text.length; end++) {
    let chosen: [number, number, number] | undefined;
    for (let start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
      const before = best[start];
      if (before === undefined) continue;
      const piece = text.slice(start, end);
      if (!isWord(piece)) continue;
      const candidate: [number, number, number] = [
        before[0] + 1,
        before[1] + (AI_WORDS.has(piece) ? 1 : 0),
        start,
      ];
      if (
        chosen === undefined ||
        candidate[0] < chosen[0] ||
        (candidate[0] === chosen[0] && candidate[1] < chosen[1])
      )
        chosen = candidate;
    }
    best[end] = chosen;
  }
  if (best[text.length] === undefined) return undefined;
  const pieces: string[] = [];
  for (let end = text.length; end > 0; end = best[end]![2]) {
    pieces.unshift(text.slice(best[end]![2], end));
  }
  return pieces;
}
