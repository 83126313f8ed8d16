/**
 * Does an installed extension look like an AI tool, judging by its name and description alone?
 * A small rule set that a person can check by reading it:
 *
 * - Strong terms name AI outright: ChatGPT, GPT (GPT-4, NoteGPT…), OpenAI, Claude, Anthropic,
 *   Gemini, Copilot, LLM, "large language model", "generative AI", "artificial intelligence",
 *   chatbot, DeepSeek, Midjourney, "Stable Diffusion", and "AI" joined to what an AI product does
 *   ("AI assistant", "AI writing", "AI-powered", "powered by AI", "AI chat"…).
 * - Weak terms only hint: "AI" as a word in capitals ("HARPA AI"), as a camel-case suffix
 *   ("MaxAI") or as a domain ("Otter.ai"). Capitals and word edges keep "Aid", "Said", "Maid",
 *   "Airbnb", "Aidbox", "Airtable", "THAI" and the Italian or French word "ai" out.
 *
 * Confidence: medium for a strong term in the name, or a weak one in the name backed by a strong
 * one in the description; low for a strong term in the description only, or a weak one in the name
 * only. A weak term in the description alone says nothing: countless extensions now mention "AI".
 * An extension whose name says it blocks, hides or removes AI ("Hide Google AI Overviews", "AI
 * Blocker") keeps AI out rather than bringing it in, so it is not reported.
 */

export type TextConfidence = 'medium' | 'low';

export interface TextVerdict {
  confidence: TextConfidence;
  /** Which words decided it, in plain words: `name mentions "ChatGPT"`. */
  reason: string;
}

const STRONG: readonly RegExp[] = [
  /chatgpt/i,
  // No English word contains "gpt", so it may sit inside a name: NoteGPT, GPTZero, GPT-4o.
  /gpt(?:-?\d+(?:\.\d+)?o?)?/i,
  /\bopen ?ai\b/i,
  /\bclaude\b/i,
  /\banthropic\b/i, // a word edge, so "philanthropic" stays out
  /\bgemini\b/i,
  /copilot/i,
  /\bllms?\b/i,
  /\blarge language models?\b/i,
  /\bgen(?:erative)?[ -]?ai\b/i,
  /\bartificial intelligence\b/i,
  /\bchat ?bots?\b/i,
  /\bdeepseek\b/i,
  /\bmidjourney\b/i,
  /\bstable diffusion\b/i,
  /\bai[ -](?:assistant|writ(?:ing|er)|chat|copilot|agents?|summar\w*|powered|tutor|companion|sidebar|generat\w*|models?|detector)\b/i,
  /\bpowered by ai\b/i,
];

// Case-sensitive on purpose: the capitals are what tell "AI" from "ai", "Aid" or "Airbnb".
const WEAK: readonly RegExp[] = [/\bAI\b/, /\b[A-Za-z0-9]*[a-z]AI\b/, /\b[a-z0-9-]+\.ai\b/i];

const AI_WORD = String.raw`(?:ai|chatgpt|gpt|gemini|copilot|llms?|gen ?ai)`;
// "Hide Google AI Overviews", "Block ChatGPT", "AI Blocker", "No AI", "Bye Bye, Google AI". Tight
// on purpose: "AI Background Remover" and "Remove Background AI" are AI tools.
const KEEPS_AI_OUT = new RegExp(
  [
    String.raw`\b(?:block|hide|remove|disable|turn off|filter)s?(?: (?:the|all|google|bing|microsoft|youtube))? ${AI_WORD}\b`,
    String.raw`\b${AI_WORD} (?:block|hid|remov|filt)er\b`,
    String.raw`\b(?:no|anti|without)[ -]${AI_WORD}\b`,
    String.raw`\b${AI_WORD}[ -]free\b`,
    String.raw`\bbye,? bye\b`,
  ].join('|'),
  'i',
);

/** Enough of a description for any of the terms; keeps the scan bounded whatever we are given. */
const MAX_SCANNED = 2000;

function firstHit(text: string, terms: readonly RegExp[]): string | undefined {
  for (const term of terms) {
    const hit = term.exec(text);
    if (hit !== null) return hit[0];
  }
  return undefined;
}

export function judgeExtensionText(name: string, description = ''): TextVerdict | undefined {
  const title = name.slice(0, MAX_SCANNED);
  const about = description.slice(0, MAX_SCANNED);
  const strongName = firstHit(title, STRONG);
  const weakName = strongName === undefined ? firstHit(title, WEAK) : undefined;
  if ((strongName ?? weakName) !== undefined && KEEPS_AI_OUT.test(title)) return undefined;
  const strongAbout = firstHit(about, STRONG);
  if (strongName !== undefined) {
    return { confidence: 'medium', reason: `name mentions "${strongName}"` };
  }
  if (weakName !== undefined && strongAbout !== undefined) {
    return {
      confidence: 'medium',
      reason: `name mentions "${weakName}" and description mentions "${strongAbout}"`,
    };
  }
  if (strongAbout !== undefined) {
    return { confidence: 'low', reason: `description mentions "${strongAbout}"` };
  }
  if (weakName !== undefined) return { confidence: 'low', reason: `name mentions "${weakName}"` };
  return undefined;
}
