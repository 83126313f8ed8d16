import { describe, expect, it } from 'vitest';
import type { PaletteCommand } from './palette-commands.ts';
import { MAX_RESULTS, PER_GROUP, paletteIndex } from './palette-search.ts';

const command = (id: string, group: string, label: string, more: Partial<PaletteCommand> = {}) =>
  ({ id, group, label, run: () => {}, ...more }) satisfies PaletteCommand;

describe('paletteIndex', () => {
  it('ranks a place above an item that matches as well, and matches by prefix, keyword and typo', () => {
    const index = paletteIndex([
      command('risk.r1', 'Risks', 'Risk of bias in hiring', { weight: 1.5 }),
      command('go.risks', 'Go to', 'Go to Risks', { weight: 4, keywords: ['risk register'] }),
      command('go.soa', 'Go to', 'Go to SoA', { keywords: ['statement of applicability'] }),
    ]);
    expect(index.search('risk').map((c) => c.id)).toEqual(['go.risks', 'risk.r1']);
    expect(index.search('applicab').map((c) => c.id)).toEqual(['go.soa']);
    expect(index.search('hirring').map((c) => c.id)).toEqual(['risk.r1']);
    expect(index.search('   ')).toEqual([]);
  });

  it('keeps every word: "bias hiring" is not "bias" or "hiring"', () => {
    const index = paletteIndex([
      command('a', 'Risks', 'Bias in hiring'),
      command('b', 'Risks', 'Bias in lending'),
    ]);
    expect(index.search('bias hiring').map((c) => c.id)).toEqual(['a']);
  });

  it('lists at most PER_GROUP of a group and MAX_RESULTS in all', () => {
    const many = Array.from({ length: 100 }, (_, i) =>
      command(`tool.${i}`, `Group ${i % 10}`, `Assistant ${i}`),
    );
    const found = paletteIndex(many).search('assistant');
    expect(found).toHaveLength(Math.min(MAX_RESULTS, 10 * PER_GROUP));
    const perGroup = new Map<string, number>();
    for (const c of found) perGroup.set(c.group, (perGroup.get(c.group) ?? 0) + 1);
    expect(Math.max(...perGroup.values())).toBeLessThanOrEqual(PER_GROUP);
  });
});
