import * as Y from 'yjs';
import {
  writeDiscovery,
  type Discovery,
  type DiscoveryAggregate,
} from '../../../shared/documents/discoveries/index.ts';

const DAY = 86_400_000;
export const day = (n: number) => Date.UTC(2026, 0, 1) + n * DAY;

/** A discovery with sensible defaults, for tests. */
export function aggregate(overrides: Partial<DiscoveryAggregate> = {}): DiscoveryAggregate {
  return {
    name: 'ChatGPT',
    category: 'chat-assistant',
    reporters: 1,
    firstSeen: day(0),
    lastSeen: day(1),
    signals: ['visit'],
    hosts: ['chatgpt.com'],
    embeddedIn: [],
    flagCount: 0,
    purposes: [],
    dataCategories: [],
    ...overrides,
  };
}

/** A discovery as the reader gives it: the relay first knew of it when first seen, unless told. */
export function discovery(toolKey: string, overrides: Partial<Discovery> = {}): Discovery {
  const tool = aggregate(overrides);
  return { toolKey, ...tool, firstReportedAt: tool.firstSeen, ...overrides };
}

/** A discoveries document written through the shared writer, as the relay writes it. */
export function discoveriesDoc(tools: Record<string, Partial<DiscoveryAggregate>>): Y.Doc {
  const doc = new Y.Doc();
  for (const [toolKey, overrides] of Object.entries(tools)) {
    writeDiscovery(doc, toolKey, aggregate(overrides));
  }
  return doc;
}
