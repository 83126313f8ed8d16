import { segment } from './segment.ts';
import { AI_WORDS, ANGUILLA_SECOND_LEVEL, CHAT_WITH, DISTINCT_AI_WORDS } from './words.ts';

/**
 * The likely-AI tier (docs/catalog.md, "Likely-AI hosts"): a host the catalog does not know whose
 * name alone says AI. It reads only the hostname — never a path, page or anything typed — so the
 * extension may apply it without widening what it looks at (docs/privacy.md).
 */
export interface LikelyAi {
  /** The host that was scored. */
  host: string;
  /** The registrable domain (approximated without a public-suffix list): what a tool is keyed by. */
  domain: string;
  /** 0–1, two decimals: 1 − Π(1 − weight) over the reasons. */
  score: number;
  /** Why, in words, strongest first. */
  reasons: string[];
}

/** At or above this, `sightline scan` and the PWA import list a host as "possibly AI". */
export const LIKELY_SCORE = 0.5;
/** At or above this, the extension records a visit to the host (two signals, or a GPT/LLM name). */
export const HIGH_SCORE = 0.8;

const AI_TLD_WEIGHT = 0.6;
/** A subdomain label (`ai.example.com`) says less than the domain's own name. */
const SUBDOMAIN_FACTOR = 0.5;
const CHAT_WITH_WEIGHT = 0.65;
const CHAT_ALONE_WEIGHT = 0.3;
/** A GPT/LLM word next to letters that are no known word (`zerogpt`): a little less sure. */
const NEXT_TO_BRAND_FACTOR = 0.85;

/** Second-level labels under which a country code's registrable domain is one label deeper. */
const COUNTRY_SECOND_LEVEL = new Set([
  'co',
  'com',
  'net',
  'org',
  'gov',
  'edu',
  'ac',
  'ne',
  'or',
  'go',
]);
/**
 * Hosting platforms whose customers get a subdomain: there the customer's label is the name
 * (`chat-with-pdf.vercel.app`), and two such customers are two tools.
 */
const PLATFORM_SUFFIXES = [
  'vercel.app',
  'netlify.app',
  'github.io',
  'pages.dev',
  'workers.dev',
  'herokuapp.com',
  'hf.space',
  'streamlit.app',
  'replit.app',
  'repl.co',
  'web.app',
  'firebaseapp.com',
  'onrender.com',
  'fly.dev',
  'glitch.me',
  'gitbook.io',
  'notion.site',
  'framer.website',
  'framer.app',
  'webflow.io',
  'wixsite.com',
  'azurewebsites.net',
  'bubbleapps.io',
  'lovable.app',
];

/** The registrable domain's labels, approximately, and the labels to its left. */
function split(host: string): { domain: string; name: string; sub: string[] } | undefined {
  const labels = host.split('.');
  if (labels.length < 2) return undefined;
  let size = 2;
  const tld = labels[labels.length - 1]!;
  if (
    tld.length === 2 &&
    labels.length >= 3 &&
    COUNTRY_SECOND_LEVEL.has(labels[labels.length - 2]!)
  )
    size = 3;
  for (const suffix of PLATFORM_SUFFIXES) {
    if (host.endsWith(`.${suffix}`) && labels.length > suffix.split('.').length) {
      size = suffix.split('.').length + 1;
      break;
    }
  }
  if (labels.length < size) return undefined;
  return {
    domain: labels.slice(-size).join('.'),
    name: labels[labels.length - size]!,
    sub: labels.slice(0, -size),
  };
}

interface Reason {
  weight: number;
  words: string;
}

/** What one label's words say, if anything. */
function readLabel(label: string): Reason | undefined {
  if (label.startsWith('xn--')) return undefined;
  let best: Reason | undefined;
  const consider = (reason: Reason) => {
    if (best === undefined || reason.weight > best.weight) best = reason;
  };
  const parts = label.split('-').filter(Boolean);
  const pieces: string[] = [];
  let whole = true;
  for (const part of parts) {
    const words = segment(part);
    if (words) pieces.push(...words);
    else {
      whole = false;
      // A GPT/LLM word at either end of a brand (`zerogpt`, `gptinf`), or `gpt` anywhere.
      for (const word of DISTINCT_AI_WORDS) {
        if (
          part.length > word.length + 1 &&
          (part.startsWith(word) || part.endsWith(word) || (word === 'gpt' && part.includes(word)))
        )
          consider({
            weight: AI_WORDS.get(word)! * NEXT_TO_BRAND_FACTOR,
            words: `“${word}” in “${part}”`,
          });
      }
    }
  }
  if (whole && pieces.length > 0) {
    const shown = `“${pieces.join(' ')}”`;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const weight = AI_WORDS.get(piece);
      if (weight !== undefined) consider({ weight, words: `${shown} (${piece})` });
      if (piece === 'chat') {
        const partner = [pieces[i - 1], pieces[i + 1]].some(
          (p) => p !== undefined && CHAT_WITH.has(p),
        );
        consider({
          weight: partner ? CHAT_WITH_WEIGHT : CHAT_ALONE_WEIGHT,
          words: `${shown} (chat${partner ? ' with …' : ''})`,
        });
      }
    }
  }
  return best;
}

/**
 * Scores a normalised hostname (lower case, no port) that the catalog did not match. Undefined
 * when nothing in the name says AI; otherwise the score and its reasons, whatever the score (the
 * caller compares it with LIKELY_SCORE or HIGH_SCORE). Pure and allocation-light: no list lookups
 * beyond a few set probes per label, so it can run on every unmatched line of a log.
 */
export function scoreLikelyAi(host: string): LikelyAi | undefined {
  if (typeof host !== 'string' || host.length > 253) return undefined;
  const parts = split(host);
  if (!parts) return undefined;
  const reasons: Reason[] = [];
  const labels = host.split('.');
  if (labels[labels.length - 1] === 'ai' && !ANGUILLA_SECOND_LEVEL.has(labels[labels.length - 2]!))
    reasons.push({ weight: AI_TLD_WEIGHT, words: 'an .ai domain' });
  const own = readLabel(parts.name);
  if (own) reasons.push({ weight: own.weight, words: `its name reads ${own.words}` });
  for (const label of parts.sub) {
    const sub = readLabel(label);
    if (sub)
      reasons.push({
        weight: sub.weight * SUBDOMAIN_FACTOR,
        words: `a subdomain reads ${sub.words}`,
      });
  }
  if (reasons.length === 0) return undefined;
  reasons.sort((a, b) => b.weight - a.weight);
  let doubt = 1;
  for (const reason of reasons) doubt *= 1 - reason.weight;
  return {
    host,
    domain: parts.domain,
    score: Math.round(Math.min(0.99, 1 - doubt) * 100) / 100,
    reasons: reasons.map((r) => r.words),
  };
}
