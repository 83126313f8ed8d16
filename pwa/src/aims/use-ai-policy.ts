import type * as Y from 'yjs';
import { readAiPolicy, type AiPolicyRegister } from '../../../shared/documents/aims/index.ts';
import {
  readPublishedAiPolicy,
  type PublishedAiPolicyRead,
} from '../../../shared/documents/policy/ai-policy.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';

const NO_POLICY: AiPolicyRegister = { versions: [], problems: [] };
const NOT_PUBLISHED: PublishedAiPolicyRead = { problems: [] };

const readVersions = sharedReader((doc) => ({ read: () => readAiPolicy(doc) }));
const readPublished = sharedReader((doc) => ({ read: () => readPublishedAiPolicy(doc) }));

/** The AI policy's versions in the registry. */
export const useAiPolicy = (registry: Y.Doc | undefined) =>
  useDocument(registry, readVersions, NO_POLICY);

/** The version published to the extensions, in the policy document. */
export const usePublishedAiPolicy = (policy: Y.Doc | undefined) =>
  useDocument(policy, readPublished, NOT_PUBLISHED);
