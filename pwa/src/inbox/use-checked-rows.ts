import { useCallback, useMemo, useState } from 'react';

/**
 * The rows ticked for a bulk action (distinct from the cursor row that j/k move). Keys that
 * leave the visible list drop out of the selection, so an action never reaches a row out of sight.
 */
export function useCheckedRows(visible: readonly string[]) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const checked = useMemo(() => {
    // Nothing ticked (the usual case): no set of 20,000 visible keys built on every render.
    if (ticked.size === 0) return ticked;
    const shown = new Set(visible);
    return new Set([...ticked].filter((key) => shown.has(key)));
  }, [ticked, visible]);
  const toggle = useCallback(
    (key: string) =>
      setTicked((current) => {
        const next = new Set(current);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  const add = useCallback(
    (...keys: string[]) => setTicked((current) => new Set([...current, ...keys])),
    [],
  );
  const setAll = useCallback((keys: readonly string[]) => setTicked(new Set(keys)), []);
  const clear = useCallback(() => setTicked(new Set()), []);
  return { checked, toggle, add, setAll, clear };
}
