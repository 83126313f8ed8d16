import { useCallback, useEffect, useRef, useState } from 'react';
import { persistedNames } from '../../../shared/storage/persisted-names.ts';
import { useDeviceValues } from '../session/device-values.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

/** The device's theme key: one per device, not per workspace (the welcome page has a theme too). */
export const THEME_KEY = persistedNames.pwaDeviceKeys.theme;

/** A stored value, read without trust: anything unknown is "follow the system". */
export function parseTheme(value: unknown): ThemeChoice {
  return THEMES.find((theme) => theme === value) ?? 'system';
}

/** Where the theme is shown: <html data-theme>; "system" leaves it to prefers-color-scheme. */
export interface ThemeTarget {
  apply(theme: ThemeChoice): void;
}

export const documentTheme = (root: HTMLElement = document.documentElement): ThemeTarget => ({
  apply(theme) {
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  },
});

/** This device's theme choice: loaded once, applied on every change, kept when changed. */
export function useTheme(target?: ThemeTarget) {
  const values = useDeviceValues();
  const [theme, setThemeState] = useState<ThemeChoice>('system');
  // A choice made before the stored one arrives wins over it.
  const chosen = useRef(false);
  useEffect(() => {
    let live = true;
    void values.get(THEME_KEY).then((stored) => {
      if (live && !chosen.current) setThemeState(parseTheme(stored));
    });
    return () => void (live = false);
  }, [values]);
  useEffect(() => (target ?? documentTheme()).apply(theme), [target, theme]);
  const setTheme = useCallback(
    (next: ThemeChoice) => {
      chosen.current = true;
      setThemeState(next);
      void values.set(THEME_KEY, next);
    },
    [values],
  );
  return [theme, setTheme] as const;
}
