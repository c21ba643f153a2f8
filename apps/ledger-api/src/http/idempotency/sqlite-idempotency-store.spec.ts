import Database from 'better-sqlite3';
import { describeIdempotencyStoreContract } from './contract/idempotency-store.contract';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

describeIdempotencyStoreContract('sqlite', async () => new SqliteIdempotencyStore(new Database(':memory:')));
