import { useEffect, useState } from 'react';
import { fetchSso, type SsoInfo } from './sso.ts';

/** The relay's single sign-on, asked once per page (undefined: none, or not known yet). */
export function useSso(): SsoInfo | undefined {
  const [sso, setSso] = useState<SsoInfo>();
  useEffect(() => {
    let alive = true;
    void fetchSso().then((info) => alive && setSso(info));
    return () => void (alive = false);
  }, []);
  return sso;
}
