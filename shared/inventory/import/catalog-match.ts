import { foldWords, identityKey } from './words.ts';

/** What the match needs of a catalog tool (the built-in catalog and a workspace's own). */
export interface CatalogTool {
  id: string;
  name: string;
  vendor: string;
}

/**
 * Finds the catalog tool a spreadsheet row names, so that its record links to the tool's
 * detections: "Microsoft 365 Copilot" (or "microsoft-365 copilot", or "Microsoft 365 Copilot GCC")
 * is the tool `microsoft-365-copilot`. The longest catalog name that the row's name starts with,
 * word by word, wins; the vendor's name before it is allowed ("OpenAI ChatGPT"). A name two
 * tools share, or a row whose vendor is not the tool's, matches nothing: no guess.
 */
export function catalogMatcher(tools: Iterable<CatalogTool>) {
  const byName = new Map<string, CatalogTool | null>();
  for (const tool of tools) {
    const key = foldWords(tool.name);
    if (key === '') continue;
    const earlier = byName.get(key);
    // A workspace's tool replaces the built-in one of the same id; two different ids are ambiguous.
    byName.set(key, earlier === undefined || earlier?.id === tool.id ? tool : null);
  }
  const vendorFits = (tool: CatalogTool, vendor: string | undefined) => {
    if (vendor === undefined) return true;
    const a = identityKey(vendor);
    const b = identityKey(tool.vendor);
    return a === '' || a.includes(b) || b.includes(a);
  };
  const longestPrefix = (words: string[], vendor: string | undefined) => {
    for (let n = words.length; n > 0; n--) {
      const tool = byName.get(words.slice(0, n).join(' '));
      if (tool === null) return undefined;
      if (tool && vendorFits(tool, vendor)) return tool;
    }
    return undefined;
  };
  return (name: string, vendor?: string): CatalogTool | undefined => {
    const words = foldWords(name).split(' ').filter(Boolean);
    const direct = longestPrefix(words, vendor);
    if (direct) return direct;
    // "OpenAI ChatGPT": the vendor's words first, then the tool's name.
    for (let skip = 1; skip < words.length; skip++) {
      const tool = longestPrefix(words.slice(skip), vendor);
      if (tool && identityKey(tool.vendor) === words.slice(0, skip).join('')) return tool;
    }
    return undefined;
  };
}
