import type { Database } from 'better-sqlite3';
import { ClaimResult, IdempotencyClaim, IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store.port';

interface Row {
  scope: string;
  key: string;
  fingerprint: string;
  status: 'IN_FLIGHT' | 'COMPLETED';
  claim_id: string;
  response_status: number | null;
  response_body: string | null;
  created_at: string;
  expires_at: string;
}

/**
 * The embedded IdempotencyStore: a table in the API's own SQLite file. better-sqlite3 runs each
 * statement to completion on one connection, so the upsert below is the atomic insert-if-absent.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_records (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('IN_FLIGHT', 'COMPLETED')), claim_id TEXT NOT NULL,
      response_status INTEGER, response_body TEXT, created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
      PRIMARY KEY (scope, key))`);
    db.exec('CREATE INDEX IF NOT EXISTS idempotency_records_expires_at ON idempotency_records (expires_at)');
    // The embedded file belongs to one API process, so a claim still in flight when it opens was
    // left by a process that died mid-request: release it now rather than make the client's retry
    // wait out the staleness window. (The MongoDB store is shared by many processes and cannot.)
    db.exec(`DELETE FROM idempotency_records WHERE status = 'IN_FLIGHT'`);
  }

  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    // Inserts, or replaces a record that expired or whose owner crashed mid-request; a live
    // record makes the WHERE false, the statement changes nothing, and the caller sees the record.
    const { changes } = this.db
      .prepare(
        `INSERT INTO idempotency_records (scope, key, fingerprint, status, claim_id, created_at, expires_at)
         VALUES (@scope, @key, @fingerprint, 'IN_FLIGHT', @claimId, @now, @expiresAt)
         ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, status = 'IN_FLIGHT',
           claim_id = excluded.claim_id, response_status = NULL, response_body = NULL,
           created_at = excluded.created_at, expires_at = excluded.expires_at
         WHERE idempotency_records.expires_at <= @now
            OR (idempotency_records.status = 'IN_FLIGHT' AND idempotency_records.created_at < @staleBefore)`,
      )
      .run(claim);
    if (changes === 1) return { outcome: 'claimed' };
    const record = await this.find(claim.scope, claim.key);
    if (record === undefined) throw new Error('Idempotency record vanished between claim and read');
    return { outcome: 'existing', record };
  }

  async complete(scope: string, key: string, claimId: string, response: StoredResponse): Promise<void> {
    this.db
      .prepare(
        `UPDATE idempotency_records SET status = 'COMPLETED', response_status = ?, response_body = ?
         WHERE scope = ? AND key = ? AND claim_id = ? AND status = 'IN_FLIGHT'`,
      )
      .run(response.status, JSON.stringify(response.body ?? null), scope, key, claimId);
  }

  async release(scope: string, key: string, claimId: string): Promise<void> {
    this.db
      .prepare(`DELETE FROM idempotency_records WHERE scope = ? AND key = ? AND claim_id = ? AND status = 'IN_FLIGHT'`)
      .run(scope, key, claimId);
  }

  async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM idempotency_records WHERE scope = ? AND key = ?').get(scope, key) as Row | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  async purgeExpired(now: string): Promise<number> {
    return this.db.prepare('DELETE FROM idempotency_records WHERE expires_at <= ?').run(now).changes;
  }
}

function toRecord(row: Row): IdempotencyRecord {
  const response =
    row.status === 'COMPLETED' && row.response_status !== null
      ? { status: row.response_status, body: JSON.parse(row.response_body ?? 'null') as unknown }
      : undefined;
  return {
    scope: row.scope,
    key: row.key,
    fingerprint: row.fingerprint,
    status: row.status,
    claimId: row.claim_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(response ? { response } : {}),
  };
}
