import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIdempotencyStoreContract } from './contract/idempotency-store.contract';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

describeIdempotencyStoreContract('sqlite', async () => new SqliteIdempotencyStore(new Database(':memory:')));

describe('the embedded idempotency store after the API process died mid-request', () => {
  const now = new Date().toISOString();
  const claim = (claimId: string) => ({
    scope: 'writer POST /v1/loans/10000001/payments',
    key: 'pay-1',
    fingerprint: 'f1',
    claimId,
    now,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    staleBefore: new Date(Date.now() - 60_000).toISOString(),
  });
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'idempotency-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets the retry claim the key at once instead of answering in flight', async () => {
    const file = join(dir, 'ledger-api.sqlite');
    const crashed = new Database(file);
    await new SqliteIdempotencyStore(crashed).claim(claim(randomUUID()));
    crashed.close(); // the process died: the claim was never completed nor released

    const restarted = new SqliteIdempotencyStore(new Database(file));
    expect(await restarted.claim(claim(randomUUID()))).toEqual({ outcome: 'claimed' });
  });

  it('keeps completed records, so a retry is still answered with the first response', async () => {
    const file = join(dir, 'ledger-api.sqlite');
    const first = new Database(file);
    const store = new SqliteIdempotencyStore(first);
    const claimId = randomUUID();
    await store.claim(claim(claimId));
    await store.complete(claim(claimId).scope, 'pay-1', claimId, { status: 201, body: { revision: 1 } });
    first.close();

    const restarted = new SqliteIdempotencyStore(new Database(file));
    const retry = await restarted.claim(claim(randomUUID()));
    expect(retry).toMatchObject({ outcome: 'existing', record: { status: 'COMPLETED' } });
  });
});
