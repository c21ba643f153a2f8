import { createHash, randomUUID } from 'node:crypto';

// A fixed namespace for the ledger's name-based event ids (any constant UUID would do; this one is random).
const LEDGER_EVENT_NAMESPACE = '6f1c8a52-3d0e-4c47-9b8e-2a41d5c7e913';

/** RFC 4122 version 5 UUID: SHA-1 of namespace + name. */
export function uuidV5(name: string, namespace = LEDGER_EVENT_NAMESPACE): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Event ids derive from the idempotency key, the stream and the event's index in the decision,
 * so a client retry after a crash between append and response produces the same ids and the
 * store's idempotent append (or the replay check in handleCommand) writes nothing twice.
 * Without a key, ids are random.
 */
export const eventIdFor = (streamId: string, index: number, idempotencyKey?: string): string =>
  idempotencyKey === undefined ? randomUUID() : uuidV5(`${idempotencyKey}\u0000${streamId}\u0000${index}`);
