import { OnApplicationShutdown } from '@nestjs/common';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerConfig } from '@ledger/config';
import { GroupCommit } from '@ledger/sqlite';
import { IdempotencyStore } from './http/idempotency/idempotency-store.port';
import { MongoDbIdempotencyStore } from './http/idempotency/mongodb-idempotency-store';
import { SqliteIdempotencyStore } from './http/idempotency/sqlite-idempotency-store';
import { SealedFundingSourceRepository } from './vault/funding-source-vault.port';
import { MongoDbSealedFundingSources } from './vault/mongodb-sealed-funding-sources';
import { SqliteSealedFundingSources } from './vault/sqlite-sealed-funding-sources';

/** The embedded file of the API's own tables; kept apart from the event store's file on purpose. */
export const API_SQLITE_FILE = 'ledger-api.sqlite';

/**
 * Storage owned by the HTTP border: idempotency records and sealed funding sources. MongoDB when
 * LEDGER_READ_STORE_URL selects it (production), else a SQLite file in the data directory.
 */
export class BorderStorage implements OnApplicationShutdown {
  private constructor(
    readonly idempotency: IdempotencyStore,
    readonly sealedFundingSources: SealedFundingSourceRepository,
    private readonly close: () => Promise<void>,
  ) {}

  static async open(config: LedgerConfig, now: string): Promise<BorderStorage> {
    if (config.readStoreUrl !== undefined) return BorderStorage.openMongoDb(config.readStoreUrl);
    const file = join(config.dataDir, API_SQLITE_FILE);
    const db = new Database(file);
    // Sealed funding sources and stored responses live here: readable by the service user only.
    chmodSync(file, 0o600);
    // WAL lets the CLI read while the service writes; the busy timeout rides out short locks.
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    // Sealed funding sources and stored responses must survive power loss: FULL syncs the WAL
    // on every commit. Said explicitly rather than left to the driver's default.
    db.pragma('synchronous = FULL');
    // One group commit for every writer of this file, so concurrent requests share one fsync.
    const group = new GroupCommit(db);
    const idempotency = new SqliteIdempotencyStore(db, group);
    await idempotency.purgeExpired(now);
    return new BorderStorage(idempotency, new SqliteSealedFundingSources(db, group), async () => {
      group.flush(); // Commits what requests still queued, rather than drop it with the connection.
      db.close();
    });
  }

  private static async openMongoDb(url: string): Promise<BorderStorage> {
    const client = await new MongoClient(url).connect();
    const databaseName = new URL(url).pathname.slice(1) || 'ledger';
    const db = client.db(databaseName);
    const idempotency = new MongoDbIdempotencyStore(db);
    await idempotency.ensureIndexes();
    return new BorderStorage(idempotency, new MongoDbSealedFundingSources(db), () => client.close());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
