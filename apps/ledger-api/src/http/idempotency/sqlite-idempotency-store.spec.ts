import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupCommit } from '@ledger/sqlite';
import { describeIdempotencyStoreContract } from './contract/idempotency-store.contract';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

describeIdempotencyStoreContract('sqlite', async () => new SqliteIdempotencyStore(new Database(':memory:')));

const SCOPE = 'writer POST /v1/loans/10000001/payments';
const claimOf = (claimId: string, key = 'pay-1', createdAgoMs = 0) => ({
  scope: SCOPE,
  key,
  fingerprint: 'f1',
  claimId,
  now: new Date(Date.now() - createdAgoMs).toISOString(),
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  staleBefore: new Date(Date.now() - 60_000).toISOString(),
});

describe('the embedded idempotency store on its file', () => {
  let dir: string;
  let file: string;
  let opened: Database.Database[];
  const open = (): Database.Database => {
    const db = new Database(file);
    opened.push(db);
    return db;
  };
  /** What another connection (the CLI, or the API after a crash) finds on disk. */
  const rowsOnDisk = () => open().prepare('SELECT claim_id, status FROM idempotency_records').all();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
    file = join(dir, 'ledger-api.sqlite');
    opened = [];
  });
  afterEach(() => {
    opened.forEach((db) => db.close());
    rmSync(dir, { recursive: true, force: true });
  });

  describe('after the API process died mid-request', () => {
    it('lets the retry claim the key at once instead of answering in flight', async () => {
      await new SqliteIdempotencyStore(open()).claim(claimOf(randomUUID()));
      // The process died: the claim was never completed nor released.
      const restarted = new SqliteIdempotencyStore(open());
      expect(await restarted.claim(claimOf(randomUUID()))).toEqual({ outcome: 'claimed' });
    });

    it('keeps completed records, so a retry is still answered with the first response', async () => {
      const store = new SqliteIdempotencyStore(open());
      const claimId = randomUUID();
      await store.claim(claimOf(claimId));
      await store.complete(SCOPE, 'pay-1', claimId, { status: 201, body: { revision: 1 } });

      const restarted = new SqliteIdempotencyStore(open());
      const retry = await restarted.claim(claimOf(randomUUID()));
      expect(retry).toMatchObject({ outcome: 'existing', record: { status: 'COMPLETED', response: { status: 201 } } });
    });

    it('drops an in-flight row an older version wrote to the file', async () => {
      new SqliteIdempotencyStore(open());
      open()
        .prepare(`INSERT INTO idempotency_records VALUES (?, 'pay-1', 'f1', 'IN_FLIGHT', 'old', NULL, NULL, ?, ?)`)
        .run(SCOPE, new Date().toISOString(), new Date(Date.now() + 86_400_000).toISOString());
      const restarted = new SqliteIdempotencyStore(open());
      expect(await restarted.find(SCOPE, 'pay-1')).toBeUndefined();
    });
  });

  describe('a claim in flight', () => {
    it('writes nothing to the file', async () => {
      await new SqliteIdempotencyStore(open()).claim(claimOf(randomUUID()));
      expect(rowsOnDisk()).toEqual([]);
    });

    it('is still answered in flight to a retry arriving while its response is being committed', async () => {
      const store = new SqliteIdempotencyStore(open());
      const claimId = randomUUID();
      await store.claim(claimOf(claimId));
      const completing = store.complete(SCOPE, 'pay-1', claimId, { status: 201, body: {} });
      const retry = await store.claim(claimOf(randomUUID()));
      expect(retry).toMatchObject({ outcome: 'existing', record: { status: 'IN_FLIGHT', claimId } });
      await completing;
    });
  });

  describe('a completed claim', () => {
    it('is on disk, for another connection to read, once complete resolves', async () => {
      const store = new SqliteIdempotencyStore(open());
      const claimId = randomUUID();
      await store.claim(claimOf(claimId));
      await store.complete(SCOPE, 'pay-1', claimId, { status: 201, body: {} });
      expect(rowsOnDisk()).toEqual([{ claim_id: claimId, status: 'COMPLETED' }]);
    });

    it('shares one commit with the completions of concurrent requests', async () => {
      const db = open();
      let commits = 0;
      const store = new SqliteIdempotencyStore(db, new GroupCommit(db, { onCommitted: () => (commits += 1) }));
      const claims = ['pay-1', 'pay-2', 'pay-3'].map((key) => claimOf(randomUUID(), key));
      await Promise.all(claims.map((claim) => store.claim(claim)));
      await Promise.all(claims.map((claim) => store.complete(SCOPE, claim.key, claim.claimId, { status: 201, body: {} })));
      expect(commits).toBe(1);
      expect(rowsOnDisk()).toHaveLength(3);
    });
  });

  describe('a stale owner whose completion waits for the commit while its key is taken over', () => {
    it('writes nothing, and the takeover stays in flight', async () => {
      const store = new SqliteIdempotencyStore(open());
      const crashed = claimOf(randomUUID(), 'pay-1', 60 * 60_000);
      await store.claim(crashed);
      const completing = store.complete(SCOPE, 'pay-1', crashed.claimId, { status: 500, body: null });
      const takeover = claimOf(randomUUID());
      expect(await store.claim(takeover)).toEqual({ outcome: 'claimed' });
      await completing;
      expect(rowsOnDisk()).toEqual([]);
      expect(await store.find(SCOPE, 'pay-1')).toMatchObject({ status: 'IN_FLIGHT', claimId: takeover.claimId });
    });
  });
});
