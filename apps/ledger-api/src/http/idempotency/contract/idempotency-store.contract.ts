import { randomUUID } from 'node:crypto';
import { IdempotencyClaim, IdempotencyStore } from '../idempotency-store.port';

// Instants are relative to the real time: MongoDB's TTL monitor deletes by the server's clock,
// so a record "kept until" a fixed past date could vanish in the middle of a test.
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const BASE = Math.floor(Date.now() / 1000) * 1000;
const at = (offset: number): string => new Date(BASE + offset).toISOString();
const NOW = at(0);
const claimOf = (overrides: Partial<IdempotencyClaim> = {}): IdempotencyClaim => ({
  scope: 'ops POST /v1/loans',
  key: 'key-1',
  fingerprint: 'f1',
  claimId: randomUUID(),
  now: NOW,
  expiresAt: at(60 * DAY),
  staleBefore: at(-MINUTE),
  ...overrides,
});

/**
 * The behaviour every IdempotencyStore adapter must show (STYLE.md rule 4). `create` answers a
 * fresh, empty store; `cleanup` runs after each test.
 */
export function describeIdempotencyStoreContract(
  name: string,
  create: () => Promise<IdempotencyStore>,
  cleanup: () => Promise<void> = async () => undefined,
): void {
  describe(`${name} idempotency store`, () => {
    let store: IdempotencyStore;
    beforeEach(async () => (store = await create()));
    afterEach(cleanup);

    it('claims an unused key', async () => {
      expect(await store.claim(claimOf())).toEqual({ outcome: 'claimed' });
    });

    it('shows a second claim the in-flight record and its fingerprint', async () => {
      await store.claim(claimOf());
      const second = await store.claim(claimOf({ fingerprint: 'f2' }));
      expect(second).toMatchObject({ outcome: 'existing', record: { status: 'IN_FLIGHT', fingerprint: 'f1' } });
    });

    it('lets exactly one of many concurrent claims win', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => store.claim(claimOf())));
      expect(results.filter((result) => result.outcome === 'claimed')).toHaveLength(1);
    });

    it('keeps the completed response for a retry', async () => {
      const claim = claimOf();
      await store.claim(claim);
      await store.complete(claim.scope, claim.key, claim.claimId, { status: 201, body: { streamId: 'loan-1', revision: 0 } });
      const retry = await store.claim(claimOf());
      expect(retry).toMatchObject({
        outcome: 'existing',
        record: { status: 'COMPLETED', response: { status: 201, body: { streamId: 'loan-1', revision: 0 } } },
      });
    });

    it('forgets a released claim, so the key can be claimed again', async () => {
      const claim = claimOf();
      await store.claim(claim);
      await store.release(claim.scope, claim.key, claim.claimId);
      expect(await store.find(claim.scope, claim.key)).toBeUndefined();
      expect(await store.claim(claimOf())).toEqual({ outcome: 'claimed' });
    });

    it('never releases a completed record', async () => {
      const claim = claimOf();
      await store.claim(claim);
      await store.complete(claim.scope, claim.key, claim.claimId, { status: 200, body: null });
      await store.release(claim.scope, claim.key, claim.claimId);
      expect(await store.find(claim.scope, claim.key)).toMatchObject({ status: 'COMPLETED' });
    });

    it('keeps keys of different scopes apart', async () => {
      await store.claim(claimOf());
      expect(await store.claim(claimOf({ scope: 'svc POST /v1/loans' }))).toEqual({ outcome: 'claimed' });
    });

    it('takes over a stale in-flight claim, and the stale owner can no longer complete it', async () => {
      const crashed = claimOf({ now: at(-60 * MINUTE) });
      await store.claim(crashed);
      const takeover = claimOf();
      expect(await store.claim(takeover)).toEqual({ outcome: 'claimed' });
      await store.complete(crashed.scope, crashed.key, crashed.claimId, { status: 500, body: null });
      expect(await store.find(takeover.scope, takeover.key)).toMatchObject({ status: 'IN_FLIGHT', claimId: takeover.claimId });
    });

    it('keeps the response of the takeover when the stale owner completes after it', async () => {
      const crashed = claimOf({ now: at(-60 * MINUTE) });
      await store.claim(crashed);
      const takeover = claimOf();
      await store.claim(takeover);
      await store.complete(takeover.scope, takeover.key, takeover.claimId, { status: 201, body: { revision: 1 } });
      await store.complete(crashed.scope, crashed.key, crashed.claimId, { status: 500, body: null });
      expect(await store.find(takeover.scope, takeover.key)).toMatchObject({
        status: 'COMPLETED',
        claimId: takeover.claimId,
        response: { status: 201, body: { revision: 1 } },
      });
    });

    it('stores nothing when a released claim is completed', async () => {
      const claim = claimOf();
      await store.claim(claim);
      await store.release(claim.scope, claim.key, claim.claimId);
      await store.complete(claim.scope, claim.key, claim.claimId, { status: 201, body: {} });
      expect(await store.find(claim.scope, claim.key)).toBeUndefined();
    });

    it('treats an expired record as unused', async () => {
      const old = claimOf({ now: at(-61 * DAY), expiresAt: at(-DAY) });
      await store.claim(old);
      await store.complete(old.scope, old.key, old.claimId, { status: 201, body: {} });
      expect(await store.claim(claimOf({ fingerprint: 'f2' }))).toEqual({ outcome: 'claimed' });
    });

    it('replaces an expired record with the response of the new claim', async () => {
      const old = claimOf({ now: at(-61 * DAY), expiresAt: at(-DAY) });
      await store.claim(old);
      await store.complete(old.scope, old.key, old.claimId, { status: 201, body: { revision: 0 } });
      const fresh = claimOf({ fingerprint: 'f2' });
      await store.claim(fresh);
      await store.complete(fresh.scope, fresh.key, fresh.claimId, { status: 201, body: { revision: 7 } });
      expect(await store.find(fresh.scope, fresh.key)).toMatchObject({
        fingerprint: 'f2',
        claimId: fresh.claimId,
        expiresAt: at(60 * DAY),
        response: { body: { revision: 7 } },
      });
    });

    it('records when it was created and until when it is kept', async () => {
      await store.claim(claimOf());
      expect(await store.find('ops POST /v1/loans', 'key-1')).toMatchObject({
        createdAt: NOW,
        expiresAt: at(60 * DAY),
      });
    });
  });
}
