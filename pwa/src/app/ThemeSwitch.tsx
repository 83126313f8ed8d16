import { THEMES, useTheme, type ThemeChoice, type ThemeTarget } from './theme.ts';

const WORDS: Record<ThemeChoice, string> = {
  system: 'System theme',
  light: 'Light',
  dark: 'Dark',
};

/** The top bar's theme choice, kept on this device. */
export function ThemeSwitch({ target }: { target?: ThemeTarget }) {
  const [theme, setTheme] = useTheme(target);
  return (
    <label className="theme-switch">
      <span className="visually-hidden">Theme</span>
      <select
        value={theme}
        onChange={(event) => setTheme(THEMES.find((t) => t === event.target.value) ?? 'system')}
      >
        {THEMES.map((choice) => (
          <option key={choice} value={choice}>
            {WORDS[choice]}
          </option>
        ))}
      </select>
    </label>
  );
}
