import { act } from 'react';
import { vi } from 'vitest';
import type { OpenedAssessment } from '../../sync/assessment-documents.ts';

/** The observers made since the stub was installed, as the browser would call them. */
const observers = new Set<{ callback: IntersectionObserverCallback; targets: Element[] }>();

/**
 * A stand-in for the browser's IntersectionObserver (jsdom has none): nothing is reported until
 * `scrollList` says which rows are on screen.
 */
export function stubIntersectionObserver(): void {
  observers.clear();
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      private readonly entry: { callback: IntersectionObserverCallback; targets: Element[] };
      constructor(callback: IntersectionObserverCallback) {
        this.entry = { callback, targets: [] };
        observers.add(this.entry);
      }
      observe(target: Element) {
        this.entry.targets.push(target);
      }
      unobserve() {}
      disconnect() {
        observers.delete(this.entry);
      }
      takeRecords() {
        return [];
      }
    },
  );
}

/** Reports every observed element inside `list`'s body row `onScreen(index)` as on screen. */
export async function scrollList(list: HTMLElement, onScreen: (row: number) => boolean) {
  const rows = [...list.querySelectorAll('tbody tr')];
  await act(async () => {
    for (const { callback, targets } of [...observers]) {
      const entries = targets.map((target) => {
        const row = rows.indexOf(target.closest('tr')!);
        return { target, isIntersecting: onScreen(row) } as IntersectionObserverEntry;
      });
      callback(entries, {} as IntersectionObserver);
    }
  });
  await act(async () => await Promise.resolve());
}

/** Wraps openAssessment to count the holds taken and still held, per assessment. */
export function holdCounter(open: (id: string) => OpenedAssessment) {
  const holding = new Map<string, number>();
  let opened = 0;
  return {
    open(id: string): OpenedAssessment {
      const held = open(id);
      opened++;
      holding.set(id, (holding.get(id) ?? 0) + 1);
      let released = false;
      return {
        ...held,
        release() {
          if (released) return;
          released = true;
          holding.set(id, holding.get(id)! - 1);
          held.release();
        },
      };
    },
    /** The assessments held now. */
    held: () => [...holding].filter(([, n]) => n > 0).map(([id]) => id),
    /** Holds taken so far. */
    opened: () => opened,
  };
}
