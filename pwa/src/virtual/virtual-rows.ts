import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';

/**
 * The size of the scrolling box; before layout (or without one, as in a test's DOM) it is 0, and
 * the window's height stands in, so a screenful of rows is rendered rather than none.
 */
function observeRectOrWindow(
  instance: Virtualizer<HTMLDivElement, Element>,
  report: (rect: { width: number; height: number }) => void,
) {
  return observeElementRect(instance, (rect) =>
    report(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight || 800 }),
  );
}

/**
 * Rows of a long list rendered only while in view, in a scrolling box. With `measure`, rows may
 * differ in height: each is measured once on screen (an unmeasurable one keeps the estimate).
 */
export function useVirtualRows(count: number, estimate: number, measure = false) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    overscan: 10,
    observeElementRect: observeRectOrWindow,
    ...(measure
      ? { measureElement: (element: Element) => element.getBoundingClientRect().height || estimate }
      : {}),
  });
  // Measured rows change height when the list changes width (the inbox's details open beside
  // it): measure the rendered ones again then, or they keep their old heights and overlap.
  useEffect(() => {
    const box = scroller.current;
    if (!measure || !box || typeof ResizeObserver !== 'function') return;
    let width = box.clientWidth;
    const observer = new ResizeObserver(() => {
      if (box.clientWidth === width) return;
      width = box.clientWidth;
      box.querySelectorAll('[data-index]').forEach((row) => virtualizer.measureElement(row));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [measure, virtualizer]);
  return { scroller, virtualizer };
}
