import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { META } from '../schema/version.ts';
import { ACTIVITY, writeActivity } from './activity.ts';
import { readDiscoveries } from './read.ts';

const AT = Date.UTC(2026, 10, 20, 9);

describe('the activity figure of the discoveries', () => {
  it('is written by the relay and read back with the discoveries', () => {
    const doc = new Y.Doc();
    expect(readDiscoveries(doc).activity).toBeUndefined();
    writeActivity(doc, { reporters7d: 31, reporters30d: 40, computedAt: AT });
    const read = readDiscoveries(doc);
    expect(read.activity).toEqual({ reporters7d: 31, reporters30d: 40, computedAt: AT });
    expect(read.problems).toEqual([]);
  });

  it('writes only what changed', () => {
    const doc = new Y.Doc();
    writeActivity(doc, { reporters7d: 1, reporters30d: 2, computedAt: AT });
    let updates = 0;
    doc.on('update', () => updates++);
    writeActivity(doc, { reporters7d: 1, reporters30d: 2, computedAt: AT });
    expect(updates).toBe(0);
  });

  it('refuses bad figures, changing nothing', () => {
    const doc = new Y.Doc();
    writeActivity(doc, { reporters7d: 1, reporters30d: 2, computedAt: AT });
    const before = Y.encodeStateVector(doc);
    expect(() =>
      writeActivity(doc, { reporters7d: -1, reporters30d: 2, computedAt: AT }),
    ).toThrow();
    expect(() =>
      writeActivity(doc, { reporters7d: 1.5, reporters30d: 2, computedAt: AT }),
    ).toThrow();
    expect(() => writeActivity(doc, { reporters7d: 3, reporters30d: 2, computedAt: AT })).toThrow(
      /exceed/,
    );
    expect(() => writeActivity(doc, { reporters7d: 1, reporters30d: 2, computedAt: -5 })).toThrow(
      /computedAt/,
    );
    expect(Y.encodeStateVector(doc)).toEqual(before);
    doc.getMap(META).set('schemaVersion', 99);
    expect(() => writeActivity(doc, { reporters7d: 0, reporters30d: 0, computedAt: AT })).toThrow();
  });

  it('reads a damaged figure as absent, with a problem, and never trusts its shape', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(ACTIVITY);
    map.set('reporters7d', 'lots');
    map.set('reporters30d', 4);
    map.set('computedAt', AT);
    const read = readDiscoveries(doc);
    expect(read.activity).toBeUndefined();
    expect(read.problems.join('\n')).toMatch(/activity.reporters7d: expected a number/);
    map.set('reporters7d', 9);
    // A hostile 7-day count above the 30-day one cannot make the 30-day one smaller.
    expect(readDiscoveries(doc).activity).toEqual({
      reporters7d: 9,
      reporters30d: 9,
      computedAt: AT,
    });
    const other = new Y.Doc();
    other.getArray(ACTIVITY).push([1]);
    expect(readDiscoveries(other).activity).toBeUndefined();
    expect(readDiscoveries(other).problems).toHaveLength(1);
  });
});
