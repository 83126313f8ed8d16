import { vendorFactsOf } from '../catalog/vendor-facts/vendor-facts.ts';
import { factValueWords, knownFactLines } from '../catalog/vendor-facts/words.ts';

/**
 * The vendor facts of a record's detected tools in the register export (docs/catalog.md,
 * "Vendor facts"), read through the same accessor as the PWA: a CSV column after the register's
 * own, and a `vendorFacts` list in the JSON. Only catalog tools have facts (a `host:` key has none).
 */

/** The CSV column (after REGISTER_COLUMNS; an import of the register leaves it out). */
export const VENDOR_FACTS_COLUMN = 'Vendor facts';

const catalogKeys = (toolKeys: readonly string[]) => toolKeys.filter((key) => !key.includes(':'));

/**
 * One cell: every known fact as `topic (plan): value [page read day]`, joined with `separator`,
 * prefixed with the tool id when the record has several tools; "unknown" when its tools have no
 * facts; empty when it has no catalog tool.
 */
export function vendorFactsCell(toolKeys: readonly string[], separator: string): string {
  const keys = catalogKeys(toolKeys);
  if (keys.length === 0) return '';
  const lines = keys.flatMap((key) =>
    knownFactLines(vendorFactsOf(key)).map((line) => (keys.length > 1 ? `${key}: ${line}` : line)),
  );
  return lines.length === 0 ? 'unknown' : lines.join(separator);
}

/** The JSON: per catalog tool, its known facts in full (a tool with no facts is unknown). */
export function vendorFactsJson(toolKeys: readonly string[]) {
  const keys = catalogKeys(toolKeys);
  if (keys.length === 0) return undefined;
  return keys.map((toolId) => {
    const sheet = vendorFactsOf(toolId);
    const facts = Object.values(sheet.cells).flatMap((byPlan) =>
      Object.entries(byPlan).flatMap(([plan, cell]) =>
        cell === 'unknown'
          ? []
          : [
              {
                topic: cell.topic,
                plan,
                value: cell.value,
                words: factValueWords(cell),
                source: cell.source,
                read: cell.read,
                quote: cell.quote,
              },
            ],
      ),
    );
    return { toolId, facts };
  });
}
