import * as v from 'valibot';

/**
 * Vendor facts (docs/catalog.md, "Vendor facts"): what a vendor says about the customer data of
 * one of its tools, per plan, each read on the vendor's own page on a given day. Values come from
 * closed sets so that two facts compare and a screen or an export can word them; a fact nobody
 * has read is absent, and the product says "unknown".
 */

/** What a fact is about. */
export const FACT_TOPICS = ['training', 'retention', 'processing', 'certifications'] as const;
export type FactTopic = (typeof FACT_TOPICS)[number];

/**
 * The plans facts differ by: free, paid (a personal subscription), business (team/enterprise) and
 * API. `all` is a fact the vendor states for every plan of the tool.
 */
export const FACT_PLANS = ['free', 'paid', 'business', 'api'] as const;
export type FactPlan = (typeof FACT_PLANS)[number];
const PLAN_OR_ALL = [...FACT_PLANS, 'all'] as const;

/** Whether customer content trains the vendor's models by default. */
export const TRAINING_VALUES = ['yes', 'no'] as const;

/**
 * How long customer content is kept: a number of hours, days or months (at most, as the vendor counts), for as long as the account keeps
 * it (deleted with the account or by the user), or for as long as the customer's admin sets.
 */
export const RETENTION_KINDS = [
  'hours',
  'days',
  'months',
  'until-deleted',
  'customer-set',
] as const;

/** Where customer content is processed or stored, as the vendor names it. */
export const REGIONS = [
  'US',
  'EU',
  'UK',
  'CH',
  'CA',
  'AU',
  'JP',
  'KR',
  'IN',
  'SG',
  'CN',
  'worldwide',
] as const;
export type Region = (typeof REGIONS)[number];

/** Certifications and attestations a vendor may claim, as their standards name them. */
export const CERTIFICATIONS = [
  'SOC 2',
  'SOC 2 Type II',
  'SOC 3',
  'ISO/IEC 27001',
  'ISO/IEC 27017',
  'ISO/IEC 27018',
  'ISO/IEC 27701',
  'ISO/IEC 42001',
  'CSA STAR',
  'PCI DSS',
  'HIPAA (BAA available)',
  'FedRAMP',
  'C5',
] as const;
export type Certification = (typeof CERTIFICATIONS)[number];

const https = v.pipe(
  v.string(),
  v.regex(/^https:\/\/[^\s/]+(?:\/[^\s]*)?$/, 'a fact needs the https address of the page'),
);
const readOn = v.pipe(v.string(), v.isoDate('read must be a date: YYYY-MM-DD'));
/** The vendor's words the value rests on, as read (short: a sentence or two). */
const quote = v.pipe(v.string(), v.trim(), v.minLength(10), v.maxLength(400));

const common = {
  plan: v.picklist(PLAN_OR_ALL),
  source: https,
  read: readOn,
  quote,
};

export const VendorFactSchema = v.variant('topic', [
  v.strictObject({
    topic: v.literal('training'),
    ...common,
    value: v.picklist(TRAINING_VALUES),
  }),
  v.strictObject({
    topic: v.literal('retention'),
    ...common,
    value: v.variant('kind', [
      v.strictObject({
        kind: v.literal('hours'),
        hours: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(72)),
      }),
      v.strictObject({
        kind: v.literal('days'),
        days: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36500)),
      }),
      v.strictObject({
        kind: v.literal('months'),
        months: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1200)),
      }),
      v.strictObject({ kind: v.literal('until-deleted') }),
      v.strictObject({ kind: v.literal('customer-set') }),
    ]),
  }),
  v.strictObject({
    topic: v.literal('processing'),
    ...common,
    value: v.strictObject({
      regions: v.pipe(v.array(v.picklist(REGIONS)), v.minLength(1)),
      /** The customer may choose a region (data residency). */
      customerChoice: v.boolean(),
    }),
  }),
  v.strictObject({
    topic: v.literal('certifications'),
    ...common,
    value: v.pipe(v.array(v.picklist(CERTIFICATIONS)), v.minLength(1)),
  }),
]);
export type VendorFact = v.InferOutput<typeof VendorFactSchema>;

const domain = v.pipe(
  v.string(),
  v.regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'a vendor domain is a lower-case domain name'),
);

/** One tool's facts: the vendor's own domains (every source must be on one) and the facts. */
export const ToolFactsSchema = v.strictObject({
  vendorDomains: v.pipe(v.array(domain), v.minLength(1)),
  facts: v.pipe(v.array(VendorFactSchema), v.minLength(1)),
});
export type ToolFacts = v.InferOutput<typeof ToolFactsSchema>;

/** The data file: catalog tool id → its facts. */
export const VendorFactsFileSchema = v.record(
  v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  ToolFactsSchema,
);
