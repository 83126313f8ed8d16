import { useSyncExternalStore } from 'react';

/** The shell's breakpoints (the same numbers as the CSS: tokens.css). */
export const SMALL_SCREEN = '(max-width: 899px)';
export const PHONE = '(max-width: 639px)';

/** True while the media query matches; false where there is no matchMedia (a test's DOM). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
  );
}
