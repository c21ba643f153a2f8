/** Nest token of the IdempotencyStore port. */
export const IDEMPOTENCY_STORE = Symbol('IdempotencyStore');

/** The response a completed request gave, replayed verbatim to a retry. */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

/** One Idempotency-Key use. Instants are ISO-8601 UTC strings with milliseconds. */
export interface IdempotencyRecord {
  /** API key name, method and path: the same key sent to another route is another record. */
  readonly scope: string;
  readonly key: string;
  /** SHA-256 of the canonical request body. */
  readonly fingerprint: string;
  readonly status: 'IN_FLIGHT' | 'COMPLETED';
  /** Identifies the claim that owns the record, so a stale owner cannot complete a newer claim. */
  readonly claimId: string;
  readonly response?: StoredResponse;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** A request to claim a key: succeeds if the key is unused, expired, or held by a stale claim. */
export interface IdempotencyClaim {
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly claimId: string;
  readonly now: string;
  readonly expiresAt: string;
  /** An IN_FLIGHT record created before this instant belongs to a crashed request and is taken over. */
  readonly staleBefore: string;
}

export type ClaimResult = { readonly outcome: 'claimed' } | { readonly outcome: 'existing'; readonly record: IdempotencyRecord };

/**
 * Where Idempotency-Key records live. `claim` is atomic (insert-if-absent): of two concurrent
 * claims of one key exactly one succeeds. `complete` and `release` act only for the claim's owner.
 */
export interface IdempotencyStore {
  claim(claim: IdempotencyClaim): Promise<ClaimResult>;
  complete(scope: string, key: string, claimId: string, response: StoredResponse): Promise<void>;
  /** Forgets an IN_FLIGHT record, so a request that did nothing leaves nothing behind. */
  release(scope: string, key: string, claimId: string): Promise<void>;
  find(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Deletes expired records (the MongoDB adapter leaves this to its TTL index). */
  purgeExpired(now: string): Promise<number>;
}
