import type { DatabaseSync } from 'node:sqlite';
import type { Role } from '../../shared/auth/access.ts';

export interface TokenRecord {
  id: string;
  workspace: string;
  role: Role;
  reporterId: string | null;
  /**
   * What the token is for: an invitation, an enrolment code, an extension's own, the CLI's, or a
   * person's sign-in through the identity provider (docs/sync.md SSO5).
   */
  kind: 'invitation' | 'enrolment' | 'reporter' | 'cli' | 'session';
  label: string | null;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  /** The token id that minted this one (an enrolment code for a reporter); null: the command line. */
  mintedBy: string | null;
  /** For an enrolment code: how many reporters it may enrol at most (null: no cap). */
  maxReporters: number | null;
  /** When the token last opened a document (at most one write per few minutes); null: never. */
  lastSeenAt: number | null;
}

/** What a new token's record holds when minted. */
export type NewToken = Omit<TokenRecord, 'revokedAt' | 'mintedBy' | 'maxReporters' | 'lastSeenAt'> &
  Partial<Pick<TokenRecord, 'mintedBy' | 'maxReporters'>>;

/** The reporters an enrolment code made (docs/sync.md H2). */
export interface EnrolledReporters {
  count: number;
  /** Those not revoked. */
  active: number;
  lastSeenAt: number | null;
}

/**
 * Every token ever minted, by id (never the token itself: it is shown once, when minted). Kept so
 * that admins can list and revoke, and so that revocation reaches every relay process.
 */
export class TokenStore {
  readonly #insert;
  readonly #get;
  readonly #list;
  readonly #revoke;
  readonly #revokedSince;
  readonly #count;
  readonly #enrolled;
  readonly #reportersOf;
  readonly #revokeReportersOf;
  readonly #seen;
  readonly #reportersIn;

  constructor(db: DatabaseSync) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS tokens (
        id TEXT PRIMARY KEY,
        workspace TEXT NOT NULL,
        role TEXT NOT NULL,
        reporter_id TEXT,
        kind TEXT NOT NULL,
        label TEXT,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX IF NOT EXISTS tokens_by_workspace ON tokens (workspace, created_at);
      CREATE INDEX IF NOT EXISTS tokens_by_revocation ON tokens (revoked_at) WHERE revoked_at IS NOT NULL;
    `);
    // Columns added after the first release: a data folder made before gets them empty.
    const columns = new Set(
      (db.prepare('PRAGMA table_info(tokens)').all() as { name: string }[]).map((c) => c.name),
    );
    for (const [column, type] of [
      ['minted_by', 'TEXT'],
      ['max_reporters', 'INTEGER'],
      ['last_seen_at', 'INTEGER'],
    ] as const) {
      if (!columns.has(column)) db.exec(`ALTER TABLE tokens ADD COLUMN ${column} ${type}`);
    }
    db.exec('CREATE INDEX IF NOT EXISTS tokens_by_minter ON tokens (minted_by, kind)');
    this.#insert = db.prepare(
      `INSERT INTO tokens (id, workspace, role, reporter_id, kind, label, created_at, expires_at,
                           minted_by, max_reporters)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#get = db.prepare('SELECT * FROM tokens WHERE id = ?');
    this.#list = db.prepare(
      'SELECT * FROM tokens WHERE workspace = ? AND kind != ? ORDER BY created_at DESC LIMIT 1000',
    );
    this.#revoke = db.prepare(
      'UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
    );
    this.#revokedSince = db.prepare(
      'SELECT id, revoked_at FROM tokens WHERE revoked_at IS NOT NULL AND revoked_at >= ?',
    );
    this.#count = db.prepare('SELECT COUNT(*) AS n FROM tokens');
    this.#enrolled = db.prepare(
      `SELECT COUNT(*) AS n, COUNT(*) - COUNT(revoked_at) AS active, MAX(last_seen_at) AS seen
       FROM tokens WHERE minted_by = ? AND kind = 'reporter'`,
    );
    this.#reportersOf = db.prepare(
      `SELECT * FROM tokens WHERE minted_by = ? AND kind = 'reporter'
       ORDER BY created_at DESC LIMIT ?`,
    );
    this.#revokeReportersOf = db.prepare(
      `UPDATE tokens SET revoked_at = ?
       WHERE minted_by = ? AND kind = 'reporter' AND revoked_at IS NULL`,
    );
    this.#seen = db.prepare('UPDATE tokens SET last_seen_at = ? WHERE id = ?');
    this.#reportersIn = db.prepare(
      `SELECT * FROM tokens WHERE workspace = ? AND kind = 'reporter'
       ORDER BY COALESCE(last_seen_at, created_at) DESC, id LIMIT ?`,
    );
  }

  /** A workspace's enrolled extensions (their own tokens), last contact first. */
  reportersIn(workspace: string, limit: number): TokenRecord[] {
    return (this.#reportersIn.all(workspace, limit) as unknown as TokenRow[]).map(tokenFromRow);
  }

  add(record: NewToken): void {
    this.#insert.run(
      record.id,
      record.workspace,
      record.role,
      record.reporterId,
      record.kind,
      record.label,
      record.createdAt,
      record.expiresAt,
      record.mintedBy ?? null,
      record.maxReporters ?? null,
    );
  }

  get(id: string): TokenRecord | undefined {
    const row = this.#get.get(id) as TokenRow | undefined;
    return row && tokenFromRow(row);
  }

  /** Invitations and enrolment codes of a workspace (extensions' own tokens are many: left out). */
  list(workspace: string): TokenRecord[] {
    return (this.#list.all(workspace, 'reporter') as unknown as TokenRow[]).map(tokenFromRow);
  }

  /** Returns false when there is no such token, or it was already revoked. */
  revoke(id: string, at: number): boolean {
    return Number(this.#revoke.run(at, id).changes) > 0;
  }

  revokedSince(at: number): { id: string; revokedAt: number }[] {
    return (this.#revokedSince.all(at) as { id: string; revoked_at: number }[]).map((row) => ({
      id: row.id,
      revokedAt: row.revoked_at,
    }));
  }

  /** How many reporters an enrolment code made, how many still work, and when one was last seen. */
  enrolled(codeId: string): EnrolledReporters {
    const row = this.#enrolled.get(codeId) as { n: number; active: number; seen: number | null };
    return { count: Number(row.n), active: Number(row.active), lastSeenAt: row.seen };
  }

  /** The reporters an enrolment code made, newest first. */
  reportersOf(codeId: string, limit = 1000): TokenRecord[] {
    return (this.#reportersOf.all(codeId, limit) as unknown as TokenRow[]).map(tokenFromRow);
  }

  /** Revokes every reporter an enrolment code made; returns how many were still working. */
  revokeReportersOf(codeId: string, at: number): number {
    return Number(this.#revokeReportersOf.run(at, codeId).changes);
  }

  /** Records that a token opened a document. */
  markSeen(id: string, at: number): void {
    this.#seen.run(at, id);
  }

  count(): number {
    return (this.#count.get() as { n: number }).n;
  }
}

/** A row of `tokens`; times may come as strings (Postgres BIGINT), and are read as numbers. */
export interface TokenRow {
  id: string;
  workspace: string;
  role: Role;
  reporter_id: string | null;
  kind: TokenRecord['kind'];
  label: string | null;
  created_at: number | string;
  expires_at: number | string;
  revoked_at: number | string | null;
  minted_by: string | null;
  max_reporters: number | string | null;
  last_seen_at: number | string | null;
}

const numberOrNull = (value: number | string | null | undefined) =>
  value === null || value === undefined ? null : Number(value);

export function tokenFromRow(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    workspace: row.workspace,
    role: row.role,
    reporterId: row.reporter_id,
    kind: row.kind,
    label: row.label,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    revokedAt: numberOrNull(row.revoked_at),
    mintedBy: row.minted_by ?? null,
    maxReporters: numberOrNull(row.max_reporters),
    lastSeenAt: numberOrNull(row.last_seen_at),
  };
}
