import * as v from 'valibot';
import data from './vendor-facts.json' with { type: 'json' };
import {
  FACT_PLANS,
  FACT_TOPICS,
  VendorFactsFileSchema,
  type FactPlan,
  type FactTopic,
  type ToolFacts,
  type VendorFact,
} from './schema.ts';

/**
 * The one accessor for vendor facts (docs/catalog.md, "Vendor facts"): the discovery details, the
 * record, the register export and the catalog browser all read them through `vendorFactsOf`, so
 * they show the same fact. The data is kept apart from the catalog the extension carries: the
 * extension never needs it.
 */

export class VendorFactsError extends Error {}

/** The host of an https address, lower case ('' when it is not one). */
function hostOf(url: string): string {
  return /^https:\/\/([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
}

/** Whether `host` is `domain` or one of its subdomains. */
const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * Validates a vendor-facts file: the schema (closed sets, an https page and a read date on every
 * fact), every source on one of the tool's vendor domains (a third party's summary is not a
 * source), one fact per topic and plan, and, given the catalog's ids, only tools it knows.
 */
export function validateVendorFacts(
  input: unknown,
  catalogIds?: ReadonlySet<string>,
): Readonly<Record<string, ToolFacts>> {
  const parsed = v.safeParse(VendorFactsFileSchema, input);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new VendorFactsError(`vendor facts: ${path}: ${issue.message}`);
  }
  for (const [toolId, tool] of Object.entries(parsed.output)) {
    if (catalogIds && !catalogIds.has(toolId))
      throw new VendorFactsError(`vendor facts: ${toolId} is not a catalog tool`);
    const seen = new Set<string>();
    for (const fact of tool.facts) {
      const host = hostOf(fact.source);
      if (!tool.vendorDomains.some((domain) => onDomain(host, domain)))
        throw new VendorFactsError(
          `vendor facts: ${toolId} ${fact.topic}/${fact.plan}: ${fact.source} is not on the vendor's own domains (${tool.vendorDomains.join(', ')})`,
        );
      const key = `${fact.topic}/${fact.plan}`;
      if (seen.has(key))
        throw new VendorFactsError(`vendor facts: ${toolId} has two facts for ${key}`);
      seen.add(key);
    }
  }
  return parsed.output;
}

let loaded: Readonly<Record<string, ToolFacts>> | undefined;
function facts(): Readonly<Record<string, ToolFacts>> {
  loaded ??= Object.freeze(validateVendorFacts(data));
  return loaded;
}

/** One cell: the fact that holds for a plan (its own, or one stated for every plan), or unknown. */
export type FactCell = VendorFact | 'unknown';

export interface VendorFactSheet {
  toolId: string;
  /** topic → plan → the fact, or 'unknown'. */
  cells: Readonly<Record<FactTopic, Readonly<Record<FactPlan, FactCell>>>>;
  /** How many facts were read for the tool (0: everything is unknown). */
  known: number;
}

/**
 * The vendor facts of a catalog tool (by its id, which is also a detection's tool key), per topic
 * and plan. A tool nobody has read facts for gets a sheet of 'unknown'.
 */
export function vendorFactsOf(toolId: string): VendorFactSheet {
  const tool = Object.hasOwn(facts(), toolId) ? facts()[toolId] : undefined;
  return factSheet(toolId, tool?.facts ?? []);
}

/** A sheet from a tool's facts: a plan's own fact first, then one stated for every plan. */
export function factSheet(toolId: string, list: readonly VendorFact[]): VendorFactSheet {
  const cell = (topic: FactTopic, plan: FactPlan): FactCell =>
    list.find((f) => f.topic === topic && f.plan === plan) ??
    list.find((f) => f.topic === topic && f.plan === 'all') ??
    'unknown';
  const cells = Object.fromEntries(
    FACT_TOPICS.map((topic) => [
      topic,
      Object.fromEntries(FACT_PLANS.map((plan) => [plan, cell(topic, plan)])),
    ]),
  ) as VendorFactSheet['cells'];
  return { toolId, cells, known: list.length };
}

/** The tool ids that have at least one vendor fact. */
export function toolsWithVendorFacts(): string[] {
  return Object.keys(facts()).sort();
}
