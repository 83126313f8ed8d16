import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeDiscovery } from '../../../shared/documents/discoveries/index.ts';
import {
  DeviceValuesProvider,
  memoryDeviceValues,
  workspaceKey,
  type DeviceValues,
} from '../session/device-values.ts';
import { button, cleanup, click, field, render, settle } from '../test-support/render.tsx';
import { aggregate, day, discoveriesDoc } from '../test-support/workspace-docs.ts';
import { Inbox } from './Inbox.tsx';

afterEach(cleanup);

const KEY = workspaceKey('inboxLastLooked', 'acme');
let clock = day(10) + 3_600_000;
const now = () => clock;

async function inbox(values: DeviceValues, discoveries = docs()) {
  const view = await render(
    <DeviceValuesProvider value={values}>
      <Inbox
        discoveries={discoveries}
        policy={new Y.Doc()}
        canEditPolicy
        registry={new Y.Doc()}
        canTriage
        updatedBy="tok1"
        workspace="acme"
        now={now}
      />
    </DeviceValuesProvider>,
  );
  const marked = () =>
    [...view.querySelectorAll('tbody tr')]
      .filter((row) => row.querySelector('.unseen-mark'))
      .map((row) => row.getAttribute('data-tool-key'));
  const keys = () =>
    [...view.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-tool-key'));
  return { view, marked, keys, discoveries };
}

function docs() {
  return discoveriesDoc({
    old: { name: 'Old AI', firstSeen: day(1), lastSeen: day(9) },
    recent: { name: 'Recent AI', firstSeen: day(8), lastSeen: day(8) },
  });
}

describe('new since I last looked', () => {
  it('marks tools first seen after this device last looked, and filters to them', async () => {
    const values = memoryDeviceValues({ [KEY]: { at: day(5), seenThatDay: [] } });
    const { view, marked, keys } = await inbox(values);
    expect(marked()).toEqual(['recent']);
    expect(view.querySelector('.unseen-mark')?.textContent).toBe('new since last look');
    await click(field(view, 'Only new since last look'));
    expect(keys()).toEqual(['recent']);
    expect(view.textContent).toContain('Only new since last look (1)');
  });

  it('does not move the mark when the inbox is merely opened', async () => {
    const values = memoryDeviceValues({ [KEY]: { at: day(5), seenThatDay: [] } });
    await inbox(values);
    cleanup();
    const again = await inbox(values);
    expect(again.marked()).toEqual(['recent']);
    expect(await values.get(KEY)).toEqual({ at: day(5), seenThatDay: [] });
  });

  it('marks everything as seen on request, kept on this device, and marks what comes after', async () => {
    const values = memoryDeviceValues();
    const { view, marked, discoveries } = await inbox(values);
    expect(marked()).toEqual(['old', 'recent']); // never looked: all of it is new
    await click(button(view, 'Mark all as seen'));
    expect(marked()).toEqual([]);
    expect(button(view, 'Mark all as seen').disabled).toBe(true);
    expect(await values.get(KEY)).toMatchObject({ at: clock });

    // Later the same day a new tool arrives, first seen "today" (day precision).
    clock += 3_600_000;
    await act(async () =>
      writeDiscovery(
        discoveries,
        'fresh',
        aggregate({ name: 'Fresh AI', firstSeen: day(10), lastSeen: day(10) }),
      ),
    );
    await settle();
    expect(marked()).toEqual(['fresh']);

    cleanup();
    const reopened = await inbox(values, discoveries);
    expect(reopened.marked()).toEqual(['fresh']);
  });

  it('marks a tool reported late, first seen before the last look, as new', async () => {
    // An extension offline for days reports on day 10 a tool it first saw on day 3; this device
    // last looked on day 5. New to me is what Sightline first knew after my look (DIG3, as the
    // e-mail digest): the tool's sighting date is older than the look, its report is not.
    const discoveries = docs();
    writeDiscovery(
      discoveries,
      'late',
      aggregate({ name: 'Late AI', firstSeen: day(3), lastSeen: day(4) }),
      { reportedAt: day(10) + 600_000 },
    );
    const values = memoryDeviceValues({ [KEY]: { at: day(5), seenThatDay: [] } });
    const { view, marked, keys } = await inbox(values, discoveries);
    expect(marked()).toEqual(['recent', 'late']);
    await click(field(view, 'Only new since last look'));
    expect(keys()).toEqual(['recent', 'late']);
    expect(view.textContent).toContain('Only new since last look (2)');
    // Its row still says when it was first seen: the sighting date is not rewritten.
    const late = view.querySelector<HTMLElement>('tr[data-tool-key="late"]');
    expect(late?.textContent).toContain('2026-01-04');
    // Its details say when it reached Sightline; a tool reported the day it was seen says nothing.
    await click(button(late!, 'Late AI'));
    expect(view.textContent).toContain('First reported2026-01-11, later than first seen');
    await click(button(view, 'Close details'));
    await click(
      button(view.querySelector<HTMLElement>('tr[data-tool-key="recent"]')!, 'Recent AI'),
    );
    expect(view.textContent).not.toContain('First reported');
    await click(button(view, 'Close details'));

    // Marked seen, it is not new again; a second late report after the mark is.
    await click(button(view, 'Mark all as seen'));
    expect(marked()).toEqual([]);
    clock += 60_000;
    await act(async () =>
      writeDiscovery(
        discoveries,
        'later',
        aggregate({ name: 'Later AI', firstSeen: day(2), lastSeen: day(2) }),
        { reportedAt: clock },
      ),
    );
    await settle();
    expect(marked()).toEqual(['later']);
  });
});
