import type { Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * The extension's in-page UI lives in closed shadow roots, which page scripts and Playwright's
 * selectors cannot enter (that is their point). The DevTools protocol can, as a person's eyes
 * can: this finds the UI under the host element `hostTag`, reads its text, and clicks a button
 * by its label with a real mouse click at the button's place on the screen.
 */
export async function closedShadow(page: Page, hostTag: string) {
  const cdp = await page.context().newCDPSession(page);
  const tree = async () => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const find = (node: CdpNode): CdpNode | undefined => {
      if (node.nodeName.toLowerCase() === hostTag) return node.shadowRoots?.[0];
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const shadow = find(root);
    if (!shadow) throw new Error(`no ${hostTag} with a shadow root on the page`);
    return shadow;
  };
  const textOf = (node: CdpNode): string =>
    node.nodeName === '#text'
      ? (node.nodeValue ?? '')
      : node.nodeName === 'STYLE'
        ? ''
        : (node.children ?? []).map(textOf).join(' ');
  const all = (node: CdpNode): CdpNode[] => [node, ...(node.children ?? []).flatMap(all)];
  return {
    async text(): Promise<string> {
      return textOf(await tree())
        .replace(/\s+/g, ' ')
        .trim();
    },
    async links(): Promise<string[]> {
      const links = all(await tree()).filter((node) => node.nodeName === 'A');
      const hrefs: string[] = [];
      for (const link of links) {
        const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: link.nodeId })) as {
          outerHTML: string;
        };
        hrefs.push(/href="([^"]*)"/.exec(outerHTML)?.[1] ?? '');
      }
      return hrefs;
    },
    async click(label: string): Promise<void> {
      const button = all(await tree()).find(
        (node) => node.nodeName === 'BUTTON' && textOf(node).trim() === label,
      );
      if (!button) throw new Error(`no button "${label}" in ${hostTag}`);
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as {
        model: { content: number[] };
      };
      const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    },
    detach: () => cdp.detach(),
  };
}
