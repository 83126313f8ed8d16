import { fieldsOf, relayCaller } from './relay-call.ts';
import type { ApiResult } from './tokens-api.ts';

/** One enrolled extension as `GET /api/extensions` lists it (docs/sync.md EXT1–EXT3). */
export interface EnrolledExtension {
  reporterId: string;
  enrolledAt: number;
  revokedAt: number | null;
  /** Epoch ms of its last contact with the relay, to the hour; null: never. */
  lastSeenAt: number | null;
  code: { id: string; label: string | null } | null;
  /** The version its report gives; null until it has written one. */
  version: string | null;
  /** Why the browser's policy last failed to enrol it, as the extension said. */
  policyError: { message: string; at: number } | null;
}

export interface EnrolledExtensions {
  extensions: EnrolledExtension[];
  /** Working (not revoked) extensions per version, most first. */
  versions: { version: string; count: number }[];
}

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;
const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.length <= max ? value : null;

/** One row, read without trust; undefined for a row of the wrong shape. */
function readExtension(value: unknown): EnrolledExtension | undefined {
  const row = fieldsOf(value);
  const reporterId = text(row.reporterId, 64);
  if (reporterId === null || !isTime(row.enrolledAt)) return undefined;
  const code = fieldsOf(row.code);
  const error = fieldsOf(row.policyError);
  const message = text(error.message, 300);
  return {
    reporterId,
    enrolledAt: row.enrolledAt,
    revokedAt: isTime(row.revokedAt) ? row.revokedAt : null,
    lastSeenAt: isTime(row.lastSeenAt) ? row.lastSeenAt : null,
    code: typeof code.id === 'string' ? { id: code.id, label: text(code.label, 200) } : null,
    version: text(row.version, 64),
    policyError: message && isTime(error.at) ? { message, at: error.at } : null,
  };
}

function readExtensions(answer: unknown): EnrolledExtensions | undefined {
  const { extensions, versions } = fieldsOf(answer);
  if (!Array.isArray(extensions) || !Array.isArray(versions)) return undefined;
  return {
    extensions: extensions.map(readExtension).filter((row) => row !== undefined),
    versions: versions.flatMap((value) => {
      const { version, count } = fieldsOf(value);
      const name = text(version, 64);
      return name !== null && typeof count === 'number' && Number.isInteger(count) && count >= 0
        ? [{ version: name, count }]
        : [];
    }),
  };
}

/** `GET /api/extensions` with this device's token; never throws. */
export function fetchEnrolledExtensions(
  token: string,
  fetcher: typeof fetch = (...args) => fetch(...args),
  base = '',
): Promise<ApiResult<EnrolledExtensions>> {
  return relayCaller(token, fetcher, base)('GET', '/api/extensions', readExtensions);
}
