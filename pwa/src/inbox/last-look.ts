import { useCallback, useEffect, useState } from 'react';
import { useDeviceValues, workspaceKey } from '../session/device-values.ts';

const DAY = 86_400_000;
const MAX_SEEN = 5_000;

/**
 * When this device last marked the inbox as seen. Discoveries keep their first-seen time at day
 * precision (the start of a UTC day), so a time alone cannot tell a tool that arrived this
 * morning from one that arrives this afternoon: the tools already first seen on that day are kept
 * by key.
 */
export interface LastLook {
  at: number;
  /** Tool keys whose first-seen day was the day of `at` when it was marked. */
  seenThatDay: string[];
}

const startOfDay = (ms: number) => ms - (((ms % DAY) + DAY) % DAY);

/** A stored value, read without trust; anything unreadable is "never looked". */
export function parseLastLook(value: unknown): LastLook | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { at, seenThatDay } = value as Record<string, unknown>;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return undefined;
  const keys = Array.isArray(seenThatDay) ? seenThatDay : [];
  return { at, seenThatDay: keys.filter((k): k is string => typeof k === 'string') };
}

/** True for a discovery first seen after the last look (all of them when never looked). */
export function isUnseen(
  tool: { toolKey: string; firstSeen: number },
  look: LastLook | undefined,
): boolean {
  if (!look) return true;
  if (tool.firstSeen < startOfDay(look.at)) return false;
  return tool.firstSeen > look.at || !look.seenThatDay.includes(tool.toolKey);
}

/** The look that marks every one of `tools` as seen, now. */
export function lookNow(
  tools: readonly { toolKey: string; firstSeen: number }[],
  now: number,
): LastLook {
  const today = startOfDay(now);
  const seenThatDay = tools
    .filter((tool) => tool.firstSeen >= today)
    .map((tool) => tool.toolKey)
    .slice(0, MAX_SEEN);
  return { at: now, seenThatDay };
}

/**
 * This device's last look at a workspace's inbox. It advances only when the person marks the
 * inbox as seen: opening it must not, or a quick glance would lose what is new.
 */
export function useLastLook(workspace: string) {
  const values = useDeviceValues();
  const key = workspaceKey('inboxLastLooked', workspace);
  const [state, setState] = useState<{ key: string; look: LastLook | undefined }>();
  useEffect(() => {
    let live = true;
    void values.get(key).then((stored) => {
      if (live) setState({ key, look: parseLastLook(stored) });
    });
    return () => void (live = false);
  }, [values, key]);
  const markSeen = useCallback(
    (look: LastLook) => {
      setState({ key, look });
      void values.set(key, look);
    },
    [values, key],
  );
  const loaded = state?.key === key;
  return { loaded, look: loaded ? state.look : undefined, markSeen };
}
