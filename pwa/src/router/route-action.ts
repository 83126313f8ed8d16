import { useEffect, useRef } from 'react';
import { parseRoute, replaceRoute, useHash } from './hash-route.ts';

/**
 * An action asked for in the address: `#/inventory?do=new-record` opens the inventory with its
 * "New record" dialog, `#/risks?do=edit-risk&id=r1` the register with that risk open. The palette
 * reaches a page's actions this way without knowing how the page does them.
 */
export function actionHref(path: string, action: string, id?: string): string {
  const params = new URLSearchParams({ do: action });
  if (id !== undefined) params.set('id', id);
  return `#/${path}?${params.toString()}`;
}

/**
 * Runs `run` once when the address asks for `action` (with its `id`, if any), then takes the
 * request out of the address, so going back or reloading does not run it again. `enabled` false
 * (no rights, nothing loaded yet) leaves the request waiting.
 */
export function useRouteAction(
  action: string,
  run: (id: string | undefined) => void,
  enabled = true,
): void {
  const hash = useHash();
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const route = parseRoute(hash);
    if (route.params.get('do') !== action || !enabled) return;
    const id = route.params.get('id') ?? undefined;
    const params = new URLSearchParams(route.params);
    params.delete('do');
    params.delete('id');
    const rest = route.rest.map(encodeURIComponent).join('/');
    const query = params.toString();
    replaceRoute(`#/${route.path}${rest ? `/${rest}` : ''}${query ? `?${query}` : ''}`);
    latest.current(id);
  }, [hash, action, enabled]);
}
