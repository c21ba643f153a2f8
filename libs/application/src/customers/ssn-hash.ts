import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { Ssn } from '@ledger/domain';

/*
 * domain.md, "Customers": an SSN is compared to a salted hash and never stored. The hash string
 * is `scrypt$<salt>$<hash>` (base64url, no padding): a random 16-byte salt per customer, so equal
 * SSNs hash differently and a leaked table cannot be reversed by one precomputed dictionary, and
 * scrypt's cost (N=16384, r=8, p=1, Node's defaults) makes each guess of the 10^9 possible SSNs slow.
 */

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = 'scrypt';

const derive = (ssn: Ssn, salt: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(ssn.digitsForHashing(), salt, KEY_BYTES, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** The salted hash recorded at registration; `salt` is only given by tests. */
export async function hashSsn(ssn: Ssn, salt: Buffer = randomBytes(SALT_BYTES)): Promise<string> {
  const key = await derive(ssn, salt);
  return `${PREFIX}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Whether the SSN hashes to `storedHash`, compared in constant time. A hash in another format
 * answers false (fail closed), never an error that could tell a caller more.
 */
export async function ssnMatchesHash(ssn: Ssn, storedHash: string): Promise<boolean> {
  const [prefix, salt, hash, ...rest] = storedHash.split('$');
  if (prefix !== PREFIX || salt === undefined || hash === undefined || rest.length > 0) return false;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(ssn, Buffer.from(salt, 'base64url'));
  return timingSafeEqual(actual, expected);
}
