import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BannerInfo } from '../../background/messages.ts';
import { mountBanner } from './banner.ts';

const banned: BannerInfo = {
  show: true,
  toolKey: 'deepseek',
  toolName: 'DeepSeek',
  status: 'banned',
  guidance: 'Do not paste customer data.',
  alternative: 'Microsoft Copilot',
};

let pageStyle: HTMLStyleElement;

beforeEach(() => {
  pageStyle = document.createElement('style');
  pageStyle.textContent = 'body { margin: 7px; color: rgb(1, 2, 3); } p { font-size: 31px; }';
  document.head.append(pageStyle);
  const text = document.createElement('p');
  text.id = 'page-text';
  text.textContent = 'The page’s own text';
  document.body.replaceChildren(text);
});

afterEach(() => {
  document.documentElement.querySelectorAll('sightline-banner').forEach((node) => node.remove());
  pageStyle.remove();
  document.body.replaceChildren();
});

describe('mountBanner', () => {
  it('mounts in a closed shadow root on <html>, with its style inside', () => {
    const { host, root } = mountBanner(banned, { onDismiss: () => {} });
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull(); // closed: the page cannot reach in
    expect(root.mode).toBe('closed');
    expect(root.querySelector('style')?.textContent).toContain(':host{all:initial');
    expect(root.querySelector('[role=region]')?.getAttribute('aria-label')).toContain('Sightline');
    const text = root.textContent ?? '';
    expect(text).toContain('DeepSeek is banned by your workspace.');
    expect(text).toContain('Do not paste customer data.');
    expect(text).toContain('Approved alternative: Microsoft Copilot');
    expect(root.querySelector('.bar')?.classList.contains('banned')).toBe(true);
  });

  it('says restricted for a restricted tool and leaves out what it was not given', () => {
    const { root } = mountBanner(
      { show: true, toolKey: 'x', toolName: 'X AI', status: 'restricted' },
      { onDismiss: () => {} },
    );
    expect(root.textContent).toContain('X AI is restricted by your workspace.');
    expect(root.querySelector('.guidance')).toBeNull();
    expect(root.querySelector('.alternative')).toBeNull();
  });

  it('shows a workspace’s text literally, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { root } = mountBanner(
      {
        ...banned,
        toolName: '<b>bold</b>',
        guidance: hostile,
        alternative: '<script>x()</script>',
      },
      { onDismiss: () => {} },
    );
    expect(root.querySelector('img, b, script')).toBeNull();
    expect(root.querySelector('.guidance')?.textContent).toBe(hostile);
    expect(root.textContent).toContain('<b>bold</b> is banned');
    expect(root.textContent).toContain('Approved alternative: <script>x()</script>');
  });

  it('leaves the page’s own elements and styles as they were', () => {
    const before = {
      head: [...document.head.childNodes],
      body: [...document.body.childNodes],
      html: [...document.documentElement.childNodes],
      pageCss: pageStyle.textContent,
      sheets: document.styleSheets.length,
      htmlStyle: document.documentElement.getAttribute('style'),
      bodyStyle: document.body.getAttribute('style'),
      margin: getComputedStyle(document.body).margin,
      fontSize: getComputedStyle(document.getElementById('page-text') as Element).fontSize,
    };
    mountBanner(banned, { onDismiss: () => {} });
    expect([...document.head.childNodes]).toEqual(before.head);
    expect([...document.body.childNodes]).toEqual(before.body);
    // The one new node on the page is the banner's host element.
    expect(
      [...document.documentElement.childNodes].filter((n) => !before.html.includes(n)),
    ).toEqual([document.querySelector('sightline-banner')]);
    expect(pageStyle.textContent).toBe(before.pageCss);
    expect(document.styleSheets.length).toBe(before.sheets);
    expect(document.documentElement.getAttribute('style')).toBe(before.htmlStyle);
    expect(document.body.getAttribute('style')).toBe(before.bodyStyle);
    expect(getComputedStyle(document.body).margin).toBe(before.margin);
    expect(getComputedStyle(document.getElementById('page-text') as Element).fontSize).toBe(
      before.fontSize,
    );
    expect(document.querySelectorAll('style')).toHaveLength(1); // the page's own, nothing added
  });

  it('removes itself and calls back when dismissed', () => {
    const onDismiss = vi.fn();
    const { host, root } = mountBanner(banned, { onDismiss });
    const button = root.querySelector('button');
    expect(button?.textContent).toBe('Dismiss');
    expect(button?.getAttribute('type')).toBe('button');
    button?.click();
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(host.isConnected).toBe(false);
    expect(document.querySelector('sightline-banner')).toBeNull();
  });
});
