import { builtInCatalog } from '../../../shared/catalog/catalog.ts';

/**
 * Where the banner's content script runs: every catalogued AI product host and its subdomains,
 * never API hosts (pages do not live there) and never other sites.
 *
 * WXT evaluates this at build time, in Node, to write the manifest; there `ENTRYPOINT` is not set.
 * Inside the built content script WXT defines `import.meta.env.ENTRYPOINT`, the early return is
 * constant, and the bundler drops the catalog: the list lives in the manifest, not in every page.
 */
export function bannerMatches(): string[] {
  if (import.meta.env.ENTRYPOINT) return [];
  const hosts = new Set(builtInCatalog().flatMap((tool) => tool.hosts));
  return [...hosts].map((host) => `*://*.${host}/*`).sort();
}
