import agents from './data/agents.json' with { type: 'json' };
import audio from './data/audio.json' with { type: 'json' };
import chat from './data/chat.json' with { type: 'json' };
import coding from './data/coding.json' with { type: 'json' };
import extensions from './data/extensions.json' with { type: 'json' };
import image from './data/image.json' with { type: 'json' };
import imported from './data/imported.json' with { type: 'json' };
import inference from './data/inference.json' with { type: 'json' };
import meetings from './data/meetings.json' with { type: 'json' };
import other from './data/other.json' with { type: 'json' };
import productivity from './data/productivity.json' with { type: 'json' };
import search from './data/search.json' with { type: 'json' };
import video from './data/video.json' with { type: 'json' };
import writing from './data/writing.json' with { type: 'json' };
import type { ToolEntry } from './schema.ts';
import { validateCatalog } from './validate-catalog.ts';

/**
 * The catalog's version: the date of its last data change. Bump it with every change to data/,
 * so that a workspace can tell which catalog its extensions match with.
 */
export const CATALOG_VERSION = '2026.12.07';

/** Every data file, one per category (see docs/catalog.md). */
const files: unknown[][] = [
  chat,
  coding,
  writing,
  image,
  video,
  audio,
  meetings,
  search,
  agents,
  inference,
  productivity,
  extensions,
  other,
  // Grown from public sources by scripts/catalog-import (provenance: imported-provenance.json).
  imported,
];

let loaded: readonly ToolEntry[] | undefined;

/** The built-in catalog, validated once on first use (an invalid catalog throws CatalogError). */
export function builtInCatalog(): readonly ToolEntry[] {
  loaded ??= Object.freeze(validateCatalog(files.flat()));
  return loaded;
}
