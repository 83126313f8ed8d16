import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { claimRiskRefs, formatRiskRef, readRiskRefs, RISK_REFS } from './risk-refs.ts';

/** Two replicas exchange everything they have (a relay between two leads). */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe('risk reference numbers (docs/sync.md RID1–RID4)', () => {
  it('numbers risks in the order given, from R-001, once (RID1)', () => {
    const doc = new Y.Doc();
    expect(claimRiskRefs(doc, ['r-b', 'r-a'])).toEqual(['r-b', 'r-a']);
    expect(claimRiskRefs(doc, ['r-a', 'r-c'])).toEqual(['r-c']);
    expect([...readRiskRefs(doc)]).toEqual([
      ['r-b', 'R-001'],
      ['r-a', 'R-002'],
      ['r-c', 'R-003'],
    ]);
    expect(formatRiskRef(1234)).toBe('R-1234');
  });

  it('two leads offline claim the same number: after sync it names one risk, and the other is renumbered after it (RID2, RID3)', () => {
    const base = new Y.Doc();
    claimRiskRefs(base, ['r-old']);
    const a = new Y.Doc();
    const b = new Y.Doc();
    sync(base, a);
    sync(base, b);
    claimRiskRefs(a, ['r-from-a']);
    claimRiskRefs(b, ['r-from-b']);
    expect(readRiskRefs(a).get('r-from-a')).toBe('R-002');
    expect(readRiskRefs(b).get('r-from-b')).toBe('R-002');
    sync(a, b);
    const refsA = readRiskRefs(a);
    expect([...refsA]).toEqual([...readRiskRefs(b)]);
    const shown = [...refsA.values()];
    expect(new Set(shown).size).toBe(shown.length); // no number names two risks
    const loser = refsA.has('r-from-a') ? 'r-from-b' : 'r-from-a';
    expect(refsA.has(loser)).toBe(false);
    // Whichever lead sees it first numbers it after every number ever claimed.
    claimRiskRefs(a, [loser]);
    expect(readRiskRefs(a).get(loser)).toBe('R-003');
    expect(readRiskRefs(a).get('r-old')).toBe('R-001');
  });

  it('a risk numbered twice at once keeps the lower number; the other stays retired (RID4)', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    claimRiskRefs(a, ['r-1']);
    sync(a, b);
    a.getMap(RISK_REFS).set('2', 'r-2');
    b.getMap(RISK_REFS).set('3', 'r-2');
    sync(a, b);
    expect(readRiskRefs(a).get('r-2')).toBe('R-002');
    claimRiskRefs(a, ['r-4']);
    expect(readRiskRefs(a).get('r-4')).toBe('R-004');
  });

  it('reads a hostile map without trusting it, and refuses a bad id changing nothing', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(RISK_REFS);
    map.set('7', 'r-7');
    map.set('0', 'r-zero');
    map.set('x', 'r-x');
    map.set('8', { not: 'an id' });
    map.set('99999999', 'r-big');
    const problems: string[] = [];
    expect([...readRiskRefs(doc, problems)]).toEqual([['r-7', 'R-007']]);
    expect(problems).toEqual(['riskRefs: skipped 4 unreadable entries']);
    expect(() => claimRiskRefs(doc, ['ok', 'not an id!'])).toThrow(RangeError);
    expect(readRiskRefs(doc).has('ok')).toBe(false);
  });
});
