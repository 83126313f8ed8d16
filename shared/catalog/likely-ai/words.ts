/**
 * The words a hostname label is split into (see segment.ts). Kept small and deliberate: a word
 * here lets `ai` stand next to it, so a place or brand fragment (`dub`, `mumb`, `shangh`, `th`)
 * must never be one — `dubai`, `mumbai`, `shanghai` and `thai` would read as "… AI".
 */

/** Words that say AI by themselves, with the weight each gives (see likely-ai.ts). */
export const AI_WORDS: ReadonlyMap<string, number> = new Map([
  ['gpt', 0.8],
  ['chatgpt', 0.85],
  ['llm', 0.8],
  ['llms', 0.8],
  ['genai', 0.8],
  ['ai', 0.7],
  ['chatbot', 0.75],
  ['chatbots', 0.75],
  ['aibot', 0.75],
  ['copilot', 0.55],
  ['neural', 0.5],
  ['prompt', 0.5],
  ['prompts', 0.5],
  ['diffusion', 0.5],
  ['agentic', 0.6],
  ['deepfake', 0.6],
]);

/**
 * AI words that are unusual enough as letters that they may stand next to an unknown brand
 * (`zerogpt`, `perplexllm`): `ai` may not, since it hides inside ordinary words (`mail`, `paint`).
 */
export const DISTINCT_AI_WORDS: ReadonlySet<string> = new Set([
  'gpt',
  'chatgpt',
  'llm',
  'llms',
  'genai',
]);

/** `chat` + one of these is "chat with your …": a common AI product shape. */
export const CHAT_WITH: ReadonlySet<string> = new Set([
  'pdf',
  'pdfs',
  'doc',
  'docs',
  'file',
  'files',
  'data',
  'book',
  'books',
  'paper',
  'papers',
  'code',
  'sql',
  'csv',
  'excel',
  'sheet',
  'sheets',
  'video',
  'youtube',
  'web',
  'site',
  'resume',
  'bot',
  'bots',
  'gpt',
  'ai',
  'llm',
  'mind',
  'brain',
  'agent',
  'tutor',
  'notes',
  'repo',
  'base',
]);

/** Ordinary words products are named with; each may stand next to an AI word. */
export const PRODUCT_WORDS: ReadonlySet<string> = new Set(
  `
  an the my your our me you we us go get try use do run make made hey hi ask up on in at to by
  for of with no one two zero pro plus max mini lite free easy fast quick smart super hyper ultra
  best top good great true real pure open new next now first prime meta mega
  app apps hub lab labs studio studios tool tools kit box base stack flow flows works work space
  spaces desk deck hq center central cloud pilot mate buddy pal friend helper help assist assistant
  agent agents bot bots chat talk speak say voice voices tell ask answer answers reply mail email
  inbox write writer writers writing wordsmith word words text texts copy copies content blog post
  posts story stories essay essays novel book books poem poems song songs lyric lyrics music beat
  beats sound sounds audio tune tunes note notes memo meet meeting meetings call calls transcribe
  transcript caption captions subtitle subtitles translate translator lingo lang language
  image images img photo photos pic pics picture pictures art arts artist draw drawing paint painter
  sketch design designer designs logo logos icon icons avatar avatars face faces head headshot
  headshots portrait portraits selfie anime cartoon comic comics render renders pixel pixels canvas
  video videos clip clips film films movie movies reel reels shorts motion animate animation studio
  code coder coding codes dev devs developer program script scripts sql query queries data dataset
  sheet sheets excel table tables chart charts graph graphs report reports doc docs document
  documents pdf pdfs file files form forms slide slides deck present presentation
  search find finder seek scout research researcher paper papers scholar study learn learning tutor
  teach teacher school class quiz math homework exam lesson lessons course courses
  resume cv job jobs hire hiring recruit recruiter interview career interviews
  sales sale lead leads market marketing ads ad seo rank growth brand brands social
  legal law lawyer contract contracts tax finance money invest trade trader trading
  health doctor med medical care therapy therapist coach mind brain think thinker thought ideas idea
  plan planner trip travel shop store product products seller commerce
  detect detector check checker humanize humanizer rewrite rewriter paraphrase summary summarize
  summarizer summarise summariser generate generator gen maker builder build create creator
  craft forge engine ops infra model models api apis gateway router proxy hosted host serve server
  cat dog pet girl boy love date dating friend companion character characters role play game games
  home house room interior decor fashion style outfit wear hair beauty makeup skin body fit fitness
  food recipe recipes chef cook kitchen
  `
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Second-level names under `.ai` that belong to Anguilla's registry and its government, not to an
 * AI product (`gov.ai`, `com.ai`).
 */
export const ANGUILLA_SECOND_LEVEL: ReadonlySet<string> = new Set([
  'com',
  'net',
  'org',
  'off',
  'gov',
  'edu',
  'nic',
  'whois',
]);
