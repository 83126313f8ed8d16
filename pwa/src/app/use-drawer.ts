import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The navigation drawer of a small screen (below 900 px the sections slide in over the page,
 * which is inert meanwhile): open from the menu button, closed by Escape, its close button, the
 * scrim or a change of page; opening moves focus to it, closing with the keyboard puts it back
 * on the menu button (once the page is no longer inert).
 */
export function useDrawer(hash: string) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLElement>(null);
  const refocus = useRef(false);
  const close = useCallback((backToButton: boolean) => {
    refocus.current = backToButton;
    setOpen(false);
  }, []);
  useEffect(() => setOpen(false), [hash]);
  useEffect(() => {
    if (!open) {
      if (refocus.current) button.current?.focus();
      refocus.current = false;
      return;
    }
    drawer.current?.querySelector<HTMLElement>('a, button, select')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, close]);
  return { open, toggle: () => setOpen((was) => !was), close, button, drawer };
}
