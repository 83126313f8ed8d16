import { useCallback, useEffect, useState } from 'react';
import { useDeviceValues, workspaceKey } from '../session/device-values.ts';

const DAY = 86_400_000;
const MAX_SEEN = 5_000;

/**
 * When this device last marked the inbox as seen. "New to me" means first reported after the look
 * (`firstReportedAt`, when Sightline first knew the tool), not first seen: a sighting reported days
 * late, dated before the look, is still new to the person who has not seen it. The relay's clock
 * and this device's may differ, and tools stored before `firstReportedAt` existed fall back to a
 * day-precision `firstSeen`, so a time alone cannot tell what was on screen at the look: the tools
 * reported within the day before it are kept by key.
 */
export interface LastLook {
  at: number;
  /** Keys of the tools first reported within the day before `at` that were listed when it was marked. */
  seenThatDay: string[];
}

/** What "new" is judged on: when Sightline first knew the tool. */
export interface Reported {
  toolKey: string;
  firstReportedAt: number;
}

/** A stored value, read without trust; anything unreadable is "never looked". */
export function parseLastLook(value: unknown): LastLook | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { at, seenThatDay } = value as Record<string, unknown>;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return undefined;
  const keys = Array.isArray(seenThatDay) ? seenThatDay : [];
  return { at, seenThatDay: keys.filter((k): k is string => typeof k === 'string') };
}

/** True for a tool first reported after the last look (all of them when never looked). */
export function isUnseen(tool: Reported, look: LastLook | undefined): boolean {
  if (!look) return true;
  if (tool.firstReportedAt < look.at - DAY) return false;
  return tool.firstReportedAt > look.at || !look.seenThatDay.includes(tool.toolKey);
}

/** The look that marks every one of `tools` as seen, now. */
export function lookNow(tools: readonly Reported[], now: number): LastLook {
  const seenThatDay = tools
    .filter((tool) => tool.firstReportedAt >= now - DAY)
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
