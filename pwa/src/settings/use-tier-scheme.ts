import type * as Y from 'yjs';
import { DEFAULT_TIER_SCHEME } from '../../../shared/classification/index.ts';
import {
  readTierScheme,
  type WorkspaceTierScheme,
} from '../../../shared/documents/registry/index.ts';
import { useDocument } from '../sync/use-document.ts';

const NO_SCHEME: WorkspaceTierScheme = {
  scheme: DEFAULT_TIER_SCHEME,
  isDefault: true,
  removed: [],
  problems: [],
};

/** The workspace's tier scheme from the registry, read without trust; the default without one. */
export const useTierScheme = (registry: Y.Doc | undefined) =>
  useDocument(registry, readTierScheme, NO_SCHEME);
