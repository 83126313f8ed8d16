import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { writeDiscovery } from '../../../shared/documents/discoveries/index.ts';
import { readPolicy, setStatus } from '../../../shared/documents/policy/index.ts';
import { aggregate, day, discoveriesDoc } from '../test-support/workspace-docs.ts';
import {
  button,
  cleanup,
  click,
  field,
  press,
  render,
  settle,
  type,
} from '../test-support/render.tsx';
import { Inbox } from './Inbox.tsx';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';

function docs() {
  const discoveries = discoveriesDoc({
    'openai-chatgpt': { name: 'ChatGPT', reporters: 12, firstSeen: day(0), lastSeen: day(3) },
    'anthropic-claude': { name: 'Claude', reporters: 4, firstSeen: day(1), lastSeen: day(8) },
    'host:evil.example': {
      name: HOSTILE,
      category: 'other',
      signals: ['flag'],
      flagCount: 1,
      purposes: ['<script>alert(2)</script>'],
      dataCategories: ['confidential'],
      firstSeen: day(2),
      lastSeen: day(5),
    },
  });
  return { discoveries, policy: new Y.Doc() };
}

async function inbox(canEditPolicy = true) {
  const { discoveries, policy } = docs();
  const view = await render(
    <Inbox
      discoveries={discoveries}
      policy={policy}
      canEditPolicy={canEditPolicy}
      updatedBy="tok1"
    />,
  );
  const rows = () => [...view.querySelectorAll('tbody tr')];
  const selected = () =>
    view.querySelector('tbody tr[aria-selected="true"]')?.getAttribute('data-tool-key');
  return { view, discoveries, policy, rows, selected };
}

describe('the inbox', () => {
  it('lists the discoveries newest first, with people, dates, how found, triage and status', async () => {
    const { rows } = await inbox();
    expect(rows().map((r) => r.getAttribute('data-tool-key'))).toEqual([
      'anthropic-claude',
      'host:evil.example',
      'openai-chatgpt',
    ]);
    const cells = [...rows()[2]!.children].map((c) => c.textContent);
    expect(cells).toEqual([
      'ChatGPTnew since last look',
      'Chat assistant',
      '12',
      '2026-01-01',
      '2026-01-04',
      'visit',
      'New',
      'Not reviewed',
    ]);
  });

  it('follows the document as it changes', async () => {
    const { discoveries, rows } = await inbox();
    await change(() =>
      writeDiscovery(
        discoveries,
        'github-copilot',
        aggregate({ name: 'GitHub Copilot', lastSeen: day(30), firstSeen: day(30) }),
      ),
    );
    expect(rows()[0]?.textContent).toContain('GitHub Copilot');
  });

  it('shows a hostile name as text and runs nothing', async () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const { view } = await inbox();
    expect(view.querySelector('img[src="x"]')).toBeNull();
    expect(view.querySelector('script')).toBeNull();
    expect(view.textContent).toContain(HOSTILE);
    expect(view.textContent).toContain('For: <script>alert(2)</script>');
    expect(view.textContent).toContain('Data: confidential data');
    await settle();
    expect(alert).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('moves the selection with j and k and opens the details with Enter', async () => {
    const { view, selected } = await inbox();
    expect(selected()).toBeUndefined();
    await press('j');
    expect(selected()).toBe('anthropic-claude');
    await press('j');
    await press('j');
    await press('j'); // stays on the last row
    expect(selected()).toBe('openai-chatgpt');
    await press('k');
    expect(selected()).toBe('host:evil.example');
    expect(view.querySelector('aside')).toBeNull();
    await press('Enter');
    expect(view.querySelector('aside h2')?.textContent).toBe(HOSTILE);
    await press('Escape');
    expect(view.querySelector('aside')).toBeNull();
  });

  it('ignores j and k while typing in a field', async () => {
    const { view, selected } = await inbox();
    await press('j');
    await press('Enter');
    const guidance = field(view, 'Guidance');
    await press('j', guidance);
    expect(selected()).toBe('anthropic-claude');
  });

  it('ignores single-letter keys anywhere inside a form, its buttons too (issue 18)', async () => {
    const { view, selected } = await inbox();
    await press('j');
    await press('Enter');
    const save = button(view, 'Save status');
    expect(save.closest('form')).not.toBeNull();
    await press('j', save);
    await press('k', save);
    expect(selected()).toBe('anthropic-claude');
    expect(view.querySelector('aside')).not.toBeNull();
  });

  it('moves the focus into the details on Enter and back to the row on Escape (issue 18)', async () => {
    const { view } = await inbox();
    await press('j');
    await press('Enter');
    expect(view.querySelector('aside')?.contains(document.activeElement)).toBe(true);
    await press('Escape');
    expect(view.querySelector('aside')).toBeNull();
    expect(document.activeElement?.closest('tr')?.getAttribute('data-tool-key')).toBe(
      'anthropic-claude',
    );
  });

  it('lets a lead set the status employees see, shown in the row', async () => {
    const { view, policy, rows } = await inbox();
    await click(rows()[0]!.querySelector('button'));
    await click(field(view, 'Banned'));
    await type(field(view, 'Guidance'), 'Customer data must not go into Claude.');
    await type(field(view, 'Approved alternative'), 'ChatGPT Enterprise');
    await click(button(view, 'Save status'));
    const status = readPolicy(policy).statuses.get('anthropic-claude');
    expect(status).toMatchObject({
      status: 'banned',
      guidance: 'Customer data must not go into Claude.',
      alternative: 'ChatGPT Enterprise',
      updatedBy: 'tok1',
    });
    expect(Date.now() - status!.updatedAt).toBeLessThan(5_000);
    expect(rows()[0]!.textContent).toContain('Banned');
    expect(view.querySelector('[role="status"]')?.textContent).toBe('Saved: Banned.');
  });

  it('shows a contributor the status read-only', async () => {
    const { discoveries, policy } = docs();
    setStatus(policy, 'openai-chatgpt', {
      status: 'approved',
      guidance: 'Use your work account.',
      updatedBy: 'dana',
      updatedAt: day(4),
    });
    const view = await render(
      <Inbox discoveries={discoveries} policy={policy} canEditPolicy={false} updatedBy="c1" />,
    );
    await click(view.querySelector('tr[data-tool-key="openai-chatgpt"] button'));
    expect(view.querySelector('fieldset')?.disabled).toBe(true);
    expect((field(view, 'Guidance') as HTMLTextAreaElement).value).toBe('Use your work account.');
    expect(view.textContent).toContain('Last set to Approved by dana on 2026-01-05.');
    expect(() => button(view, 'Save status')).toThrow();
  });

  it('says so when there is nothing yet', async () => {
    const view = await render(
      <Inbox discoveries={new Y.Doc()} policy={undefined} canEditPolicy={false} updatedBy="x" />,
    );
    expect(view.textContent).toContain('No discoveries yet');
  });
});

/** A change to a document from elsewhere (the relay), as React sees it. */
async function change(write: () => void) {
  await act(async () => write());
  await settle();
}

describe('a large inbox', () => {
  it('renders only the rows in view, and brings the selected one into view', async () => {
    const tools: Parameters<typeof discoveriesDoc>[0] = {};
    for (let i = 0; i < 3000; i++) {
      tools[`host:tool${i}.example`] = {
        name: `Tool ${i}`,
        firstSeen: day(i % 300),
        lastSeen: day(i % 300),
      };
    }
    const view = await render(
      <Inbox
        discoveries={discoveriesDoc(tools)}
        policy={new Y.Doc()}
        canEditPolicy
        updatedBy="t"
      />,
    );
    const rendered = () => view.querySelectorAll('tbody tr').length;
    expect(rendered()).toBeGreaterThan(5);
    expect(rendered()).toBeLessThan(200);
    expect(view.querySelector('table')?.getAttribute('aria-rowcount')).toBe('3001');
    // Scrolling brings other rows in (and leaves as few rendered).
    const scroller = view.querySelector<HTMLElement>('.inbox-scroll')!;
    await act(async () => {
      scroller.scrollTop = 37 * 2000;
      scroller.dispatchEvent(new Event('scroll'));
    });
    await settle();
    const indexes = [...view.querySelectorAll<HTMLElement>('tbody tr')].map((r) =>
      Number(r.dataset.index),
    );
    expect(Math.min(...indexes)).toBeGreaterThan(1500);
    expect(rendered()).toBeLessThan(200);
  });
});
