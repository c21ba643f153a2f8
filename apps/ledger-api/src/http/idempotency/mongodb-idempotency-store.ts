import { Collection, Db, MongoServerError } from 'mongodb';
import { ClaimResult, IdempotencyClaim, IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store.port';

interface IdempotencyDocument {
  _id: string;
  scope: string;
  key: string;
  fingerprint: string;
  status: 'IN_FLIGHT' | 'COMPLETED';
  claimId: string;
  /** The body as JSON text: response bodies may hold keys BSON refuses or reorders. */
  response?: { status: number; json: string };
  createdAt: Date;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * The production IdempotencyStore: one document per key in `idempotency_records`. The unique
 * `_id` makes insertOne the atomic claim; a TTL index on expiresAt removes old records.
 */
export class MongoDbIdempotencyStore implements IdempotencyStore {
  private readonly records: Collection<IdempotencyDocument>;

  constructor(db: Db, collectionName = 'idempotency_records') {
    this.records = db.collection<IdempotencyDocument>(collectionName);
  }

  /** Creates the TTL index; idempotent, run at startup. */
  async ensureIndexes(): Promise<void> {
    await this.records.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'expiresAt_ttl' });
  }

  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    const document: IdempotencyDocument = {
      _id: idOf(claim.scope, claim.key),
      scope: claim.scope,
      key: claim.key,
      fingerprint: claim.fingerprint,
      status: 'IN_FLIGHT',
      claimId: claim.claimId,
      createdAt: new Date(claim.now),
      expiresAt: new Date(claim.expiresAt),
    };
    try {
      await this.records.insertOne(document);
      return { outcome: 'claimed' };
    } catch (error: unknown) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    // The key is taken: take it over only if it expired (the TTL monitor runs once a minute)
    // or its owner crashed mid-request; the filter makes the replacement a compare-and-set.
    const { _id, ...replacement } = document;
    const takenOver = await this.records.findOneAndUpdate(
      {
        _id,
        $or: [{ expiresAt: { $lte: document.createdAt } }, { status: 'IN_FLIGHT', createdAt: { $lt: new Date(claim.staleBefore) } }],
      },
      { $set: replacement, $unset: { response: '' } },
    );
    if (takenOver !== null) return { outcome: 'claimed' };
    const record = await this.find(claim.scope, claim.key);
    // Deleted by the TTL monitor in between: the key is free again.
    return record === undefined ? this.claim(claim) : { outcome: 'existing', record };
  }

  async complete(scope: string, key: string, claimId: string, response: StoredResponse): Promise<void> {
    await this.records.updateOne(
      { _id: idOf(scope, key), claimId, status: 'IN_FLIGHT' },
      { $set: { status: 'COMPLETED', response: { status: response.status, json: JSON.stringify(response.body ?? null) } } },
    );
  }

  async release(scope: string, key: string, claimId: string): Promise<void> {
    await this.records.deleteOne({ _id: idOf(scope, key), claimId, status: 'IN_FLIGHT' });
  }

  async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const document = await this.records.findOne({ _id: idOf(scope, key) });
    if (document === null) return undefined;
    const { _id, createdAt, expiresAt, response, ...rest } = document;
    return {
      ...rest,
      createdAt: createdAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      ...(rest.status === 'COMPLETED' && response ? { response: { status: response.status, body: JSON.parse(response.json) as unknown } } : {}),
    };
  }

  async purgeExpired(): Promise<number> {
    return 0; // The TTL index does it.
  }
}

/** JSON keeps the two parts apart whatever characters they contain. */
const idOf = (scope: string, key: string): string => JSON.stringify([scope, key]);
