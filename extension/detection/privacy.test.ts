import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../../shared/catalog/catalog.ts';
import { sightingFromNavigation } from './navigation.ts';
import { sightingFromRequest } from './request.ts';
import { ACME_TOOL, testMatcher } from './test-matcher.ts';

/**
 * Privacy is the point of these functions: a sighting carries hostnames and nothing else from a
 * URL. Every catalogued host is fed inside URLs full of secrets, and the output is searched for them.
 */

// Tokens that no catalog host or tool name contains ("user" would: oaiusercontent.com).
const SECRETS = [
  'xyzzyuser',
  'xyzzypass',
  'xyzzypath',
  'xyzzyquery',
  'xyzzyfrag',
  'xyzzysession',
  'xyzzymail',
  'evil.example',
];
// Characters only a URL's other parts bring (tool names may hold some: "DeepL Translator & …").
const URL_PUNCTUATION = [':', '/', '?', '#', '@', '%', ';', '=', '&'];
const ALLOWED_KEYS = ['toolKey', 'name', 'category', 'host', 'signal', 'embeddedIn', 'at'];

function secretUrls(host: string, scheme = 'https'): string[] {
  return [
    `${scheme}://xyzzyuser:xyzzypass@${host}/c/xyzzypath?q=my+xyzzyquery#xyzzyfrag`,
    `${scheme}://xyzzyuser:xyzzypass@${host.toUpperCase()}.:8443/xyzzypath;jsessionid=xyzzysession?token=xyzzyquery&q=a%20b#frag=xyzzyfrag`,
    `${scheme}://${host}/xyzzypath?next=https%3A%2F%2Fevil.example%2Fxyzzyquery&email=xyzzymail%40example.com`,
    `${scheme}://${host}:9443/%2e%2e/xyzzypath?q=${encodeURIComponent('xyzzyquery #xyzzyfrag')}`,
  ];
}

/** What is wrong with one result, in words; empty when it carries the host alone. */
function leaks(result: object | undefined, host: string, url: string): string[] {
  if (result === undefined) return [`${url}: not recognised`];
  const json = JSON.stringify(result);
  const found = SECRETS.filter((secret) => json.includes(secret)).map((s) => `${json}: ${s}`);
  for (const key of Object.keys(result))
    if (!ALLOWED_KEYS.includes(key)) found.push(`${json}: ${key}`);
  const { name, ...fromTheUrl } = result as { name?: unknown; host?: unknown };
  if (testMatcher().matchHostname(host)?.toolName !== name) found.push(`${json}: name`);
  for (const value of Object.values(fromTheUrl)) {
    for (const mark of URL_PUNCTUATION)
      if (String(value).includes(mark)) found.push(`${json}: ${mark}`);
  }
  if (fromTheUrl.host !== host) found.push(`${json}: host is not ${host}`);
  return found;
}

const tools = [...builtInCatalog(), ACME_TOOL];
const hosts = tools.flatMap((tool) => [...tool.hosts, ...tool.apiHosts]);

describe('detection keeps only hostnames', () => {
  it('the brief’s example', () => {
    const url = 'https://user:pw@chatgpt.com/c/123?q=my+secret#frag';
    const visit = sightingFromNavigation({ url, frameId: 0, timeStamp: 1 }, testMatcher());
    const call = sightingFromRequest(
      {
        url,
        initiator: 'https://user:pw@intranet.example/c/123?q=my+secret#frag',
        type: 'sub_frame',
        timeStamp: 1,
        tabId: 3,
      },
      testMatcher(),
    );
    expect(visit).toBeDefined();
    expect(call).toBeDefined();
    for (const sighting of [visit, call]) {
      const json = JSON.stringify(sighting);
      for (const secret of ['user', 'pw@', '/c/123', 'my+secret', 'frag', '?', '#']) {
        expect(json).not.toContain(secret);
      }
    }
  });

  // Problems are collected and compared once: an expect per URL would make this sweep slow.
  it(`visits to every catalogued host (${hosts.length}) carry the hostname alone`, () => {
    const problems: string[] = [];
    let seen = 0;
    for (const host of hosts) {
      for (const url of secretUrls(host)) {
        const details = { url, frameId: 0, timeStamp: 1_764_000_000_000.5 };
        problems.push(...leaks(sightingFromNavigation(details, testMatcher()), host, url));
        seen++;
      }
    }
    expect(problems).toEqual([]);
    expect(seen).toBe(hosts.length * 4);
  });

  it('requests to every catalogued host carry the two hostnames alone', () => {
    const initiator =
      'https://xyzzyuser:xyzzypass@intranet.example.com:9443/xyzzypath/doc?token=xyzzyquery#xyzzyfrag';
    const problems: string[] = [];
    for (const host of hosts) {
      for (const url of [...secretUrls(host), ...secretUrls(host, 'wss')]) {
        const details = { url, initiator, type: 'xmlhttprequest', timeStamp: 1, tabId: 1 };
        const sighting = sightingFromRequest(details, testMatcher());
        if (sighting === undefined) {
          problems.push(`${url}: not recognised`);
          continue;
        }
        // The site's name is kept; what is inside the page is not.
        const { embeddedIn, ...rest } = sighting;
        if (embeddedIn !== 'intranet.example.com')
          problems.push(`${url}: embeddedIn ${embeddedIn}`);
        problems.push(...leaks(rest, host, url));
      }
    }
    expect(problems).toEqual([]);
  });

  it('copies nothing else from the event details (titles, document URLs, frames)', () => {
    const details = {
      url: 'https://claude.ai/chat/SECRET',
      frameId: 0,
      timeStamp: 1,
      title: 'SECRET title',
      documentUrl: 'https://claude.ai/SECRET',
      originUrl: 'https://claude.ai/SECRET',
      parentFrameId: -1,
      tabId: 99,
    };
    const sighting = sightingFromNavigation(details, testMatcher());
    expect(Object.keys(sighting!).sort()).toEqual([
      'at',
      'category',
      'host',
      'name',
      'signal',
      'toolKey',
    ]);
    expect(JSON.stringify(sighting)).not.toContain('SECRET');
  });
});
