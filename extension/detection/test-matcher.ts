import type { ToolEntry } from '../../shared/catalog/schema.ts';
import { builtInCatalog } from '../../shared/catalog/catalog.ts';
import { compileMatcher, type Matcher } from '../../shared/detection/matcher.ts';

/** A workspace's own tool, as its policy document brings it (tests only). */
export const ACME_TOOL: ToolEntry = {
  id: 'acme-llm',
  name: 'Acme LLM',
  vendor: 'Acme',
  category: 'chat-assistant',
  hosts: ['llm.acme.internal'],
  apiHosts: ['api.llm.acme.internal'],
  extensionIds: ['ppppppppppppppppppppppppppppppaa'],
  facts: {},
};

let matcher: Matcher | undefined;

/** The built-in catalog plus ACME_TOOL, compiled once for the detection tests. */
export function testMatcher(): Matcher {
  matcher ??= compileMatcher(builtInCatalog(), [ACME_TOOL]);
  return matcher;
}
