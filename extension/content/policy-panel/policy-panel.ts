import type { PolicyPanelInfo } from '../../background/messages.ts';
import { textElement as element } from '../text-element.ts';
import { POLICY_PANEL_CSS } from './policy-panel-style.ts';

export interface MountedPolicyPanel {
  host: HTMLElement;
  /** The closed shadow root, for the content script and its tests only. */
  root: ShadowRoot;
  remove(): void;
}

export interface PolicyPanelOptions {
  /** "I have read it": the panel is removed, then this is called. */
  onAcknowledge(): void;
  /** "Not now": removed for today; nothing is counted. */
  onSnooze(): void;
}

/**
 * The workspace's AI policy over an AI tool's page, until the employee acknowledges the version
 * (docs/extension.md, "The AI policy panel"): its title, summary and a link to the whole policy.
 * Built from the worker's answer alone — it reads nothing of the page — in a closed shadow root.
 */
export function mountPolicyPanel(
  info: PolicyPanelInfo,
  { onAcknowledge, onSnooze }: PolicyPanelOptions,
  doc: Document = document,
): MountedPolicyPanel | undefined {
  const policy = info.policy;
  if (!info.show || !policy) return undefined;
  const host = doc.createElement('sightline-policy');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = POLICY_PANEL_CSS;

  const panel = element(doc, 'div', 'panel');
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Sightline: your workspace’s AI policy');
  const link = element(doc, 'a', 'link', 'Read the whole policy');
  link.href = policy.link;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  const acknowledge = element(doc, 'button', 'primary', 'I have read it');
  acknowledge.type = 'button';
  const later = element(doc, 'button', 'later', 'Not now');
  later.type = 'button';
  later.setAttribute('aria-label', 'Not now: remind me tomorrow');
  const actions = element(doc, 'div', 'actions');
  actions.append(acknowledge, later);
  const linkLine = element(doc, 'p', 'link-line');
  linkLine.append(link);
  panel.append(
    element(doc, 'p', 'kicker', `Your workspace’s AI policy · version ${policy.number}`),
    element(doc, 'p', 'title', policy.title),
    element(doc, 'p', 'summary', policy.summary),
    linkLine,
    element(
      doc,
      'p',
      'note',
      info.attributed
        ? 'Your workspace sees that this browser’s extension acknowledged it (attributed reporting).'
        : 'Counted under this browser’s random id, not your name.',
    ),
    actions,
  );
  root.append(style, panel);

  const remove = () => host.remove();
  acknowledge.addEventListener('click', () => {
    remove();
    onAcknowledge();
  });
  later.addEventListener('click', () => {
    remove();
    onSnooze();
  });
  doc.documentElement.append(host);
  return { host, root, remove };
}
