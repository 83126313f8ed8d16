import { useSyncExternalStore } from 'react';

/** A route read from the address bar's hash: `#/inbox`, `#/join?workspace=W&token=T`. */
export interface Route {
  /** The first path segment, lower case: 'inbox', 'join', … ('' for none). */
  path: string;
  /** The segments after the path, decoded, as written: `#/inventory/rec-1` → ['rec-1']. */
  rest: string[];
  params: URLSearchParams;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Parses a location hash; anything unexpected becomes the empty route. */
export function parseRoute(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const [pathPart = '', query = ''] = raw.split(/\?(.*)/s, 2);
  const [first = '', ...rest] = pathPart.replace(/^\/+/, '').split('/');
  return {
    path: first.toLowerCase(),
    rest: rest.filter((segment) => segment !== '').map(decodeSegment),
    params: new URLSearchParams(query),
  };
}

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('hashchange', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', notify);
  };
}

/** The current hash; React re-renders on every change (links, back, `replaceRoute`). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/**
 * Replaces the current address without a new history entry (the join link's token must not stay
 * in the address bar or in the history), and tells every `useHash` about it.
 */
export function replaceRoute(hash: string): void {
  const url = new URL(window.location.href);
  url.hash = hash;
  window.history.replaceState(window.history.state, '', url);
  notify();
}
