// Northwind Demo Ltd: a fictional organisation for `sightline serve --demo`. Every person, site and
// in-house system here is made up; the AI tools are real entries of the built-in catalog.
import type { DataCategory } from '../../shared/documents/schema/values.ts';
import type { RecordFields, TriageEntry } from '../../shared/documents/registry/index.ts';
import type { ToolStatus } from '../../shared/documents/policy/index.ts';

export const ORGANISATION = 'Northwind Demo Ltd';

/** Fictional people; "(fictional)" keeps screenshots from ever passing for real data. */
export const PEOPLE = {
  ciso: 'Dana Whitfield (fictional)',
  hr: 'Priya Castellano (fictional)',
  engineering: 'Tomasz Arden (fictional)',
  support: 'Leila Moreau (fictional)',
  marketing: 'Jonah Brightwater (fictional)',
  legal: 'Ines Halvorsen (fictional)',
} as const;

/** The fictional organisation's own sites (`.example` never resolves). */
export const SITES = {
  support: 'support.northwind.example',
  wiki: 'wiki.northwind.example',
  crm: 'crm.northwind.example',
  training: 'training.northwind.example',
  assistant: 'assistant.northwind.example',
} as const;

export const UNKNOWN_NOTES_HOST = 'notes.northwind-ai.example';

/** How one department uses one tool: how often, and how it is seen. */
export interface Usage {
  /** A catalog tool id. */
  tool: string;
  /** The chance of using it on a working day. */
  daily: number;
  /** Seen as a visit (default), an API call from one of our sites, or an installed extension. */
  via?: 'visit' | 'api-call' | 'extension';
  embeddedIn?: string;
  /** Only in the last N days (something new). */
  sinceDays?: number;
}

export interface Department {
  name: string;
  people: number;
  tools: Usage[];
}

/** 40 people in 7 departments; ~28 catalogued tools. */
export const DEPARTMENTS: Department[] = [
  {
    name: 'Engineering',
    people: 9,
    tools: [
      { tool: 'github-copilot', daily: 0.9 },
      { tool: 'cursor-ide', daily: 0.45 },
      { tool: 'openai-chatgpt', daily: 0.5 },
      { tool: 'anthropic-claude', daily: 0.4 },
      { tool: 'perplexity', daily: 0.2 },
      { tool: 'deepseek-chat', daily: 0.3, sinceDays: 6 },
      { tool: 'vercel-v0', daily: 0.1 },
      { tool: 'anthropic-api', daily: 0.6, via: 'api-call', embeddedIn: SITES.wiki },
    ],
  },
  {
    name: 'Marketing',
    people: 6,
    tools: [
      { tool: 'openai-chatgpt', daily: 0.8 },
      { tool: 'midjourney', daily: 0.35 },
      { tool: 'gamma', daily: 0.2 },
      { tool: 'grammarly', daily: 0.9, via: 'extension' },
      { tool: 'heygen', daily: 0.1 },
      { tool: 'runway', daily: 0.08 },
      { tool: 'suno', daily: 0.05 },
      { tool: 'leonardo-ai', daily: 0.1 },
    ],
  },
  {
    name: 'Sales',
    people: 6,
    tools: [
      { tool: 'openai-chatgpt', daily: 0.6 },
      { tool: 'grammarly', daily: 0.8, via: 'extension' },
      { tool: 'gamma', daily: 0.15 },
      { tool: 'fireflies', daily: 0.5 },
      { tool: 'tldv', daily: 0.2 },
      { tool: 'deepl', daily: 0.4, via: 'api-call', embeddedIn: SITES.crm },
    ],
  },
  {
    name: 'Customer Support',
    people: 7,
    tools: [
      { tool: 'openai-api', daily: 0.95, via: 'api-call', embeddedIn: SITES.support },
      { tool: 'deepl', daily: 0.6 },
      { tool: 'deepl', daily: 0.5, via: 'extension' },
      { tool: 'openai-chatgpt', daily: 0.3 },
      { tool: 'quillbot', daily: 0.15 },
    ],
  },
  {
    name: 'People & HR',
    people: 4,
    tools: [
      { tool: 'hirevue', daily: 0.5 },
      { tool: 'textio', daily: 0.3 },
      { tool: 'otter', daily: 0.4 },
      { tool: 'openai-chatgpt', daily: 0.3 },
      { tool: 'elevenlabs', daily: 0.2, via: 'api-call', embeddedIn: SITES.training },
    ],
  },
  {
    name: 'Finance',
    people: 4,
    tools: [
      { tool: 'microsoft-365-copilot', daily: 0.7 },
      { tool: 'openai-chatgpt', daily: 0.25 },
      { tool: 'perplexity', daily: 0.2 },
    ],
  },
  {
    name: 'Legal & Research',
    people: 4,
    tools: [
      { tool: 'anthropic-claude', daily: 0.6 },
      { tool: 'deepl', daily: 0.5 },
      { tool: 'consensus', daily: 0.2 },
      { tool: 'elicit', daily: 0.15 },
      { tool: 'google-gemini', daily: 0.25 },
      { tool: 'mistral-le-chat', daily: 0.1 },
      { tool: 'otter', daily: 0.2 },
    ],
  },
];

/** A flag an employee raised: which department's nth person, and what they said. */
export interface DemoFlag {
  department: string;
  person: number;
  toolKey: string;
  /** For an unknown tool: its host and the name the employee gave it. */
  host?: string;
  name?: string;
  purpose: string;
  dataCategories: DataCategory[];
  note: string;
  daysAgo: number;
}

export const FLAGS: DemoFlag[] = [
  {
    department: 'Sales',
    person: 1,
    toolKey: `host:${UNKNOWN_NOTES_HOST}`,
    host: UNKNOWN_NOTES_HOST,
    name: 'Northwind AI Notes',
    purpose: 'Summarising customer calls into CRM notes',
    dataCategories: ['customer', 'personal'],
    note: 'A free trial a colleague shared. Not sure who runs it or where the recordings go.',
    daysAgo: 2,
  },
  {
    department: 'Engineering',
    person: 3,
    toolKey: 'deepseek-chat',
    purpose: 'Debugging a failing data pipeline',
    dataCategories: ['source-code'],
    note: 'It was faster than our usual tools; is it allowed?',
    daysAgo: 4,
  },
  {
    department: 'People & HR',
    person: 0,
    toolKey: 'hirevue',
    purpose: 'First-round video interviews for the graduate scheme',
    dataCategories: ['personal'],
    note: '',
    daysAgo: 12,
  },
  {
    department: 'Legal & Research',
    person: 2,
    toolKey: 'anthropic-claude',
    purpose: 'Summarising supplier contracts before review',
    dataCategories: ['confidential', 'financial'],
    note: '',
    daysAgo: 9,
  },
  {
    department: 'Marketing',
    person: 0,
    toolKey: 'midjourney',
    purpose: 'Mood boards for the spring campaign',
    dataCategories: ['none'],
    note: 'Nothing confidential goes in, only prompts.',
    daysAgo: 15,
  },
];

export const WORKSPACE_TOOL = {
  id: 'northwind-assistant',
  name: 'Northwind internal assistant',
  vendor: ORGANISATION,
  category: 'chat-assistant' as const,
  hosts: [SITES.assistant],
  apiHosts: [],
  extensionIds: [],
  facts: {},
};

const ASSISTANT_ALTERNATIVE = `Northwind internal assistant (${SITES.assistant})`;

export const STATUSES: Array<[string, Omit<ToolStatus, 'updatedBy' | 'updatedAt'>]> = [
  [
    'openai-chatgpt',
    {
      status: 'approved',
      guidance:
        'Use the company ChatGPT Enterprise workspace (sign in with Northwind SSO). No customer personal data.',
    },
  ],
  ['github-copilot', { status: 'approved', guidance: 'Business seats only; ask #eng-tools.' }],
  ['deepl', { status: 'approved', guidance: 'Use DeepL Pro through the company account.' }],
  [WORKSPACE_TOOL.id, { status: 'approved', guidance: 'The default for anything confidential.' }],
  [
    'anthropic-claude',
    {
      status: 'restricted',
      guidance:
        'Allowed for public and internal information only: no customer data, contracts or source code until the Team plan is in place.',
      alternative: ASSISTANT_ALTERNATIVE,
    },
  ],
  [
    'midjourney',
    {
      status: 'restricted',
      guidance:
        'Internal mood boards only; nothing published until the licensing review is complete.',
    },
  ],
  [
    'deepseek-chat',
    {
      status: 'banned',
      guidance:
        'Data is processed outside the jurisdictions our contracts allow. Do not paste code or customer data.',
      alternative: ASSISTANT_ALTERNATIVE,
    },
  ],
  [
    'quillbot',
    {
      status: 'banned',
      guidance: 'Its terms let it keep what you paste.',
      alternative: 'DeepL Write (company account)',
    },
  ],
];

export interface DemoRecord {
  id: string;
  fields: RecordFields;
  by: string;
  daysAgo: number;
  /** EU AI Act use profile answers (docs/classification.md). */
  profile?: Record<string, unknown>;
  /** Confirm the suggested EU AI Act category. */
  confirm?: boolean;
  /** Decide a tier; a tier other than the suggested one carries the reason. */
  tier?: { decided?: string; reason?: string };
}

export const RECORDS: DemoRecord[] = [
  {
    id: 'chatgpt-enterprise',
    fields: {
      name: 'ChatGPT Enterprise',
      vendor: 'OpenAI',
      category: 'chat-assistant',
      purpose: 'Drafting, summarising and brainstorming across the company.',
      owner: PEOPLE.ciso,
      lifecycle: 'in-use',
      departments: ['Marketing', 'Sales', 'Customer Support', 'People & HR', 'Finance'],
      userCount: 27,
      dataCategories: ['confidential', 'customer'],
      toolKeys: ['openai-chatgpt'],
      model: 'GPT-4o',
      provider: 'OpenAI',
    },
    by: PEOPLE.ciso,
    daysAgo: 24,
    profile: { generatesSyntheticContent: true },
    confirm: true,
    tier: {},
  },
  {
    id: 'github-copilot',
    fields: {
      name: 'GitHub Copilot Business',
      vendor: 'GitHub (Microsoft)',
      category: 'coding-assistant',
      purpose: 'Code completion and review suggestions in the IDE.',
      owner: PEOPLE.engineering,
      lifecycle: 'in-use',
      departments: ['Engineering'],
      userCount: 9,
      dataCategories: ['source-code'],
      toolKeys: ['github-copilot'],
      provider: 'GitHub',
    },
    by: PEOPLE.engineering,
    daysAgo: 22,
    profile: {},
    confirm: true,
    tier: {},
  },
  {
    id: 'candidate-screening',
    fields: {
      name: 'HireVue candidate screening (pilot)',
      vendor: 'HireVue',
      category: 'other',
      purpose:
        'Scores recorded first-round video interviews for the graduate scheme and ranks candidates for recruiters.',
      owner: PEOPLE.hr,
      lifecycle: 'procurement',
      departments: ['People & HR'],
      userCount: 4,
      dataCategories: ['personal'],
      toolKeys: ['hirevue'],
    },
    by: PEOPLE.hr,
    daysAgo: 10,
    profile: {
      annexIII: ['employment.recruitment'],
      profilesNaturalPersons: true,
      interactsWithPeople: true,
    },
    confirm: true,
    tier: {},
  },
  {
    id: 'support-reply-drafts',
    fields: {
      name: 'Support reply drafts',
      vendor: ORGANISATION,
      category: 'model-hosting-api',
      purpose: `Drafts replies to customer tickets inside ${SITES.support}; an agent edits and sends each one.`,
      owner: PEOPLE.support,
      lifecycle: 'in-use',
      departments: ['Customer Support'],
      userCount: 7,
      dataCategories: ['customer', 'personal'],
      toolKeys: ['openai-api'],
      model: 'GPT-4o mini',
      provider: 'OpenAI API',
    },
    by: PEOPLE.support,
    daysAgo: 18,
    profile: { generatesSyntheticContent: true },
    confirm: true,
    tier: {},
  },
  {
    id: 'northwind-assistant',
    fields: {
      name: WORKSPACE_TOOL.name,
      vendor: ORGANISATION,
      category: 'chat-assistant',
      purpose: `The in-house assistant at ${SITES.assistant}, grounded in the wiki; the approved place for confidential work.`,
      owner: PEOPLE.engineering,
      lifecycle: 'in-use',
      departments: ['Engineering', 'Legal & Research'],
      userCount: 40,
      dataCategories: ['confidential', 'source-code'],
      toolKeys: [WORKSPACE_TOOL.id, 'anthropic-api'],
      model: 'Claude Sonnet',
      provider: 'Anthropic API',
    },
    by: PEOPLE.engineering,
    daysAgo: 28,
    profile: { interactsWithPeople: true, generatesSyntheticContent: true },
    confirm: true,
    tier: {},
  },
  {
    id: 'claude-legal',
    fields: {
      name: 'Claude for contract review',
      vendor: 'Anthropic',
      category: 'chat-assistant',
      purpose: 'Summarising supplier contracts ahead of a lawyer’s review.',
      owner: PEOPLE.legal,
      lifecycle: 'procurement',
      departments: ['Legal & Research'],
      userCount: 4,
      dataCategories: ['confidential', 'financial'],
      toolKeys: ['anthropic-claude'],
    },
    by: PEOPLE.legal,
    daysAgo: 8,
    profile: {},
    tier: {
      decided: 'tier-2',
      reason:
        'Confidential contracts go in: treat it as Tier 2 until the Team plan’s terms are in.',
    },
  },
  {
    id: 'deepl-pro',
    fields: {
      name: 'DeepL Pro',
      vendor: 'DeepL',
      category: 'writing',
      purpose: `Translating tickets and CRM notes (also called from ${SITES.crm}).`,
      owner: PEOPLE.support,
      lifecycle: 'in-use',
      departments: ['Customer Support', 'Sales', 'Legal & Research'],
      userCount: 17,
      dataCategories: ['customer'],
      toolKeys: ['deepl'],
    },
    by: PEOPLE.support,
    daysAgo: 20,
  },
  {
    id: 'meeting-notes',
    fields: {
      name: 'Meeting transcription',
      vendor: 'Otter.ai',
      category: 'meeting-notes',
      purpose: 'Transcripts of internal meetings and interviews.',
      owner: PEOPLE.hr,
      lifecycle: 'procurement',
      departments: ['People & HR', 'Legal & Research'],
      userCount: 8,
      dataCategories: ['personal', 'confidential'],
      toolKeys: ['otter'],
    },
    by: PEOPLE.hr,
    daysAgo: 5,
  },
];

export const TRIAGE: Array<[string, Omit<TriageEntry, 'at'> & { daysAgo: number }]> = [
  [
    'openai-chatgpt',
    { state: 'open', recordId: 'chatgpt-enterprise', by: PEOPLE.ciso, daysAgo: 24 },
  ],
  [
    'github-copilot',
    { state: 'open', recordId: 'github-copilot', by: PEOPLE.engineering, daysAgo: 22 },
  ],
  ['hirevue', { state: 'open', recordId: 'candidate-screening', by: PEOPLE.hr, daysAgo: 10 }],
  [
    'openai-api',
    { state: 'merged', recordId: 'support-reply-drafts', by: PEOPLE.support, daysAgo: 18 },
  ],
  [
    'anthropic-api',
    { state: 'merged', recordId: 'northwind-assistant', by: PEOPLE.engineering, daysAgo: 27 },
  ],
  ['anthropic-claude', { state: 'open', recordId: 'claude-legal', by: PEOPLE.legal, daysAgo: 8 }],
  ['deepl', { state: 'merged', recordId: 'deepl-pro', by: PEOPLE.support, daysAgo: 20 }],
  ['otter', { state: 'open', recordId: 'meeting-notes', by: PEOPLE.hr, daysAgo: 5 }],
  [
    'suno',
    {
      state: 'dismissed',
      reason: 'Personal experiments with music for a team event; no company data.',
      by: PEOPLE.marketing,
      daysAgo: 3,
    },
  ],
  [
    'midjourney',
    {
      state: 'snoozed',
      reason: 'Waiting for the licensing review.',
      by: PEOPLE.marketing,
      daysAgo: 6,
    },
  ],
];

/** How long the snoozed discovery stays snoozed. */
export const SNOOZE_DAYS = 14;
