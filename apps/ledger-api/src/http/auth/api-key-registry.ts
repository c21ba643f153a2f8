import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKey } from '@ledger/config';

/**
 * Finds the API key a presented secret belongs to without leaking, through timing, how much of
 * a secret matched or how long it is: both sides are SHA-256 digests (equal length), compared
 * with timingSafeEqual, and every configured key is compared on every call.
 */
export class ApiKeyRegistry {
  private readonly entries: readonly { key: ApiKey; digest: Buffer }[];

  constructor(keys: readonly ApiKey[]) {
    this.entries = keys.map((key) => ({ key, digest: sha256(key.secret) }));
  }

  find(presented: string): ApiKey | undefined {
    const digest = sha256(presented);
    let match: ApiKey | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, digest) && match === undefined) match = entry.key;
    }
    return match;
  }
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
