import type { DatabaseSync } from 'node:sqlite';
import type { ReporterActivity, ReporterRow } from '../../../shared/documents/discoveries/index.ts';
import type { ReporterToolSummary } from '../../../shared/documents/report/index.ts';
import { transaction } from '../../storage/database.ts';

const DAY = 86_400_000;

/**
 * Each reporter's per-tool summary, kept in SQLite so that the discoveries of a tool can be
 * recomputed from every report without loading thousands of report documents (docs/sync.md D2).
 */
export class SummaryStore {
  readonly #db: DatabaseSync;
  readonly #ofReporter;
  readonly #upsert;
  readonly #delete;
  readonly #ofTool;
  readonly #setLastSeen;
  readonly #forgetReporter;
  readonly #activeSince;

  constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec(`
      CREATE TABLE IF NOT EXISTS reporter_summaries (
        workspace TEXT NOT NULL,
        reporter TEXT NOT NULL,
        tool_key TEXT NOT NULL,
        summary TEXT NOT NULL,
        PRIMARY KEY (workspace, reporter, tool_key)
      );
      CREATE INDEX IF NOT EXISTS reporter_summaries_by_tool ON reporter_summaries (workspace, tool_key);
    `);
    // Each reporter's latest sighting, so counting active extensions is an index range (D5).
    const hadActivity = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reporter_activity'")
      .get();
    db.exec(`
      CREATE TABLE IF NOT EXISTS reporter_activity (
        workspace TEXT NOT NULL,
        reporter TEXT NOT NULL,
        last_seen INTEGER NOT NULL,
        PRIMARY KEY (workspace, reporter)
      );
      CREATE INDEX IF NOT EXISTS reporter_activity_by_time ON reporter_activity (workspace, last_seen);
    `);
    // A data folder from before the table: filled once from the summaries already there.
    if (!hadActivity) {
      db.exec(`
        INSERT OR REPLACE INTO reporter_activity (workspace, reporter, last_seen)
        SELECT workspace, reporter, MAX(CAST(json_extract(summary, '$.lastSeen') AS INTEGER))
        FROM reporter_summaries GROUP BY workspace, reporter
      `);
    }
    this.#ofReporter = db.prepare(
      'SELECT tool_key, summary FROM reporter_summaries WHERE workspace = ? AND reporter = ?',
    );
    this.#upsert = db.prepare(
      `INSERT INTO reporter_summaries (workspace, reporter, tool_key, summary) VALUES (?, ?, ?, ?)
       ON CONFLICT (workspace, reporter, tool_key) DO UPDATE SET summary = excluded.summary`,
    );
    this.#delete = db.prepare(
      'DELETE FROM reporter_summaries WHERE workspace = ? AND reporter = ? AND tool_key = ?',
    );
    this.#ofTool = db.prepare(
      'SELECT reporter, summary FROM reporter_summaries WHERE workspace = ? AND tool_key = ?',
    );
    this.#setLastSeen = db.prepare(
      `INSERT INTO reporter_activity (workspace, reporter, last_seen) VALUES (?, ?, ?)
       ON CONFLICT (workspace, reporter) DO UPDATE SET last_seen = excluded.last_seen`,
    );
    this.#forgetReporter = db.prepare(
      'DELETE FROM reporter_activity WHERE workspace = ? AND reporter = ?',
    );
    this.#activeSince = db.prepare(
      'SELECT COUNT(*) AS n FROM reporter_activity WHERE workspace = ? AND last_seen >= ?',
    );
  }

  /** Replaces one reporter's summaries; returns the tool keys whose summary changed. */
  replaceReporter(
    workspace: string,
    reporter: string,
    summaries: readonly ReporterToolSummary[],
  ): string[] {
    return transaction(this.#db, () => {
      const previous = new Map(
        (this.#ofReporter.all(workspace, reporter) as { tool_key: string; summary: string }[]).map(
          (row) => [row.tool_key, row.summary],
        ),
      );
      const changed: string[] = [];
      for (const summary of summaries) {
        const json = JSON.stringify(summary);
        if (previous.get(summary.toolKey) !== json) {
          this.#upsert.run(workspace, reporter, summary.toolKey, json);
          changed.push(summary.toolKey);
        }
        previous.delete(summary.toolKey);
      }
      for (const toolKey of previous.keys()) {
        this.#delete.run(workspace, reporter, toolKey);
        changed.push(toolKey);
      }
      if (summaries.length === 0) this.#forgetReporter.run(workspace, reporter);
      else {
        const lastSeen = Math.max(...summaries.map((summary) => summary.lastSeen));
        this.#setLastSeen.run(workspace, reporter, lastSeen);
      }
      return changed;
    });
  }

  /**
   * How many reporters saw or flagged anything today or in the 6 (or 29) days before: times are
   * kept at day precision, so the windows are whole UTC days.
   */
  activity(workspace: string, now: number): ReporterActivity {
    const today = Math.floor(now / DAY) * DAY;
    const since = (days: number) =>
      Number((this.#activeSince.get(workspace, today - (days - 1) * DAY) as { n: number }).n);
    return { reporters7d: since(7), reporters30d: since(30), computedAt: now };
  }

  /** Every reporter's summary of one tool. */
  rowsForTool(workspace: string, toolKey: string): ReporterRow[] {
    return (this.#ofTool.all(workspace, toolKey) as { reporter: string; summary: string }[]).map(
      (row) => ({
        ...(JSON.parse(row.summary) as ReporterToolSummary),
        reporterId: row.reporter,
      }),
    );
  }
}
