import type { BannerInfo } from '../../background/messages.ts';
import { textElement as element } from '../text-element.ts';
import { BANNER_CSS } from './banner-style.ts';

export interface MountedBanner {
  /** The element attached to the page; its shadow root is closed. */
  host: HTMLElement;
  /** The closed shadow root, for the content script and its tests only. */
  root: ShadowRoot;
  /** Takes the banner off the page (again is harmless). */
  remove(): void;
}

export interface BannerOptions {
  /** Called after the employee dismissed the banner and it was removed. */
  onDismiss(): void;
}

const WORDS = {
  restricted: { icon: '!', verb: 'is restricted by your workspace.' },
  banned: { icon: '✕', verb: 'is banned by your workspace.' },
} as const;

/**
 * Shows the workspace's guidance over the page: a host element on <html> with a closed shadow
 * root that holds the banner and all of its style.
 */
export function mountBanner(
  info: BannerInfo,
  { onDismiss }: BannerOptions,
  doc: Document = document,
): MountedBanner {
  const status = info.status === 'banned' ? 'banned' : 'restricted';
  const words = WORDS[status];
  const host = doc.createElement('sightline-banner');
  const root = host.attachShadow({ mode: 'closed' });

  const style = doc.createElement('style');
  style.textContent = BANNER_CSS;
  const bar = element(doc, 'div', `bar ${status}`);
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Sightline: your workspace’s guidance');
  const icon = element(doc, 'span', 'icon', words.icon);
  icon.setAttribute('aria-hidden', 'true');
  const text = element(doc, 'div', 'text');
  text.append(element(doc, 'p', 'title', `${info.toolName ?? 'This AI tool'} ${words.verb}`));
  if (info.guidance) text.append(element(doc, 'p', 'guidance', info.guidance));
  if (info.alternative) {
    text.append(element(doc, 'p', 'alternative', `Approved alternative: ${info.alternative}`));
  }
  const dismiss = element(doc, 'button', 'dismiss', 'Dismiss');
  dismiss.type = 'button';
  dismiss.setAttribute('aria-label', 'Dismiss this guidance for today');
  bar.append(icon, text, dismiss);
  root.append(style, bar);

  const remove = () => host.remove();
  dismiss.addEventListener('click', () => {
    remove();
    onDismiss();
  });
  doc.documentElement.append(host);
  return { host, root, remove };
}
