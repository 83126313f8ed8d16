import type * as Y from 'yjs';
import type { ToolEntry } from '../../catalog/schema.ts';
import { defineSchema, migrate, type MigrationResult } from '../schema/version.ts';

/**
 * `<workspace>/policy`: what leads decide and every extension reads (banners, custom detection).
 *
 *   meta      schemaVersion
 *   statuses  toolKey → { status, guidance, alternative?, updatedBy, updatedAt }
 *   tools     id → { name, vendor, category, hosts[], apiHosts[], extensionIds[], facts }:
 *             the workspace's own catalog additions (an id of a catalog tool replaces it)
 *   settings  { workspaceName, attributedReporting }
 *
 * One nested map per status and per tool, so leads editing different tools never collide.
 */
export { META } from '../schema/version.ts';
export const STATUSES = 'statuses';
export const TOOLS = 'tools';
export const SETTINGS = 'settings';

export const SCHEMA_VERSION = 1;
export const POLICY_SCHEMA = defineSchema({
  version: SCHEMA_VERSION,
  migrations: [
    // 1: the first layout. A new document needs nothing: top-level maps appear on first use.
    { version: 1, up: () => {} },
  ],
});

/** Brings the policy up to this code's schema; 'newer' means: open it read-only. */
export function migratePolicy(doc: Y.Doc): MigrationResult {
  return migrate(doc, POLICY_SCHEMA);
}

export const TOOL_STATUSES = ['approved', 'restricted', 'banned', 'unreviewed'] as const;
export type ToolStatusValue = (typeof TOOL_STATUSES)[number];

export const MAX_GUIDANCE = 2000;
export const MAX_ALTERNATIVE = 200;
export const MAX_PERSON = 200;
export const MAX_WORKSPACE_NAME = 100;
/** A workspace tool's host lists; the largest catalog entry has 30. */
export const MAX_TOOL_LIST = 200;

export interface ToolStatus {
  status: ToolStatusValue;
  /** What employees are told; empty when there is nothing to say. */
  guidance: string;
  /** A tool key or free text: what to use instead. */
  alternative?: string;
  updatedBy: string;
  updatedAt: number;
}

export interface PolicySettings {
  workspaceName?: string;
  /** Off unless a workspace chooses it: reports then name their reporters in discoveries. */
  attributedReporting: boolean;
}

export interface Policy {
  schemaVersion?: number;
  statuses: Map<string, ToolStatus>;
  /** The valid workspace tools, by id. */
  tools: ToolEntry[];
  settings: PolicySettings;
  problems: string[];
}
