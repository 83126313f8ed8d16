/** The policy document (`<workspace>/policy`): statuses, workspace tools and settings. */
export * from './schema.ts';
export { setStatus } from './statuses.ts';
export { removeWorkspaceTool, setWorkspaceTool, type WorkspaceToolInput } from './tools.ts';
export { setSettings } from './settings.ts';
export { readPolicy } from './read.ts';
export {
  AI_POLICY,
  publishAiPolicy,
  readPublishedAiPolicy,
  type PublishedAiPolicy,
} from './ai-policy.ts';
export {
  ACCOUNT_DOMAINS,
  normaliseDomain,
  readAccountDomains,
  setAccountDomains,
} from './account-domains.ts';
