import { createHash } from 'node:crypto';

/** RFC 4122 namespace for names that are URLs (Appendix C). */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * A name-based UUID, version 5 (RFC 4122 section 4.3): SHA-1 of the namespace's 16 bytes and the
 * UTF-8 name, truncated to 16 bytes, with the version and variant bits set.
 */
export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new Error(`Not a UUID: ${namespace}`);
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The ledger's own namespace for event ids, itself derived from a URL it owns. */
export const EVENT_ID_NAMESPACE = uuidV5('https://ledger.example/event-ids', URL_NAMESPACE);

/**
 * The id of the `index`-th event a command appends, derived from its Idempotency-Key and scope
 * (see idempotencyScopeOf). A retry after a crash between append and response decides the same
 * events with the same ids, and the event store's idempotent append refuses to add them twice.
 */
export function deriveEventId(idempotencyKey: string, scope: string, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error(`Event index must be a whole number: ${index}`);
  // A newline cannot occur in a key (printable ASCII) or an HTTP path, so the parts cannot blur.
  return uuidV5(`${scope}\n${idempotencyKey}\n${index}`, EVENT_ID_NAMESPACE);
}
