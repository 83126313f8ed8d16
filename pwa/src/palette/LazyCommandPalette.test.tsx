import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSync } from '../test-support/fake-sync.ts';
import { fakeToken } from '../test-support/fake-token.ts';
import { cleanup, render } from '../test-support/render.tsx';
import { createPaletteCommands, PaletteCommandsProvider } from './palette-commands.ts';
import { LazyCommandPalette } from './LazyCommandPalette.tsx';

afterEach(cleanup);

const trigger = () => document.querySelector<HTMLElement>('.palette-trigger');
const ctrlK = () =>
  act(async () => {
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true }),
    );
  });

// Its own file: React keeps a lazy component once loaded, so only a fresh module sees it pending.
describe('the command palette before it has loaded', () => {
  it('shows its button at once, and opens once loaded when Ctrl+K came first', async () => {
    const credentials = {
      workspace: 'acme',
      role: 'lead' as const,
      token: fakeToken({ ws: 'acme', role: 'lead', jti: 'ab12' }),
    };
    await render(
      <PaletteCommandsProvider value={createPaletteCommands()}>
        <LazyCommandPalette sync={fakeSync(credentials)} />
      </PaletteCommandsProvider>,
    );
    expect(trigger()?.hasAttribute('data-loading')).toBe(true);
    await ctrlK();
    await vi.waitFor(() => expect(trigger()?.hasAttribute('data-loading')).toBe(false));
    await vi.waitFor(() => expect(document.querySelector('[role="dialog"]')).not.toBeNull());
    expect(document.activeElement?.hasAttribute('cmdk-input')).toBe(true);
  });
});
