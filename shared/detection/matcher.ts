import type { Category, ToolEntry } from '../catalog/schema.ts';

/** `likely`: not in the catalog, but the name says AI (with-likely-ai.ts). */
export type MatchedBy = 'host' | 'subdomain' | 'api-host' | 'likely';

export interface Match {
  /** The hostname that was looked up (normalised). */
  host: string;
  toolId: string;
  toolName: string;
  category: Category;
  matchedBy: MatchedBy;
  /** The catalog host or API host that matched (for a likely-AI host: its registrable domain). */
  matchedHost: string;
  /** Only when matchedBy is `likely`: how sure, and why. */
  likely?: { score: number; reasons: readonly string[] };
}

export interface Matcher {
  /**
   * Looks up a normalised hostname (lower case, no port): the hot path. Never throws. The result
   * may be shared between lookups, so it is read-only.
   */
  matchHostname(host: string): Readonly<Match> | undefined;
  /** The tool that owns a browser extension id. */
  matchExtensionId(id: string): ToolEntry | undefined;
  tool(id: string): ToolEntry | undefined;
  readonly toolCount: number;
  readonly hostCount: number;
}

interface Target {
  tool: ToolEntry;
  host: string;
  api: boolean;
  /** The answer for a lookup of exactly this host, made once and shared (frozen). */
  exact: Readonly<Match>;
}

function target(tool: ToolEntry, host: string, api: boolean): Target {
  const exact: Match = Object.freeze({
    host,
    toolId: tool.id,
    toolName: tool.name,
    category: tool.category,
    matchedBy: api ? 'api-host' : 'host',
    matchedHost: host,
  });
  return { tool, host, api, exact };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over a label's characters read right to left (the order a lookup meets them in), folded
 * into the small-integer range V8 keeps unboxed.
 */
function labelHash(label: string): number {
  let hash = FNV_OFFSET;
  for (let i = label.length - 1; i >= 0; i--)
    hash = Math.imul(hash ^ label.charCodeAt(i), FNV_PRIME);
  return hash & 0x3fffffff;
}

/**
 * A trie of hostname labels read from the right, stored flat: node n has a parent, a label and
 * maybe a target, and one open-addressing hash table (typed arrays, linear probing) maps
 * (parent, label hash) to the child. A probe touches a few integers and compares the label only
 * when the hash agrees.
 */
class LabelTrie {
  #parent: number[] = [-1];
  #hash: number[] = [0];
  #label: string[] = [''];
  readonly targets: (Target | undefined)[] = [undefined];

  static readonly ROOT = 0;

  /** Adds a hostname's labels (right to left) and returns its node. */
  insert(host: string): number {
    let node = LabelTrie.ROOT;
    const labels = host.split('.');
    for (let i = labels.length - 1; i >= 0; i--) {
      const label = labels[i]!;
      const hash = labelHash(label);
      let next = this.#findSlow(node, hash, label);
      if (next < 0) {
        next = this.#parent.length;
        this.#parent.push(node);
        this.#hash.push(hash);
        this.#label.push(label);
        this.targets.push(undefined);
      }
      node = next;
    }
    return node;
  }

  #findSlow(parent: number, hash: number, label: string): number {
    for (let n = 1; n < this.#parent.length; n++) {
      if (this.#parent[n] === parent && this.#hash[n] === hash && this.#label[n] === label)
        return n;
    }
    return -1;
  }

  /**
   * Builds the hash table once every host is in and returns the lookup: a closure over typed
   * arrays, which is what keeps a probe to a few integer reads.
   */
  seal(): (parent: number, labelHash: number, text: string, start: number, end: number) => number {
    const count = this.#parent.length;
    let size = 16;
    while (size < count * 4) size *= 2;
    const slots = new Int32Array(size).fill(-1);
    const slotKeys = new Int32Array(size);
    const parents = Int32Array.from(this.#parent);
    const labels = this.#label.slice();
    const mask = size - 1;
    for (let n = 1; n < count; n++) {
      const key = mix(parents[n]!, this.#hash[n]!);
      let slot = key & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = n;
      slotKeys[slot] = key;
    }
    return (parent, labelHash, text, start, end) => {
      const key = mix(parent, labelHash);
      let slot = key & mask;
      for (;;) {
        const node = slots[slot]!;
        if (node === -1) return -1;
        if (slotKeys[slot] === key && parents[node] === parent) {
          const label = labels[node]!;
          if (label.length === end - start && sameChars(label, text, start)) return node;
        }
        slot = (slot + 1) & mask;
      }
    };
  }
}

/** Whether `text` holds `label` at `start` (a plain loop: labels are short, and it inlines). */
function sameChars(label: string, text: string, start: number): boolean {
  for (let k = 0; k < label.length; k++)
    if (label.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

function mix(parent: number, hash: number): number {
  return (hash ^ Math.imul(parent + 1, 0x9e3779b1)) & 0x3fffffff;
}

/**
 * Compiles the catalog, plus a workspace's own tools, into a trie of hostname labels read from the
 * right: a lookup costs one hash probe per label and allocates nothing. The longest catalogued
 * suffix wins, so `sora.chatgpt.com` can belong to another tool than `chatgpt.com`. A workspace tool
 * replaces a catalog tool with the same id, and wins any host the catalog also claims.
 */
export function compileMatcher(
  catalog: readonly ToolEntry[],
  workspaceTools: readonly ToolEntry[] = [],
): Matcher {
  const byId = new Map<string, ToolEntry>();
  for (const tool of catalog) byId.set(tool.id, tool);
  for (const tool of workspaceTools) byId.set(tool.id, tool);
  const trie = new LabelTrie();
  const byExtension = new Map<string, ToolEntry>();
  let hostCount = 0;
  // Workspace tools go in last, so that where they claim a catalog host, theirs is the one kept.
  const fromWorkspace = new Set(workspaceTools);
  const ordered = [...byId.values()].sort(
    (a, b) => Number(fromWorkspace.has(a)) - Number(fromWorkspace.has(b)),
  );
  for (const tool of ordered) {
    for (const host of tool.hosts) trie.targets[trie.insert(host)] = target(tool, host, false);
    for (const host of tool.apiHosts) trie.targets[trie.insert(host)] = target(tool, host, true);
    for (const id of tool.extensionIds) byExtension.set(id, tool);
    hostCount += tool.hosts.length + tool.apiHosts.length;
  }
  const child = trie.seal();
  const targets = trie.targets;

  function matchHostname(host: string): Match | undefined {
    if (typeof host !== 'string') return undefined;
    // One pass over the characters from the right, hashing each label as it goes and probing
    // when it ends; the walk stops at the first label the catalog does not know.
    let node = LabelTrie.ROOT;
    let best: Target | undefined;
    let end = host.length;
    let hash = FNV_OFFSET;
    let i = end - 1;
    for (;;) {
      const code = i >= 0 ? host.charCodeAt(i) : 46; // the start of the string ends a label too
      if (code !== 46) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        i--;
        continue;
      }
      if (i + 1 === end) break; // an empty label: not a hostname
      node = child(node, hash & 0x3fffffff, host, i + 1, end);
      if (node < 0) break;
      const target = targets[node];
      if (target !== undefined) best = target;
      if (i < 0) break;
      end = i;
      i--;
      hash = FNV_OFFSET;
    }
    if (best === undefined) return undefined;
    if (host.length === best.host.length) return best.exact;
    return {
      host,
      toolId: best.tool.id,
      toolName: best.tool.name,
      category: best.tool.category,
      matchedBy: best.api ? 'api-host' : 'subdomain',
      matchedHost: best.host,
    };
  }

  return {
    matchHostname,
    matchExtensionId: (id) => byExtension.get(id),
    tool: (id) => byId.get(id),
    toolCount: byId.size,
    hostCount,
  };
}
