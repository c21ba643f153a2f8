import type { Database, Statement } from 'better-sqlite3';
import { GroupCommit } from '@ledger/sqlite';
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
 * The embedded IdempotencyStore. The API's SQLite file belongs to one API process, so a claim
 * cannot outlive that process: claims in flight live in memory, and only completed responses
 * (which must survive a crash) go to the `idempotency_records` table, through the file's group
 * commit. A claim therefore costs no disk write, and completions of concurrent requests share one.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  /** The IN_FLIGHT record of each (scope, key) being processed now, by `idOf`. */
  private readonly claimsInFlight = new Map<string, IdempotencyRecord>();
  private readonly selectRecord: Statement;
  private readonly selectLiveCompletedRecord: Statement;
  private readonly upsertCompletedRecord: Statement;
  private readonly deleteExpiredRecords: Statement;

  /** `group` is the API file's group commit, shared with the other writers of that file. */
  constructor(
    db: Database,
    private readonly group: GroupCommit = new GroupCommit(db),
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_records (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('IN_FLIGHT', 'COMPLETED')), claim_id TEXT NOT NULL,
      response_status INTEGER, response_body TEXT, created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
      PRIMARY KEY (scope, key))`);
    db.exec('CREATE INDEX IF NOT EXISTS idempotency_records_expires_at ON idempotency_records (expires_at)');
    // This version keeps claims in memory; older ones wrote them here. Such a row was left by a
    // process that died mid-request: drop it rather than show a retry a claim nobody holds.
    db.exec(`DELETE FROM idempotency_records WHERE status = 'IN_FLIGHT'`);
    // Prepared once: preparing per call showed up in the API's CPU profile.
    this.selectRecord = db.prepare('SELECT * FROM idempotency_records WHERE scope = ? AND key = ?');
    this.selectLiveCompletedRecord = db.prepare(
      `SELECT * FROM idempotency_records WHERE scope = ? AND key = ? AND status = 'COMPLETED' AND expires_at > ?`,
    );
    // An upsert: an expired record of the same key may still be on disk until purgeExpired.
    this.upsertCompletedRecord = db.prepare(
      `INSERT INTO idempotency_records
         (scope, key, fingerprint, status, claim_id, response_status, response_body, created_at, expires_at)
       VALUES (@scope, @key, @fingerprint, 'COMPLETED', @claimId, @responseStatus, @responseBody, @createdAt, @expiresAt)
       ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, status = 'COMPLETED',
         claim_id = excluded.claim_id, response_status = excluded.response_status,
         response_body = excluded.response_body, created_at = excluded.created_at, expires_at = excluded.expires_at`,
    );
    this.deleteExpiredRecords = db.prepare('DELETE FROM idempotency_records WHERE expires_at <= ?');
  }

  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    // No await between the checks and the set below: the whole decision runs in one synchronous
    // step of the single event loop, so of two concurrent claims of one key the second always
    // sees the first's claim, and exactly one wins (the port's insert-if-absent).
    const id = idOf(claim.scope, claim.key);
    const inFlight = this.claimsInFlight.get(id);
    if (inFlight !== undefined && !isReplaceable(inFlight, claim)) return { outcome: 'existing', record: inFlight };
    const completed = this.selectLiveCompletedRecord.get(claim.scope, claim.key, claim.now) as Row | undefined;
    if (completed !== undefined) return { outcome: 'existing', record: toRecord(completed) };
    this.claimsInFlight.set(id, {
      scope: claim.scope,
      key: claim.key,
      fingerprint: claim.fingerprint,
      status: 'IN_FLIGHT',
      claimId: claim.claimId,
      createdAt: claim.now,
      expiresAt: claim.expiresAt,
    });
    return { outcome: 'claimed' };
  }

  async complete(scope: string, key: string, claimId: string, response: StoredResponse): Promise<void> {
    const id = idOf(scope, key);
    // Checked when the group runs the write, not only now: a stale owner's completion must not
    // land on a key taken over while it waited for the commit (the old WHERE claim_id = ?).
    await this.group.run(() => {
      const inFlight = this.claimsInFlight.get(id);
      if (inFlight?.claimId !== claimId) return;
      this.upsertCompletedRecord.run({
        scope,
        key,
        fingerprint: inFlight.fingerprint,
        claimId,
        responseStatus: response.status,
        responseBody: JSON.stringify(response.body ?? null),
        createdAt: inFlight.createdAt,
        expiresAt: inFlight.expiresAt,
      });
    });
    // Dropped only now that the response is on disk: a retry arriving during the commit must
    // still find the key in flight, not unused. A failed write leaves the claim to go stale, as
    // an IN_FLIGHT row did before.
    if (this.claimsInFlight.get(id)?.claimId === claimId) this.claimsInFlight.delete(id);
  }

  async release(scope: string, key: string, claimId: string): Promise<void> {
    const id = idOf(scope, key);
    if (this.claimsInFlight.get(id)?.claimId === claimId) this.claimsInFlight.delete(id);
  }

  async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const inFlight = this.claimsInFlight.get(idOf(scope, key));
    if (inFlight !== undefined) return inFlight;
    const row = this.selectRecord.get(scope, key) as Row | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  async purgeExpired(now: string): Promise<number> {
    return this.deleteExpiredRecords.run(now).changes;
  }
}

/** The rule the SQL claim used: a claim whose owner crashed mid-request (or that expired) is taken over. */
function isReplaceable(inFlight: IdempotencyRecord, claim: IdempotencyClaim): boolean {
  return inFlight.createdAt < claim.staleBefore || inFlight.expiresAt <= claim.now;
}

/** JSON keeps the two parts apart whatever characters they contain. */
const idOf = (scope: string, key: string): string => JSON.stringify([scope, key]);

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
