import type { DatabaseSync } from 'node:sqlite';
import type { Role } from '../../shared/auth/access.ts';

export interface TokenRecord {
  id: string;
  workspace: string;
  role: Role;
  reporterId: string | null;
  /** What the token is for: an invitation, an enrolment code, an extension's own, the CLI's. */
  kind: 'invitation' | 'enrolment' | 'reporter' | 'cli';
  label: string | null;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
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
    this.#insert = db.prepare(
      `INSERT INTO tokens (id, workspace, role, reporter_id, kind, label, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
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
  }

  add(record: Omit<TokenRecord, 'revokedAt'>): void {
    this.#insert.run(
      record.id,
      record.workspace,
      record.role,
      record.reporterId,
      record.kind,
      record.label,
      record.createdAt,
      record.expiresAt,
    );
  }

  get(id: string): TokenRecord | undefined {
    const row = this.#get.get(id) as Row | undefined;
    return row && fromRow(row);
  }

  /** Invitations and enrolment codes of a workspace (extensions' own tokens are many: left out). */
  list(workspace: string): TokenRecord[] {
    return (this.#list.all(workspace, 'reporter') as unknown as Row[]).map(fromRow);
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

  count(): number {
    return (this.#count.get() as { n: number }).n;
  }
}

interface Row {
  id: string;
  workspace: string;
  role: Role;
  reporter_id: string | null;
  kind: TokenRecord['kind'];
  label: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

function fromRow(row: Row): TokenRecord {
  return {
    id: row.id,
    workspace: row.workspace,
    role: row.role,
    reporterId: row.reporter_id,
    kind: row.kind,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
