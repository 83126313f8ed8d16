import { useEffect, useState } from 'react';
import type { Facts, ToolEntry } from '../../../shared/catalog/schema.ts';

/** A tool as the browser and the palette show it: the built-in catalog's or the workspace's own. */
export interface CatalogTool extends ToolEntry {
  /** `workspace`: from the workspace catalog (it replaces a built-in tool of the same id). */
  source: 'built-in' | 'workspace';
}

let builtIn: Promise<readonly ToolEntry[]> | undefined;

/**
 * The built-in catalog, loaded on first use: it is a large module the inbox's first screen does
 * not need (npm run bench -- pwa-workspace).
 */
export function loadBuiltInCatalog(): Promise<readonly ToolEntry[]> {
  builtIn ??= import('../../../shared/catalog/catalog.ts').then((module) =>
    module.builtInCatalog(),
  );
  return builtIn;
}

/** The built-in catalog once loaded (undefined until then). */
export function useBuiltInCatalog(): readonly ToolEntry[] | undefined {
  const [tools, setTools] = useState<readonly ToolEntry[]>();
  useEffect(() => {
    let live = true;
    void loadBuiltInCatalog().then((loaded) => live && setTools(loaded));
    return () => {
      live = false;
    };
  }, []);
  return tools;
}

/**
 * Every tool the workspace detects with: the built-in catalog with the workspace's own tools
 * (which replace a built-in tool of the same id, as the matcher does), sorted by name.
 */
export function catalogTools(
  builtInTools: readonly ToolEntry[],
  workspaceTools: readonly ToolEntry[],
): CatalogTool[] {
  const byId = new Map<string, CatalogTool>();
  for (const tool of builtInTools) byId.set(tool.id, { ...tool, source: 'built-in' });
  for (const tool of workspaceTools) byId.set(tool.id, { ...tool, source: 'workspace' });
  return [...byId.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id),
  );
}

/** One vendor fact in words, with where and when it was read. */
export interface VendorFact {
  label: string;
  value: string;
  source: string;
  read?: string;
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/**
 * The tool's vendor facts in words — the one place the browser reads them (shared/catalog's
 * `facts`; the catalog work adds facts for more tools and fields: add a field's words here).
 */
export function vendorFacts(facts: Facts | undefined): VendorFact[] {
  if (!facts) return [];
  const lines: VendorFact[] = [];
  const add = (
    label: string,
    fact: { source: string; read?: string } | undefined,
    value: string,
  ) => {
    if (fact)
      lines.push({ label, value, source: fact.source, ...(fact.read ? { read: fact.read } : {}) });
  };
  add('Headquarters', facts.headquarters, facts.headquarters?.value ?? '');
  if (facts.trainsOnCustomerData)
    add(
      'Trains on customer data',
      facts.trainsOnCustomerData,
      yesNo(facts.trainsOnCustomerData.value),
    );
  for (const plan of ['free', 'paid', 'business', 'api'] as const) {
    const fact = facts.trainsByDefault?.[plan];
    if (fact) add(`Trains by default (${plan} plan)`, fact, yesNo(fact.value));
  }
  add('Data retention', facts.dataRetention, facts.dataRetention?.value ?? '');
  add('Certifications', facts.certifications, facts.certifications?.value.join(', ') ?? '');
  return lines;
}
