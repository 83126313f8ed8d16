import type { DatabaseSync } from 'node:sqlite';
import {
  MAX_REPORTER_IDS,
  type PolicyAckCount,
} from '../../../shared/documents/discoveries/index.ts';
import type { PolicyAck } from '../../../shared/documents/report/index.ts';
import { transaction } from '../../storage/database.ts';

const DAY = 86_400_000;

/**
 * Each reporter's acknowledgements of the AI policy, kept in SQLite so that a version's count
 * is one query over every report, not a load of thousands of report documents (docs/sync.md
 * ACK1). "Active" is the summaries' `reporter_activity` (SummaryStore, D5): the same 30 days as
 * the dashboard's count, so the page's rate and the dashboard's figure agree.
 */
export class PolicyAckStore {
  readonly #db: DatabaseSync;
  readonly #ofReporter;
  readonly #insert;
  readonly #delete;
  readonly #counts;
  readonly #attributed;

  /** Needs SummaryStore's `reporter_activity` table: construct it after a SummaryStore. */
  constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec(`
      CREATE TABLE IF NOT EXISTS policy_acks (
        workspace TEXT NOT NULL,
        reporter TEXT NOT NULL,
        version_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (workspace, reporter, version_id)
      );
      CREATE INDEX IF NOT EXISTS policy_acks_by_version ON policy_acks (workspace, version_id);
    `);
    this.#ofReporter = db.prepare(
      'SELECT version_id, number, day FROM policy_acks WHERE workspace = ? AND reporter = ?',
    );
    this.#insert = db.prepare(
      `INSERT INTO policy_acks (workspace, reporter, version_id, number, day) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (workspace, reporter, version_id) DO UPDATE SET number = excluded.number, day = excluded.day`,
    );
    this.#delete = db.prepare(
      'DELETE FROM policy_acks WHERE workspace = ? AND reporter = ? AND version_id = ?',
    );
    this.#counts = db.prepare(`
      SELECT p.version_id AS versionId, MAX(p.number) AS number, COUNT(*) AS acknowledged,
             SUM(CASE WHEN a.last_seen >= ? THEN 1 ELSE 0 END) AS ofActive
      FROM policy_acks p
      LEFT JOIN reporter_activity a ON a.workspace = p.workspace AND a.reporter = p.reporter
      WHERE p.workspace = ?
      GROUP BY p.version_id
    `);
    this.#attributed = db.prepare(
      `SELECT reporter FROM policy_acks WHERE workspace = ? AND version_id = ?
       ORDER BY day DESC, reporter LIMIT ${MAX_REPORTER_IDS}`,
    );
  }

  /** Makes the store hold exactly this reporter's acknowledgements; whether anything changed. */
  replaceReporter(workspace: string, reporter: string, acks: readonly PolicyAck[]): boolean {
    return transaction(this.#db, () => {
      const previous = new Map(
        (
          this.#ofReporter.all(workspace, reporter) as {
            version_id: string;
            number: number;
            day: string;
          }[]
        ).map((row) => [row.version_id, `${row.number} ${row.day}`]),
      );
      let changed = false;
      for (const ack of acks) {
        if (previous.get(ack.versionId) !== `${ack.number} ${ack.day}`) {
          this.#insert.run(workspace, reporter, ack.versionId, ack.number, ack.day);
          changed = true;
        }
        previous.delete(ack.versionId);
      }
      for (const versionId of previous.keys()) {
        this.#delete.run(workspace, reporter, versionId);
        changed = true;
      }
      return changed;
    });
  }

  /**
   * Every version's count at `now`; `active` is the 30-day count of active extensions (the
   * caller's `activity.reporters30d`). With attributed reporting, who acknowledged.
   */
  counts(
    workspace: string,
    now: number,
    active: number,
    { attributed }: { attributed: boolean },
  ): PolicyAckCount[] {
    const since = Math.floor(now / DAY) * DAY - 29 * DAY;
    const rows = this.#counts.all(since, workspace) as {
      versionId: string;
      number: number;
      acknowledged: number;
      ofActive: number | null;
    }[];
    return rows.map((row) => {
      const count: PolicyAckCount = {
        versionId: row.versionId,
        number: Number(row.number),
        acknowledged: Number(row.acknowledged),
        ofActive: Math.min(Number(row.ofActive ?? 0), active),
        active,
        computedAt: now,
      };
      if (attributed) {
        count.reporterIds = (
          this.#attributed.all(workspace, row.versionId) as { reporter: string }[]
        ).map((r) => r.reporter);
      }
      return count;
    });
  }
}
