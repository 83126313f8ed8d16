import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

// Tell React that updates are wrapped in act(), as @testing-library/react would.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted = new Set<{ root: Root; container: HTMLElement }>();

/** Renders into a fresh container and lets effects and pending promises settle. */
export async function render(node: ReactNode): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted.add({ root, container });
  await act(async () => root.render(node));
  await settle();
  return container;
}

/** Unmounts everything `render` mounted (call it in afterEach). */
export function cleanup(): void {
  for (const { root, container } of mounted) {
    act(() => root.unmount());
    container.remove();
  }
  mounted.clear();
}

/** Flushes pending promises and the React updates they cause. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => await Promise.resolve());
}

/** Presses a key the way a person does: a keydown on the focused element (or the body). */
export async function press(
  key: string,
  target: Element = document.activeElement ?? document.body,
) {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(async () => element.click());
  await settle();
}

/** Sets a field's value the way React listens for it. */
export async function type(element: Element | null | undefined, value: string): Promise<void> {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) {
    throw new Error('not a text field');
  }
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')?.set;
  await act(async () => {
    setter?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The form control inside the label whose text starts with `text`. */
export function field(container: HTMLElement, text: string): HTMLElement {
  for (const label of container.querySelectorAll('label')) {
    if (!(label.textContent ?? '').trim().startsWith(text)) continue;
    const control = label.querySelector('input, textarea, select');
    if (control instanceof HTMLElement) return control;
  }
  throw new Error(`no field labelled ${text}`);
}

export function button(container: HTMLElement, text: string): HTMLButtonElement {
  for (const b of container.querySelectorAll('button')) {
    if ((b.textContent ?? '').trim() === text || b.getAttribute('aria-label') === text) return b;
  }
  throw new Error(`no button ${text}`);
}

/** Chooses an option of a select, the way React listens for it. */
export async function choose(element: Element | null | undefined, value: string): Promise<void> {
  if (!(element instanceof HTMLSelectElement)) throw new Error('not a select');
  await act(async () => {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
