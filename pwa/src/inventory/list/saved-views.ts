import { useCallback, useEffect, useState } from 'react';
import { useDeviceValues, workspaceKey } from '../../session/device-values.ts';
import { normaliseQueryString } from './list-query.ts';

/** A named set of filters and sort, saved on this device only. */
export interface SavedView {
  id: string;
  name: string;
  /** The view's query string, as the address holds it (normalised). */
  query: string;
}

export const MAX_VIEW_NAME = 80;
export const MAX_VIEWS = 100;
const MAX_QUERY = 2000;

/** Saved views as stored, read without trust: what has the wrong shape is skipped. */
export function readSavedViews(stored: unknown): SavedView[] {
  if (!Array.isArray(stored)) return [];
  const views: SavedView[] = [];
  const ids = new Set<string>();
  for (const item of stored.slice(0, MAX_VIEWS)) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, name, query } = item as Record<string, unknown>;
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || ids.has(id)) continue;
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_VIEW_NAME) continue;
    if (typeof query !== 'string' || query.length > MAX_QUERY) continue;
    ids.add(id);
    views.push({ id, name, query: normaliseQueryString(query) });
  }
  return views;
}

/** Throws a clear error for a name a view cannot have. */
export function checkViewName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new RangeError('A view needs a name.');
  if (trimmed.length > MAX_VIEW_NAME) {
    throw new RangeError(`A view's name is at most ${MAX_VIEW_NAME} characters.`);
  }
  return trimmed;
}

const newViewId = () => crypto.randomUUID().replaceAll('-', '');

/** The workspace's saved views on this device, with save, rename and delete. */
export function useSavedViews(workspace: string) {
  const values = useDeviceValues();
  const key = workspaceKey('savedViews', workspace);
  const [views, setViews] = useState<SavedView[]>([]);
  useEffect(() => {
    let live = true;
    void values.get(key).then((stored) => live && setViews(readSavedViews(stored)));
    return () => void (live = false);
  }, [values, key]);

  const store = useCallback(
    async (change: (current: SavedView[]) => SavedView[]) => {
      // Read again first: another tab may have saved a view since this one loaded.
      const next = change(readSavedViews(await values.get(key)));
      await values.set(key, next);
      setViews(next);
    },
    [values, key],
  );
  return {
    views,
    /** Saves a new view; its name is checked first (throws, saving nothing). Returns its id. */
    async save(name: string, query: string): Promise<string> {
      const view = {
        id: newViewId(),
        name: checkViewName(name),
        query: normaliseQueryString(query),
      };
      await store((current) => {
        if (current.length >= MAX_VIEWS) throw new RangeError(`At most ${MAX_VIEWS} saved views.`);
        return [...current, view];
      });
      return view.id;
    },
    async rename(id: string, name: string): Promise<void> {
      const checked = checkViewName(name);
      await store((current) => current.map((v) => (v.id === id ? { ...v, name: checked } : v)));
    },
    async remove(id: string): Promise<void> {
      await store((current) => current.filter((v) => v.id !== id));
    },
  };
}
