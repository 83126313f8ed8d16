/**
 * Signs in through a relay's single sign-on as a browser would, without one: follows each redirect
 * by hand, keeps each host's cookies, and fills the test provider's login and consent forms.
 * Returns the address the relay finally sends the browser to (the PWA's `/#/…`).
 */
export async function signInOverHttp(
  relayUrl: string,
  login: string,
  workspace = 'acme',
): Promise<{ location: string; relayCookies: string[] }> {
  const jars = new Map<string, Map<string, string>>();
  const relayCookies: string[] = [];
  const keep = (url: URL, response: Response) => {
    const jar = jars.get(url.host) ?? new Map<string, string>();
    jars.set(url.host, jar);
    for (const line of response.headers.getSetCookie()) {
      if (url.origin === new URL(relayUrl).origin) relayCookies.push(line);
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
  };
  const cookieFor = (url: URL) =>
    [...(jars.get(url.host) ?? new Map<string, string>())]
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  let url = new URL(`/api/sso/login?workspace=${workspace}`, relayUrl);
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookieFor(url) },
    });
    keep(url, response);
    const next = response.headers.get('location');
    if (next) {
      const target = new URL(next, url);
      if (target.origin === new URL(relayUrl).origin && !target.pathname.startsWith('/api/'))
        return { location: next, relayCookies };
      url = target;
      init = {};
      continue;
    }
    // A page of the provider's: its login form, then its consent form.
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form and no redirect at ${url.href}: ${response.status}`);
    const form = new URLSearchParams();
    for (const [, name, value] of html.matchAll(
      /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
    ))
      form.set(name!, value!);
    if (html.includes('name="login"')) {
      form.set('login', login);
      form.set('password', 'any password');
    }
    url = new URL(action.replace(/&amp;/g, '&'), url);
    init = {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error('too many redirects');
}
