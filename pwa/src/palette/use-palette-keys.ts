import { useEffect, useRef } from 'react';

/** True while a key press is typing into a field (a '?' there is text, not a shortcut). */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio'].includes(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Ctrl+K / ⌘K toggle the palette anywhere, even in a field; '?' outside a field shows the shortcuts. */
export function usePaletteKeys(keys: { toggle(): void; shortcuts(): void }): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        latest.current.toggle();
      } else if (event.key === '?' && !event.ctrlKey && !event.metaKey && !isTyping(event)) {
        event.preventDefault();
        latest.current.shortcuts();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
