import { describe, expect, it, vi } from 'vitest';
import { notEnrolledStatus } from '../ui/fake-background-client.ts';
import { statusStore } from './status-store.ts';

describe('statusStore', () => {
  it('is loading until the answer arrives, then ready with it, and tells its listeners', async () => {
    let answer: (value: typeof notEnrolledStatus) => void = () => {};
    const store = statusStore(new Promise((resolve) => (answer = resolve)));
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.get()).toEqual({ kind: 'loading' });
    answer(notEnrolledStatus);
    await vi.waitFor(() =>
      expect(store.get()).toEqual({ kind: 'ready', status: notEnrolledStatus }),
    );
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('fails with the worker’s words for `{ error }`, no answer, or an answer of the wrong shape', async () => {
    const cases: Array<[unknown, string]> = [
      [{ error: 'storage is unavailable' }, 'storage is unavailable'],
      [undefined, 'the extension’s worker gave no answer'],
      [{ enrolled: false }, 'the extension’s worker gave an answer this page cannot read'],
    ];
    for (const [value, words] of cases) {
      const store = statusStore(Promise.resolve(value as never));
      await vi.waitFor(() => expect(store.get()).toEqual({ kind: 'failed', error: words }));
    }
    const rejected = statusStore(Promise.reject(new Error('no receiving end')));
    await vi.waitFor(() =>
      expect(rejected.get()).toEqual({ kind: 'failed', error: 'no receiving end' }),
    );
  });
});
