// Log lines for the scan benchmarks: the same three formats in every run, from one seed.
import { seededRandom } from '../helpers/seeded-random.ts';

const AI_HOSTS = [
  'chatgpt.com',
  'claude.ai',
  'api.openai.com',
  'gemini.google.com',
  'copilot.microsoft.com',
  'perplexity.ai',
];
const WORDS = ['cdn', 'static', 'api', 'www', 'img', 'login', 'eu', 'assets', 'mail', 'app'];
const TLDS = ['com', 'net', 'org', 'io', 'de', 'co.uk', 'fr'];

/**
 * One block of `lines` hostnames as a busy network sees them: 20,000 distinct sites, a few
 * very popular (the first ranks of a skewed draw) and 2% of requests to AI tools.
 */
function hosts(lines: number, distinct: boolean, seed = 42): string[] {
  const rand = seededRandom(seed).next;
  const sites = Array.from(
    { length: 20_000 },
    (_, i) =>
      `${WORDS[i % WORDS.length]}.site${i.toString(36)}-${Math.floor(rand() * 1e6).toString(36)}.${TLDS[i % TLDS.length]}`,
  );
  return Array.from({ length: lines }, (_, i) =>
    rand() < 0.02
      ? AI_HOSTS[Math.floor(rand() * AI_HOSTS.length)]!
      : distinct
        ? `host${i}-${Math.floor(rand() * 1e9).toString(36)}.${sites[i % sites.length]}`
        : sites[Math.floor(sites.length * rand() ** 3)]!,
  );
}

export type SampleFormat = 'plain' | 'squid' | 'json';

/**
 * `lines` log lines (each ending in a line break) of one format, as one string; `distinct`
 * makes every host a new one (the worst case for anything that remembers hosts).
 */
export function logBlock(format: SampleFormat, lines = 10_000, distinct = false): string {
  const time = 1_765_101_600;
  return hosts(lines, distinct)
    .map((host, i) => {
      if (format === 'plain') return host;
      if (format === 'squid') {
        const request =
          i % 3 === 0 ? `CONNECT ${host}:443` : `GET http://${host}/index.html?id=${i}`;
        return `${time + (i >> 4)}.${String(i % 1000).padStart(3, '0')}    ${100 + (i % 900)} 192.168.${(i >> 8) & 255}.${i & 255} TCP_MISS/200 ${1000 + i} ${request} - HIER_DIRECT/93.184.215.14 text/html`;
      }
      // Cloudflare Gateway DNS, as Logpush writes it (JSON lines).
      return JSON.stringify({
        Datetime: new Date((time + (i >> 4)) * 1000).toISOString(),
        QueryName: host,
        QueryType: 'A',
        ResolverDecision: 'allowedOnNoPolicyMatch',
        SrcIP: `203.0.113.${i & 255}`,
        Protocol: 'https',
        RCode: 0,
      });
    })
    .map((line) => line + '\n')
    .join('');
}
