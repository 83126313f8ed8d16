import type { Category } from '../../shared/catalog/schema.ts';

/** One entry of a source: a tool as the source names it, with the web addresses it gives. */
export interface SourceEntry {
  /** Stable within its source: what the held-back split is drawn on. */
  key: string;
  name: string;
  /** Hostnames, lower case. */
  hosts: string[];
  /** For a markdown list, the link as written (its path decides whether it is the tool's own site). */
  url?: string;
  /** The heading it is listed under, for its category. */
  section: string;
  /** Where in the source: file and line. */
  ref: string;
}

const LINK = /^\s*[-*]\s+(?:\[[^\]]*\]\s*)?\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/;

/** `- [Name](https://…) - description` lines of an awesome list, under their headings. */
export function parseMarkdownList(text: string, file: string): SourceEntry[] {
  const entries: SourceEntry[] = [];
  let section = '';
  text.split('\n').forEach((line, index) => {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      section = heading[1]!.trim();
      return;
    }
    const link = LINK.exec(line);
    if (!link) return;
    let url: URL;
    try {
      url = new URL(link[2]!);
    } catch {
      return;
    }
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    entries.push({
      key: host,
      name: link[1]!.replace(/[*_`]/g, '').trim(),
      hosts: [host],
      url: link[2]!,
      section,
      ref: `${file}:${index + 1}`,
    });
  });
  return entries;
}

/**
 * A v2fly domain-list file: `include:name` lines name another file (one vendor each), comment
 * headings group a vendor's domains, `full:` is one exact host, `regexp:`/`keyword:` and lines
 * tagged `@ads` (trackers) are left out. One entry per vendor file or per heading group.
 */
export function parseV2fly(
  text: string,
  file: string,
  readInclude: (name: string) => string | undefined,
): SourceEntry[] {
  const entries: SourceEntry[] = [];
  let current: SourceEntry | undefined;
  const close = () => {
    if (current && current.hosts.length > 0) entries.push(current);
    current = undefined;
  };
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return close();
    if (line.startsWith('#')) {
      close();
      const name = line.replace(/^#+/, '').trim();
      current = {
        key: `${file}#${name}`,
        name,
        hosts: [],
        section: file,
        ref: `${file}:${index + 1}`,
      };
      return;
    }
    const include = /^include:([^\s#]+)/.exec(line);
    if (include) {
      close();
      const name = include[1]!;
      const body = readInclude(name);
      if (body === undefined) return;
      const hosts = v2flyHosts(body);
      if (hosts.length > 0)
        entries.push({ key: `include:${name}`, name, hosts, section: file, ref: `v2fly/${name}` });
      return;
    }
    const host = v2flyHost(line);
    if (host === undefined) return;
    // Under a heading, a line joins the heading's group; a line on its own is a tool of its own.
    if (current) current.hosts.push(host);
    else
      entries.push({
        key: host,
        name: host,
        hosts: [host],
        section: file,
        ref: `${file}:${index + 1}`,
      });
  });
  close();
  return entries;
}

/** The host of one v2fly rule line, or undefined for rules that are not a domain (regexp, @ads). */
function v2flyHost(line: string): string | undefined {
  const rule = line.replace(/#.*$/, '').trim();
  if (rule === '' || /@ads\b/.test(rule)) return undefined;
  const [value] = rule.split(/\s+/);
  const m = /^(?:(domain|full):)?([a-z0-9.-]+\.[a-z0-9-]+)$/i.exec(value!);
  return m ? m[2]!.toLowerCase() : undefined;
}

function v2flyHosts(body: string): string[] {
  return body
    .split('\n')
    .filter((line) => !line.trim().startsWith('include:'))
    .map((line) => v2flyHost(line.trim()))
    .filter((host): host is string => host !== undefined);
}

/** A section heading in words → the catalog's category (the first rule that fits). */
const CATEGORY_RULES: [RegExp, Category][] = [
  [/extension/i, 'browser-extension'],
  [/meeting|transcri/i, 'meeting-notes'],
  [/cod(e|ing)|developer|programming|\bide\b|devops|terminal/i, 'coding-assistant'],
  [/audio|voice|speech|music|sound|podcast|tts/i, 'audio-voice'],
  [/video|animation|avatar/i, 'video'],
  [/image|art|photo|design|logo|graphic|3d|drawing/i, 'image'],
  [/writ|text|copy|content|seo|marketing|email/i, 'writing'],
  [/chat|assistant|conversation/i, 'chat-assistant'],
  [/search|research|academ|science|scholar|education|learning|study/i, 'search-research'],
  [/agent|automation|workflow/i, 'agents-automation'],
  [/model|api|llm|inference|infra|platform|hosting|deploy|gpu/i, 'model-hosting-api'],
  [/productiv|office|presentation|slide|spreadsheet|note/i, 'productivity-suite-ai'],
];

export function categoryOf(section: string): Category {
  for (const [rule, category] of CATEGORY_RULES) if (rule.test(section)) return category;
  return 'other';
}
