import * as v from 'valibot';

/** The catalog's categories, in the order the PWA lists them. */
export const CATEGORIES = [
  'chat-assistant',
  'coding-assistant',
  'writing',
  'image',
  'video',
  'audio-voice',
  'meeting-notes',
  'search-research',
  'agents-automation',
  'model-hosting-api',
  'productivity-suite-ai',
  'browser-extension',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  'chat-assistant': 'Chat assistant',
  'coding-assistant': 'Coding assistant',
  writing: 'Writing',
  image: 'Image',
  video: 'Video',
  'audio-voice': 'Audio and voice',
  'meeting-notes': 'Meeting notes and transcription',
  'search-research': 'Search and research',
  'agents-automation': 'Agents and automation',
  'model-hosting-api': 'Model hosting and inference APIs',
  'productivity-suite-ai': 'AI in productivity suites',
  'browser-extension': 'AI browser extension',
  other: 'Other',
};

/** A lower-case ASCII hostname (punycode for IDN) with at least two labels; no scheme, port or path. */
export const HOSTNAME_PATTERN =
  /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const hostname = v.pipe(
  v.string(),
  v.regex(HOSTNAME_PATTERN, 'must be a lower-case hostname with no scheme, port or path'),
);
const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const sourceUrl = v.pipe(v.string(), v.regex(/^https:\/\/[^\s]+$/, 'a fact needs an https source'));
/** The day a person read the fact on the vendor's page (ISO date). */
const readOn = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'read must be a date: YYYY-MM-DD'),
);
const fact = <T extends v.GenericSchema>(value: T) =>
  v.strictObject({ value, source: sourceUrl, read: v.optional(readOn) });
/** A fact read on the vendor's own page, with the day it was read (required). */
const factRead = <T extends v.GenericSchema>(value: T) =>
  v.strictObject({ value, source: sourceUrl, read: readOn });
/** The plans a vendor's training default differs by (docs/catalog.md, "Vendor facts"). */
export const PLANS = ['free', 'paid', 'business', 'api'] as const;

export const FactsSchema = v.strictObject({
  /** ISO 3166-1 alpha-2 country of the vendor's headquarters. */
  headquarters: v.optional(fact(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/)))),
  trainsOnCustomerData: v.optional(fact(v.boolean())),
  /**
   * Whether customer data trains the vendor's models by default, per plan: free, paid (personal),
   * business (team/enterprise) and API. A plan left out is unknown. The built-in catalog keeps
   * its vendor facts apart (vendor-facts/, read through vendorFactsOf); this stays so that a
   * workspace tool written with it still reads.
   */
  trainsByDefault: v.optional(
    v.strictObject({
      free: v.optional(factRead(v.boolean())),
      paid: v.optional(factRead(v.boolean())),
      business: v.optional(factRead(v.boolean())),
      api: v.optional(factRead(v.boolean())),
    }),
  ),
  dataRetention: v.optional(fact(text(200))),
  certifications: v.optional(fact(v.array(text(60)))),
});

export const ToolEntrySchema = v.pipe(
  v.strictObject({
    id: v.pipe(
      v.string(),
      v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case kebab-case'),
      v.maxLength(80),
    ),
    name: text(100),
    vendor: text(100),
    category: v.picklist(CATEGORIES),
    hosts: v.array(hostname),
    apiHosts: v.array(hostname),
    /** Chrome Web Store ids. */
    extensionIds: v.array(
      v.pipe(v.string(), v.regex(/^[a-p]{32}$/, 'a Chrome extension id is 32 letters a–p')),
    ),
    facts: FactsSchema,
  }),
  v.check(
    (entry) => entry.hosts.length + entry.apiHosts.length + entry.extensionIds.length > 0,
    'a tool needs a host, an API host or an extension id',
  ),
);

export type ToolEntry = v.InferOutput<typeof ToolEntrySchema>;
export type Facts = ToolEntry['facts'];

/**
 * A workspace's own catalog addition (from its policy document): the same shape, with the lists
 * and facts optional. Its id may name a catalog tool, which it then replaces.
 */
export const WorkspaceToolSchema = v.pipe(
  v.strictObject({
    id: v.pipe(
      v.string(),
      v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case kebab-case'),
      v.maxLength(80),
    ),
    name: text(100),
    vendor: v.optional(text(100), 'Unknown'),
    category: v.optional(v.picklist(CATEGORIES), 'other'),
    hosts: v.optional(v.array(hostname), []),
    apiHosts: v.optional(v.array(hostname), []),
    extensionIds: v.optional(v.array(v.pipe(v.string(), v.regex(/^[a-p]{32}$/))), []),
    facts: v.optional(FactsSchema, {}),
  }),
  v.check(
    (entry) => entry.hosts.length + entry.apiHosts.length + entry.extensionIds.length > 0,
    'a tool needs a host, an API host or an extension id',
  ),
);
