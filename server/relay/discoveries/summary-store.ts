import type { DatabaseSync } from 'node:sqlite';
import type { ReporterRow } from '../../../shared/documents/discoveries/index.ts';
import type { ReporterToolSummary } from '../../../shared/documents/report/index.ts';
import { transaction } from '../../storage/database.ts';

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
      return changed;
    });
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
