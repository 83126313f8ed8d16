import { useEffect, useRef } from 'react';

export interface ListKeys {
  next(): void;
  previous(): void;
  open(): void;
  close(): void;
  /** Shift+J / Shift+K: move down or up, adding both rows to the selection. */
  extend?(by: 1 | -1): void;
  /** Other single-letter keys (o, m, d, s, x…): called with the key; true when it was handled. */
  letter?(key: string): boolean;
}

/**
 * True when a key press belongs to the focused control: typing, or Enter on a button or link —
 * or anything inside a form or a dialog, where a letter is the start of a sentence (after a
 * refused submit the focus may sit on a button, and `o` must not open another form).
 */
function belongsToControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('form, [role="dialog"], [role="alertdialog"]')) return true;
  // A checkbox or radio takes no letters: the list's keys keep working while one has focus.
  if (target instanceof HTMLInputElement && ['checkbox', 'radio'].includes(target.type)) {
    return false;
  }
  const controls =
    key === 'Enter'
      ? ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A']
      : ['INPUT', 'TEXTAREA', 'SELECT'];
  return controls.includes(target.tagName);
}

/**
 * j/k move (Shift+J/K extend the selection), Enter opens, Escape closes, other letters go to
 * `letter` — anywhere on the page except while typing in a field.
 */
export function useListKeys(keys: ListKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape') return latest.current.close();
      if (belongsToControl(event.target, event.key)) return;
      if ((event.key === 'J' || event.key === 'K') && latest.current.extend) {
        event.preventDefault();
        return latest.current.extend(event.key === 'J' ? 1 : -1);
      }
      const action = { j: 'next', k: 'previous', Enter: 'open' }[event.key] as
        'next' | 'previous' | 'open' | undefined;
      if (!action) {
        if (/^[a-z]$/.test(event.key) && latest.current.letter?.(event.key)) event.preventDefault();
        return;
      }
      event.preventDefault();
      latest.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
