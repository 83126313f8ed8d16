import { act } from 'preact/test-utils';
import type { ReactNode } from 'react';
// Preact's createRoot in the extension's DOM tests, as in its build (extension/build/preact-compat.ts).
import { createRoot, type Root } from 'react-dom/client';

export interface Rendered {
  container: HTMLElement;
  unmount(): void;
}

const mounted = new Set<{ root: Root; container: HTMLElement }>();

/** Renders `node` into a fresh container and lets its effects and pending promises settle. */
export async function render(node: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const entry = { root, container };
  mounted.add(entry);
  await act(async () => root.render(node));
  await settle();
  return {
    container,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
      mounted.delete(entry);
    },
  };
}

/** Unmounts everything `render` mounted (call it in afterEach). */
export function cleanup(): void {
  for (const { root, container } of mounted) {
    act(() => root.unmount());
    container.remove();
  }
  mounted.clear();
}

/** Flushes pending promises and the renders they cause. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await act(async () => await Promise.resolve());
}

/** Clicks an element inside act and lets the consequences settle. */
export async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(async () => element.click());
  await settle();
}

/** Types into an input or textarea as a person does (a native value, then an input event). */
export async function type(element: Element | null | undefined, value: string): Promise<void> {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) {
    throw new Error('not a text field');
  }
  const prototype = Object.getPrototypeOf(element) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  await act(async () => {
    setter?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Submits a form through its submit event, as pressing its submit button does. */
export async function submit(form: Element | null | undefined): Promise<void> {
  if (!(form instanceof HTMLFormElement)) throw new Error('not a form');
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

/** The element whose label text is `text` (by `for`/id or by nesting). */
export function byLabel(container: HTMLElement, text: string | RegExp): HTMLElement {
  for (const label of container.querySelectorAll('label')) {
    const content = label.textContent ?? '';
    if (typeof text === 'string' ? content.trim() !== text : !text.test(content)) continue;
    const control = label.htmlFor
      ? container.ownerDocument.getElementById(label.htmlFor)
      : label.querySelector('input, textarea, select');
    if (control instanceof HTMLElement) return control;
  }
  throw new Error(`no field labelled ${String(text)}`);
}

/** The button whose text is `text`. */
export function byButton(container: HTMLElement, text: string | RegExp): HTMLButtonElement {
  for (const button of container.querySelectorAll('button')) {
    const content = (button.textContent ?? '').trim();
    if (typeof text === 'string' ? content === text : text.test(content)) return button;
  }
  throw new Error(`no button ${String(text)}`);
}
