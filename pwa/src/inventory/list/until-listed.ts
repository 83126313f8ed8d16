import { act } from 'react';

/**
 * For tests: waits until the lazily loaded list has rendered its table (or its empty message)
 * inside `view`. Throws after about two seconds.
 */
export async function untilListed(view: HTMLElement): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (view.querySelector('.inventory')) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error('the inventory list did not render');
}
