import { useCallback, useEffect, useState } from 'react';
import { failureShown } from './settings-words.ts';
import type { ApiResult } from './tokens-api.ts';

/**
 * A Settings section that lists something the relay keeps (webhooks, e-mail digests), loaded once
 * the admin opens it: each action runs one call at a time, shows its failure in words, and loads
 * the list again after it succeeds.
 */
export function useRelayList<L>(api: { list(): Promise<ApiResult<L>> }, listing: string) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<L>();
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await api.list();
    if (result.ok) {
      setValue(result.value);
      setError(undefined);
    } else setError(failureShown(result, listing));
  }, [api, listing]);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  /** Runs `run` (what it is `doing`, in words for a failure), then `done` and a fresh list. */
  async function act<T>(doing: string, run: () => Promise<ApiResult<T>>, done: (value: T) => void) {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    const result = await run();
    setBusy(false);
    if (!result.ok) return setError(failureShown(result, doing));
    done(result.value);
    void load();
  }

  return { open, show: () => setOpen(true), value, error, message, setMessage, busy, act };
}
