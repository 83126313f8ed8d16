import { useEffect, useState, type RefObject } from 'react';

/**
 * True while the element is on screen or within `margin` of it (an IntersectionObserver's
 * rootMargin): what a long list uses to open only the documents of the rows someone can see.
 * Where there is no IntersectionObserver (a test's DOM) everything counts as in view, so a
 * reader is slower there, never wrong.
 */
export function useInView(ref: RefObject<Element | null>, margin = '200px'): boolean {
  const [inView, setInView] = useState(() => typeof IntersectionObserver !== 'function');
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setInView(last.isIntersecting);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin]);
  return inView;
}
