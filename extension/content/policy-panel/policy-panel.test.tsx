import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PolicyPanelInfo } from '../../background/messages.ts';
import { mountPolicyPanel } from './policy-panel.ts';

const info: PolicyPanelInfo = {
  show: true,
  policy: {
    versionId: 'v2',
    number: 2,
    title: 'Using AI at Acme',
    summary: 'Use only approved AI tools.',
    link: 'https://intranet.example.com/policies/ai',
  },
  attributed: false,
};

afterEach(() => {
  document.documentElement.querySelectorAll('sightline-policy').forEach((node) => node.remove());
  document.body.replaceChildren();
});

describe('mountPolicyPanel', () => {
  it('shows the version, title, summary and link in a closed shadow root', () => {
    const mounted = mountPolicyPanel(info, { onAcknowledge() {}, onSnooze() {} })!;
    expect(mounted.host.shadowRoot).toBeNull();
    const text = mounted.root.textContent ?? '';
    expect(text).toContain('version 2');
    expect(text).toContain('Using AI at Acme');
    expect(text).toContain('Use only approved AI tools.');
    expect(text).toContain('random id, not your name');
    const link = mounted.root.querySelector('a')!;
    expect(link.href).toBe('https://intranet.example.com/policies/ai');
    expect(link.rel).toBe('noopener noreferrer');
  });

  it('acknowledges or puts off, and leaves the page', () => {
    const onAcknowledge = vi.fn();
    const onSnooze = vi.fn();
    const first = mountPolicyPanel(info, { onAcknowledge, onSnooze })!;
    first.root.querySelector<HTMLButtonElement>('button.primary')!.click();
    expect(onAcknowledge).toHaveBeenCalledOnce();
    expect(document.querySelector('sightline-policy')).toBeNull();
    const second = mountPolicyPanel(info, { onAcknowledge, onSnooze })!;
    second.root.querySelector<HTMLButtonElement>('button.later')!.click();
    expect(onSnooze).toHaveBeenCalledOnce();
    expect(document.querySelector('sightline-policy')).toBeNull();
  });

  it('says so when the workspace uses attributed reporting, and shows nothing without a policy', () => {
    const mounted = mountPolicyPanel(
      { ...info, attributed: true },
      {
        onAcknowledge() {},
        onSnooze() {},
      },
    )!;
    expect(mounted.root.textContent).toContain('attributed reporting');
    expect(
      mountPolicyPanel({ show: false }, { onAcknowledge() {}, onSnooze() {} }),
    ).toBeUndefined();
  });

  it('shows a workspace’s text literally, never as markup, and reads nothing of the page', () => {
    const secret = document.createElement('p');
    secret.textContent = 'typed secret';
    document.body.append(secret);
    const hostile = '<img src=x onerror=alert(1)>';
    const mounted = mountPolicyPanel(
      { ...info, policy: { ...info.policy!, title: hostile, summary: hostile } },
      { onAcknowledge() {}, onSnooze() {} },
    )!;
    expect(mounted.root.querySelector('img')).toBeNull();
    expect(mounted.root.textContent).toContain(hostile);
    expect(mounted.root.textContent).not.toContain('typed secret');
  });
});
