import type { DatabaseSync } from 'node:sqlite';

/** What the relay knows of one enrolled extension from its report (docs/sync.md EXT1). */
export interface ReporterClient {
  reporterId: string;
  /** `meta.extensionVersion` of its report; null until it has written one. */
  version: string | null;
  /** Why the browser's policy last failed to enrol it, as it said in its report. */
  policyError: { message: string; at: number } | null;
}

/**
 * Each extension's version and policy-enrolment error, copied from its report when they change
 * (the reports are the extension's own words; reading them here keeps the admin's list one
 * query). Written only on a change: a report that changes every few minutes costs a read, not a
 * write.
 */
export class ReporterClients {
  readonly #get;
  readonly #upsert;
  readonly #ofWorkspace;

  constructor(db: DatabaseSync) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS reporter_clients (
        workspace TEXT NOT NULL,
        reporter TEXT NOT NULL,
        version TEXT,
        policy_error TEXT,
        policy_error_at INTEGER,
        PRIMARY KEY (workspace, reporter)
      );
    `);
    this.#get = db.prepare(
      'SELECT version, policy_error, policy_error_at FROM reporter_clients WHERE workspace = ? AND reporter = ?',
    );
    this.#upsert = db.prepare(
      `INSERT INTO reporter_clients (workspace, reporter, version, policy_error, policy_error_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (workspace, reporter) DO UPDATE SET version = excluded.version,
         policy_error = excluded.policy_error, policy_error_at = excluded.policy_error_at`,
    );
    this.#ofWorkspace = db.prepare(
      'SELECT reporter, version, policy_error, policy_error_at FROM reporter_clients WHERE workspace = ?',
    );
  }

  /** Records what a report says; whether it was a change (and so written). */
  update(workspace: string, client: ReporterClient): boolean {
    const row = this.#get.get(workspace, client.reporterId) as Row | undefined;
    const next = [
      client.version,
      client.policyError?.message ?? null,
      client.policyError?.at ?? null,
    ];
    if (
      row &&
      row.version === next[0] &&
      row.policy_error === next[1] &&
      (row.policy_error_at === null ? null : Number(row.policy_error_at)) === next[2]
    ) {
      return false;
    }
    this.#upsert.run(workspace, client.reporterId, ...next);
    return true;
  }

  /** Every extension of a workspace that has reported, by reporter id. */
  ofWorkspace(workspace: string): Map<string, ReporterClient> {
    return clientsByReporter(this.#ofWorkspace.all(workspace) as unknown as ClientRow[]);
  }
}

interface Row {
  version: string | null;
  policy_error: string | null;
  policy_error_at: number | string | null;
}

/** A row of `reporter_clients` (SQLite or Postgres: a BIGINT time may come as a string). */
export type ClientRow = Row & { reporter: string };

/** Rows of `reporter_clients`, by reporter id. */
export function clientsByReporter(rows: readonly ClientRow[]): Map<string, ReporterClient> {
  return new Map(
    rows.map((row) => [
      row.reporter,
      {
        reporterId: row.reporter,
        version: row.version,
        policyError:
          row.policy_error !== null && row.policy_error_at !== null
            ? { message: row.policy_error, at: Number(row.policy_error_at) }
            : null,
      },
    ]),
  );
}
