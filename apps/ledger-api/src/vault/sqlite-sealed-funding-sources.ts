import type { Database, Statement } from 'better-sqlite3';
import { GroupCommit } from '@ledger/sqlite';
import { SealedFundingSource, SealedFundingSourceRepository } from './funding-source-vault.port';

interface Row {
  funding_source_id: string;
  last4: string;
  key_id: string;
  iv: string;
  ciphertext: string;
  auth_tag: string;
  created_at: string;
}

/**
 * Sealed funding sources in the embedded SQLite file (the quickstart and tests). Inserts go
 * through the API file's group commit, so concurrent requests share one durable commit; pass the
 * one the idempotency store uses (the default suits a file of its own, as in tests).
 */
export class SqliteSealedFundingSources implements SealedFundingSourceRepository {
  private readonly insertRecord: Statement;
  private readonly selectRecord: Statement;

  constructor(
    db: Database,
    private readonly group: GroupCommit = new GroupCommit(db),
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS funding_sources (
      funding_source_id TEXT PRIMARY KEY, last4 TEXT NOT NULL, key_id TEXT NOT NULL, iv TEXT NOT NULL,
      ciphertext TEXT NOT NULL, auth_tag TEXT NOT NULL, created_at TEXT NOT NULL)`);
    // Prepared once: preparing per call showed up in the API's CPU profile.
    this.insertRecord = db.prepare('INSERT INTO funding_sources VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.selectRecord = db.prepare('SELECT * FROM funding_sources WHERE funding_source_id = ?');
  }

  /** Resolves once the record is committed: the caller hands out its id only after that. */
  async insert(record: SealedFundingSource): Promise<void> {
    await this.group.run(() =>
      this.insertRecord.run(record.fundingSourceId, record.last4, record.keyId, record.iv, record.ciphertext, record.authTag, record.createdAt),
    );
  }

  async find(fundingSourceId: string): Promise<SealedFundingSource | undefined> {
    const row = this.selectRecord.get(fundingSourceId) as Row | undefined;
    if (row === undefined) return undefined;
    return {
      fundingSourceId: row.funding_source_id,
      last4: row.last4,
      keyId: row.key_id,
      iv: row.iv,
      ciphertext: row.ciphertext,
      authTag: row.auth_tag,
      createdAt: row.created_at,
    };
  }
}
