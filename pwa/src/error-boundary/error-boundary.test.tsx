import { act, Suspense, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { button, cleanup, click, render, settle, type } from '../test-support/render.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { lazyChunk } from './lazy-chunk.tsx';
import { NOT_ON_DEVICE, PartFailed } from './PartFailed.tsx';

/** An import that fails `failures` times (as Chromium does offline), then loads. */
function flakyImport(failures: number) {
  const calls = { count: 0 };
  const load = async () => {
    calls.count += 1;
    if (calls.count <= failures) {
      throw new TypeError('Failed to fetch dynamically imported module: /assets/Part-x1.js');
    }
    return function Part({ name }: { name: string }) {
      return <p>Part for {name}</p>;
    };
  };
  return { calls, Part: lazyChunk(load, { retryAfterMs: 0 }) };
}

function Page({ Part }: { Part: ReturnType<typeof flakyImport>['Part'] }) {
  return (
    <>
      <nav>
        <a href="#/inbox">Inbox</a>
      </nav>
      <ErrorBoundary>
        <Suspense fallback={<p>Opening…</p>}>
          <Part name="Ana" />
        </Suspense>
      </ErrorBoundary>
    </>
  );
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 50 && !check(); i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
};

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a part loaded on demand', () => {
  it('loads after one failed import, without showing a failure', async () => {
    const { calls, Part } = flakyImport(1);
    const view = await render(<Page Part={Part} />);
    await waitFor(() => view.textContent.includes('Part for Ana'));
    expect(view.textContent).toContain('Part for Ana');
    expect(view.querySelector('[role="alert"]')).toBeNull();
    expect(calls.count).toBe(2);
  });

  it('says it is not on this device when the retry fails too, keeps the navigation, and loads on Try again', async () => {
    const { calls, Part } = flakyImport(2);
    const view = await render(<Page Part={Part} />);
    await waitFor(() => view.querySelector('[role="alert"]') !== null);
    expect(view.querySelector('[role="alert"]')?.textContent).toContain(NOT_ON_DEVICE);
    expect(view.querySelector('nav a')?.textContent).toBe('Inbox');
    expect(calls.count).toBe(2);

    await click(button(view, 'Try again'));
    await waitFor(() => view.textContent.includes('Part for Ana'));
    expect(view.textContent).toContain('Part for Ana');
    expect(view.querySelector('[role="alert"]')).toBeNull();
    expect(calls.count).toBe(3);
  });

  it('loads by itself when the device comes back online', async () => {
    const { Part } = flakyImport(2);
    const view = await render(<Page Part={Part} />);
    await waitFor(() => view.querySelector('[role="alert"]') !== null);
    await act(async () => window.dispatchEvent(new Event('online')));
    await waitFor(() => view.textContent.includes('Part for Ana'));
    expect(view.textContent).toContain('Part for Ana');
  });

  it('with a quiet fallback, leaves out the part and keeps what is being typed beside it', async () => {
    const { calls, Part } = flakyImport(2);
    function RecordPage() {
      const [note, setNote] = useState('');
      return (
        <form>
          <label>
            Note
            <input value={note} onChange={(event) => setNote(event.target.value)} />
          </label>
          <ErrorBoundary fallback={null}>
            <Suspense fallback={null}>
              <Part name="Ana" />
            </Suspense>
          </ErrorBoundary>
        </form>
      );
    }
    const view = await render(<RecordPage />);
    await type(view.querySelector('input'), 'accuracy fell 3 points');
    await waitFor(() => calls.count === 2);
    await settle();
    expect(view.querySelector('input')?.value).toBe('accuracy fell 3 points');
    expect(view.textContent).not.toContain('Part for');
    expect(view.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('a part that throws', () => {
  function Broken(): never {
    throw new Error('cannot read properties of undefined');
  }

  it('says something went wrong, with Try again and Reload, and clears on the next route', async () => {
    function Shell() {
      const [route, setRoute] = useState('risks');
      return (
        <>
          <button type="button" onClick={() => setRoute('inbox')}>
            Inbox
          </button>
          <ErrorBoundary resetKey={route}>
            {route === 'risks' ? <Broken /> : <p>The inbox</p>}
          </ErrorBoundary>
        </>
      );
    }
    const view = await render(<Shell />);
    const alert = view.querySelector('[role="alert"]');
    expect(alert?.querySelector('h1')?.textContent).toBe('Something went wrong');
    expect(alert?.textContent).not.toContain(NOT_ON_DEVICE);
    button(view, 'Try again');
    button(view, 'Reload');

    await click(button(view, 'Inbox'));
    expect(view.textContent).toContain('The inbox');
    expect(view.querySelector('[role="alert"]')).toBeNull();
  });

  it('reloads the app on Reload', async () => {
    const reload = vi.fn();
    const view = await render(
      <PartFailed error={new Error('x')} retry={() => {}} reload={reload} />,
    );
    await click(button(view, 'Reload'));
    expect(reload).toHaveBeenCalledOnce();
    await settle();
  });
});
