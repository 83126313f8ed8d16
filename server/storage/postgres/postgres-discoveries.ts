import type pg from 'pg';
import {
  MAX_REPORTER_IDS,
  type PolicyAckCount,
} from '../../../shared/documents/discoveries/index.ts';
import type { PolicyAck } from '../../../shared/documents/report/index.ts';
import {
  clientsByReporter,
  type ClientRow,
  type ReporterClient,
} from '../../relay/discoveries/reporter-clients.ts';
import {
  activitySince,
  type PolicyAckStorage,
  type ReporterClientStorage,
} from '../relay-storage.ts';
import { lockKey, transaction } from './transaction.ts';

/**
 * Each reporter's acknowledgements of the AI policy (docs/sync.md ACK1), in `policy_acks`; a
 * version's count joins the summaries' `reporter_activity`, the dashboard's 30 days (ACK2).
 */
export class PostgresPolicyAcks implements PolicyAckStorage {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  replaceReporter(
    workspace: string,
    reporter: string,
    acks: readonly PolicyAck[],
  ): Promise<boolean> {
    return transaction(this.#pool, async (client) => {
      // Two relays deriving from one report at once take turns (a reconnect moved it).
      await lockKey(client, `policy-acks:${workspace}/${reporter}`);
      const { rows } = await client.query<{ version_id: string; number: number; day: string }>(
        'SELECT version_id, number, day FROM policy_acks WHERE workspace = $1 AND reporter = $2',
        [workspace, reporter],
      );
      const previous = new Map(rows.map((row) => [row.version_id, `${row.number} ${row.day}`]));
      let changed = false;
      for (const ack of acks) {
        if (previous.get(ack.versionId) !== `${ack.number} ${ack.day}`) {
          await client.query(
            `INSERT INTO policy_acks (workspace, reporter, version_id, number, day)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (workspace, reporter, version_id)
             DO UPDATE SET number = excluded.number, day = excluded.day`,
            [workspace, reporter, ack.versionId, ack.number, ack.day],
          );
          changed = true;
        }
        previous.delete(ack.versionId);
      }
      for (const versionId of previous.keys()) {
        await client.query(
          'DELETE FROM policy_acks WHERE workspace = $1 AND reporter = $2 AND version_id = $3',
          [workspace, reporter, versionId],
        );
        changed = true;
      }
      return changed;
    });
  }

  async counts(
    workspace: string,
    now: number,
    active: number,
    { attributed }: { attributed: boolean },
  ): Promise<PolicyAckCount[]> {
    const { rows } = await this.#pool.query<{
      version_id: string;
      number: number;
      acknowledged: string;
      of_active: string;
    }>(
      `SELECT p.version_id, MAX(p.number) AS number, COUNT(*) AS acknowledged,
              COUNT(*) FILTER (WHERE a.last_seen >= $2) AS of_active
       FROM policy_acks p
       LEFT JOIN reporter_activity a ON a.workspace = p.workspace AND a.reporter = p.reporter
       WHERE p.workspace = $1
       GROUP BY p.version_id`,
      [workspace, activitySince(now, 30)],
    );
    return Promise.all(
      rows.map(async (row) => {
        const count: PolicyAckCount = {
          versionId: row.version_id,
          number: Number(row.number),
          acknowledged: Number(row.acknowledged),
          ofActive: Math.min(Number(row.of_active), active),
          active,
          computedAt: now,
        };
        if (attributed) {
          const who = await this.#pool.query<{ reporter: string }>(
            `SELECT reporter FROM policy_acks WHERE workspace = $1 AND version_id = $2
             ORDER BY day DESC, reporter LIMIT ${MAX_REPORTER_IDS}`,
            [workspace, row.version_id],
          );
          count.reporterIds = who.rows.map((r) => r.reporter);
        }
        return count;
      }),
    );
  }
}

/** Each extension's version and policy-enrolment error from its report (EXT1), in `reporter_clients`. */
export class PostgresReporterClients implements ReporterClientStorage {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async update(workspace: string, client: ReporterClient): Promise<boolean> {
    // Written only on a change (IS DISTINCT FROM: nulls compare as values), in one statement.
    const result = await this.#pool.query(
      `INSERT INTO reporter_clients (workspace, reporter, version, policy_error, policy_error_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workspace, reporter) DO UPDATE SET version = excluded.version,
         policy_error = excluded.policy_error, policy_error_at = excluded.policy_error_at
       WHERE (reporter_clients.version, reporter_clients.policy_error, reporter_clients.policy_error_at)
         IS DISTINCT FROM (excluded.version, excluded.policy_error, excluded.policy_error_at)`,
      [
        workspace,
        client.reporterId,
        client.version,
        client.policyError?.message ?? null,
        client.policyError?.at ?? null,
      ],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async ofWorkspace(workspace: string): Promise<Map<string, ReporterClient>> {
    const { rows } = await this.#pool.query<ClientRow>(
      'SELECT reporter, version, policy_error, policy_error_at FROM reporter_clients WHERE workspace = $1',
      [workspace],
    );
    return clientsByReporter(rows);
  }
}
