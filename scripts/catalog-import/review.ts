import { getDomain } from 'tldts';
import { NEVER_MATCH_BARE } from '../../shared/catalog/never-match.ts';
import type { SourceEntry } from './parse-sources.ts';

/**
 * The review the import applies to every entry before it may enter the catalog: each rule leaves
 * out what is not an AI tool's own host, and says why (the import prints every exclusion).
 */

/** General platforms a list links a page on: the link says nothing about the host. */
const PLATFORMS = new Set(
  `github.com github.io gitlab.com huggingface.co hf.co hf.space arxiv.org youtube.com youtu.be
  medium.com substack.com twitter.com x.com t.co linkedin.com facebook.com instagram.com
  reddit.com discord.gg discord.com t.me apps.apple.com play.google.com chrome.google.com
  chromewebstore.google.com microsoftedge.microsoft.com addons.mozilla.org marketplace.visualstudio.com
  producthunt.com wikipedia.org docs.google.com colab.research.google.com drive.google.com
  notion.site vercel.app netlify.app pages.dev paperswithcode.com openreview.net aclanthology.org
  npmjs.com pypi.org kaggle.com bit.ly amazon.com amzn.to readthedocs.io gitbook.io
  dev.to hashnode.dev ycombinator.com news.ycombinator.com techcrunch.com theverge.com
  wired.com nytimes.com forbes.com bloomberg.com cnbc.com reuters.com venturebeat.com
  analyticsvidhya.com towardsdatascience.com blogspot.com wordpress.com sites.google.com
  replit.com streamlit.app web.archive.org archive.org slideshare.net scribd.com
  awesome.re shields.io img.shields.io creativecommons.org`
    .split(/\s+/)
    .filter(Boolean),
);
const neverMatch = new Set(NEVER_MATCH_BARE);

/** A path that is the site itself, not a page on it: `/`, a language, a ref query. */
const SITE_ROOT = /^\/?(?:[a-z]{2}(?:-[a-z]{2})?\/?)?$/i;

/**
 * Hosts the import leaves out after a person read what it would add (name → why). Kept short
 * and specific: the rules above do the general work.
 */
export const REVIEWED_OUT: Readonly<Record<string, string>> = {
  'envato.com': 'a marketplace of templates and stock media, not an AI tool',
  'envato-static.com': 'a marketplace of templates and stock media, not an AI tool',
  'envatousercontent.com': 'a marketplace of templates and stock media, not an AI tool',
  'themeforest.net': 'a marketplace of website themes, not an AI tool',
  'liveperson.net': 'a customer-messaging platform, not an AI tool as such',
  'lpsnmedia.net': 'a customer-messaging platform, not an AI tool as such',
  'host.livekit.cloud': 'LiveKit infrastructure every LiveKit customer uses',
  'turn.livekit.cloud': 'LiveKit infrastructure every LiveKit customer uses',
  'livekit.cloud': 'LiveKit infrastructure every LiveKit customer uses',
  'galactica.org': 'a demo withdrawn in 2022',
  'jukedeck.com': 'absorbed into another company; the product is gone',
  'ampermusic.com': 'absorbed into another company; the product is gone',
  'algorithmia.com': 'absorbed into another company; the product is gone',
  'codota.com': 'renamed (now Tabnine, catalogued)',
  'monkeylearn.com': 'absorbed into another company; the product is gone',
  'ganbreeder.app': 'renamed (now Artbreeder)',
  'deepcode.ai': 'absorbed into Snyk',
  'codiga.io': 'absorbed into Datadog; the product is gone',
  'diagram.com': 'absorbed into Figma',
  'monday.com': 'work-management software, not an AI tool',
  'n8n.io': 'general workflow automation, not an AI tool as such',
  'neuralink.com': 'a neurotechnology company site, not an AI tool',
  'tensorflow.org': 'a machine-learning library’s documentation, not a tool people use',
  'fast.ai': 'courses, not a tool',
  'sonic-pi.net': 'a live-coding music program, not AI',
  'audiolabs-erlangen.de': 'a university research lab',
  'imagen.research.google': 'a research page, not a product',
  'phenaki.research.google': 'a research page, not a product',
  'firework.com': 'video-commerce software, not an AI tool as such',
  'promo.com': 'video-marketing software, not an AI tool as such',
  'socialbu.com': 'social-media scheduling software, not an AI tool as such',
  'mintlify.com': 'documentation hosting, not an AI tool as such',
  'wwww.tailortask.ai': 'a misspelt link (tailortask.ai is the host)',
};

/**
 * Headings under which a list names reading, courses, people, libraries or directories rather
 * than tools people use: an entry there is not taken as an AI tool.
 */
const NOT_TOOL_SECTIONS =
  /histor|timeline|ethic|critical|philosoph|processes|director|course|education|learn|paper|introduction|structure|contribut|reference|hypertechnique|controlnet|textual inversion|dreambooth|deforum|colab|dataset|people|twitter|instagram|youtube|github|artists|galler|related awesome|more lists|lists on|bio experiment|jobs|auxiliary|dimension|roadmap|stargazer|license|student|free stuff|robot|communit|books|pricing|subscription|resources|hardware|gpu rental|prompt engineering|prompt optimi|mamba|frameworks|langchain|attacks|embedding|function calling|evaluation|graveyard|reading|milestone|leaderboard|librar|creative uses|misc|navigation|contents|nvidia platform|playground/i;

export type Verdict = { keep: true; hosts: string[] } | { keep: false; why: string };

/** Whether an entry's hosts may become a catalog tool, and which. */
export function review(entry: SourceEntry, graveyard: ReadonlySet<string>): Verdict {
  if (graveyard.has(entry.name.toLowerCase()))
    return { keep: false, why: 'listed as discontinued (eudk AI graveyard)' };
  if (entry.url !== undefined && NOT_TOOL_SECTIONS.test(entry.section))
    return { keep: false, why: `listed under “${entry.section}”, which is not a list of tools` };
  const hosts: string[] = [];
  let why = '';
  for (const host of entry.hosts) {
    const domain = getDomain(host) ?? host;
    if (PLATFORMS.has(host) || PLATFORMS.has(domain))
      why = `a page on a general platform (${domain})`;
    else if (neverMatch.has(host) || neverMatch.has(domain))
      why = `a company or infrastructure domain that never matches by itself (${domain})`;
    else if (REVIEWED_OUT[host] ?? REVIEWED_OUT[domain])
      why = `reviewed out: ${REVIEWED_OUT[host] ?? REVIEWED_OUT[domain]}`;
    else if (getDomain(host) === null) why = `not a public hostname (${host})`;
    else hosts.push(host);
  }
  if (hosts.length === 0) return { keep: false, why };
  if (entry.url !== undefined) {
    const url = new URL(entry.url);
    // Not judged by the name (the likely-AI tier): the held-back measure of that tier would be
    // drawn from entries chosen by it.
    if (!SITE_ROOT.test(url.pathname))
      return {
        keep: false,
        why: `a page on a wider site (${url.pathname}), not the tool's own host`,
      };
  }
  return { keep: true, hosts };
}

/** Names in the graveyard list: `- **Name** — why`. */
export function graveyardNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/^\s*[-*]\s+\*\*([^*]+)\*\*/gm))
    names.add(m[1]!.trim().toLowerCase());
  return names;
}
