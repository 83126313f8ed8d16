import { afterEach, describe, expect, it } from 'vitest';
import { DeviceValuesProvider, memoryDeviceValues } from '../session/device-values.ts';
import { choose, cleanup, field, render } from '../test-support/render.tsx';
import { documentTheme, parseTheme, THEME_KEY } from './theme.ts';
import { ThemeSwitch } from './ThemeSwitch.tsx';

afterEach(cleanup);

async function themed(stored?: unknown) {
  const values = memoryDeviceValues(stored === undefined ? {} : { [THEME_KEY]: stored });
  const root = document.createElement('div');
  const view = await render(
    <DeviceValuesProvider value={values}>
      <ThemeSwitch target={documentTheme(root)} />
    </DeviceValuesProvider>,
  );
  return { values, root, view, select: field(view, 'Theme') as HTMLSelectElement };
}

describe('the theme switch', () => {
  it('follows the system until a theme is chosen', async () => {
    const { root, select } = await themed();
    expect(select.value).toBe('system');
    expect(root.dataset.theme).toBeUndefined();
  });

  it('applies the chosen theme at once and keeps it on this device', async () => {
    const { root, select, values } = await themed();
    await choose(select, 'dark');
    expect(root.dataset.theme).toBe('dark');
    expect(await values.get(THEME_KEY)).toBe('dark');
    await choose(select, 'system');
    expect(root.dataset.theme).toBeUndefined();
    expect(await values.get(THEME_KEY)).toBe('system');
  });

  it('opens with the theme this device chose before', async () => {
    const { root, select } = await themed('light');
    expect(select.value).toBe('light');
    expect(root.dataset.theme).toBe('light');
  });

  it('treats a stored value it does not know as the system theme', async () => {
    expect(parseTheme('<b>neon</b>')).toBe('system');
    expect(parseTheme(42)).toBe('system');
    const { root } = await themed({ theme: 'dark' });
    expect(root.dataset.theme).toBeUndefined();
  });
});
