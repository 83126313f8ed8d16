import type { Page } from 'playwright-core';

/** One control a person could not reach: why, and which (tag, name, where it was). */
export interface Unreachable {
  why: 'outside the viewport' | 'covered';
  control: string;
  /** For `covered`: what was drawn over it. */
  by?: string;
}

/** How much wider than the viewport the document is (0: no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * What sticks out past the viewport's right edge: the innermost such elements (whose children all
 * fit), as `tag.class`, a few at most — where to look when the document is too wide.
 */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = window.innerWidth + 1;
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > limit;
    const found = Array.from(document.body.querySelectorAll('*')).filter(
      (el) => sticksOut(el) && !Array.from(el.children).some(sticksOut),
    );
    return found.slice(0, 4).map((el) => {
      const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
      const right = Math.round(el.getBoundingClientRect().right);
      return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} (to ${right}px)`;
    });
  });
}

/**
 * Tables that scroll sideways inside themselves (or inside a frame of their own): on a phone a
 * table is a list of cards (`.table-cards`, the inbox's and the inventory's own rules), never a
 * strip to pan. Visually hidden tables (a chart's numbers) are left out. As `tag.class (content
 * width / shown width)`.
 */
export function sidewaysTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!(el instanceof HTMLElement) || el.scrollWidth <= el.clientWidth + 1) continue;
      if (!['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) continue;
      const table = el instanceof HTMLTableElement ? el : el.querySelector('table');
      if (!table || table.closest('.visually-hidden') || el.closest('[inert]')) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const cls =
        el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : '';
      found.push(`${el.tagName.toLowerCase()}${cls} (${el.scrollWidth}/${el.clientWidth}px)`);
    }
    return found;
  });
}

/**
 * Every visible control on the page, scrolled into view as a browser would for focus or a tap:
 * one that still lies outside the viewport (a panel opened off-screen, a button in a row cut off
 * by `overflow: hidden`) or that another element covers at its centre (a sticky header drawn
 * over it) is unreachable. Scroll positions are put back afterwards.
 */
export function unreachableControls(page: Page): Promise<Unreachable[]> {
  return page.evaluate(() => {
    const describe = (el: Element): string => {
      const name =
        el.getAttribute('aria-label') ??
        (el as HTMLElement).innerText?.trim().slice(0, 40) ??
        el.getAttribute('name') ??
        '';
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls} "${name || el.getAttribute('title') || ''}"`;
    };
    const scrolled = new Map<Element, [number, number]>();
    const remember = (el: Element | null) => {
      for (let e = el; e; e = e.parentElement) {
        if (!scrolled.has(e)) scrolled.set(e, [e.scrollLeft, e.scrollTop]);
      }
    };
    const windowAt: [number, number] = [window.scrollX, window.scrollY];
    const insideClipped = (el: Element) => {
      for (let e = el.parentElement; e; e = e.parentElement) {
        const box = e.getBoundingClientRect();
        const style = getComputedStyle(e);
        if (box.width < 4 && box.height < 4 && style.overflow === 'hidden') return true;
        // `clip: rect(0 0 0 0)` (a table keeps its content's width whatever width it is given).
        if (/^rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)$/.test(style.clip)) return true;
      }
      return false;
    };
    const selector =
      'a[href], button, input, select, textarea, summary, [role="button"], [role="tab"], [role="checkbox"], [role="radio"], [role="switch"], [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
    const found: Array<{ why: 'outside the viewport' | 'covered'; control: string; by?: string }> =
      [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (!el.isConnected) continue;
      if (el.matches(':disabled')) continue;
      // Inert (the list behind a sheet) or hidden behind a modal dialog (Radix hides the rest of
      // the page with aria-hidden): out of reach by design while that is open.
      if (el.closest('[inert], [aria-hidden="true"]')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const first = el.getBoundingClientRect();
      // Visually hidden controls (a styled radio's input, a skip link until focused) are reached
      // through what stands for them.
      if (first.width < 4 || first.height < 4) continue;
      // A control inside a visually hidden block (a chart's table of numbers) is reached by the
      // keyboard, which reveals the block (:focus-within); its box is clipped to nothing until then.
      if (insideClipped(el)) continue;
      remember(el);
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) {
        found.push({ why: 'outside the viewport', control: describe(el) });
        continue;
      }
      const top = document.elementFromPoint(x, y);
      if (!top || el.contains(top) || top.contains(el)) continue;
      // A label drawn over its own control is how styled checkboxes work.
      if (top instanceof HTMLLabelElement && top.control === el) continue;
      if (el.closest('label')?.contains(top)) continue;
      found.push({ why: 'covered', control: describe(el), by: describe(top) });
    }
    for (const [el, [left, top]] of scrolled) {
      el.scrollLeft = left;
      el.scrollTop = top;
    }
    window.scrollTo(windowAt[0], windowAt[1]);
    return found;
  });
}

/**
 * Words broken across lines inside `selector`'s elements ("Peopl/e", "chatg/pt.com"): a word may
 * wrap only after a hyphen. Returns each broken word with where it was.
 */
export function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const lines = (range: Range) =>
      new Set(
        Array.from(range.getClientRects())
          .filter((r) => r.width > 0)
          .map((r) => Math.round(r.top)),
      ).size;
    const broken: string[] = [];
    for (const el of Array.from(document.querySelectorAll(sel))) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s-]+-?/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          if (lines(range) > 1) broken.push(`"${match[0]}" in ${el.tagName.toLowerCase()}`);
        }
      }
    }
    return broken;
  }, selector);
}

/** Cells of `rowSelector`'s rows whose text reaches past the cell (printed over its neighbour). */
export function spilledCells(page: Page, rowSelector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const spilled: string[] = [];
    for (const row of Array.from(document.querySelectorAll(sel))) {
      for (const cell of Array.from(row.children)) {
        const box = cell.getBoundingClientRect();
        if (box.width === 0) continue;
        const range = document.createRange();
        range.selectNodeContents(cell);
        const text = range.getBoundingClientRect();
        if (text.width > 0 && (text.right > box.right + 1 || text.left < box.left - 1)) {
          spilled.push(`${(cell.textContent ?? '').trim().slice(0, 40)}`);
        }
      }
    }
    return spilled;
  }, rowSelector);
}

/** Pairs of rows of `rowSelector` drawn over one another (a virtualizer's stale heights). */
export function overlappingRows(page: Page, rowSelector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const rows = Array.from(document.querySelectorAll(sel))
      .map((row) => ({ row, box: row.getBoundingClientRect() }))
      .sort((a, b) => a.box.top - b.box.top);
    const found: string[] = [];
    rows.slice(1).forEach(({ row, box }, i) => {
      const above = rows[i]!;
      if (above.box.bottom > box.top + 1) {
        found.push(
          `${above.row.getAttribute('data-tool-key')} over ${row.getAttribute('data-tool-key')}`,
        );
      }
    });
    return found;
  }, rowSelector);
}
