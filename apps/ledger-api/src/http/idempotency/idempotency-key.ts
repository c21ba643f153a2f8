import { createHash } from 'node:crypto';
import { invalidInput } from '@ledger/domain';

const KEY_FORMAT = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

/**
 * Reads the Idempotency-Key header: absent is allowed (the request is simply not idempotent);
 * present, it must be 1 to 255 printable ASCII characters, sent once.
 */
export function parseIdempotencyKeyHeader(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_FORMAT.test(header)) {
    throw invalidInput(
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be sent once, as 1 to 255 printable ASCII characters',
      'Idempotency-Key',
    );
  }
  return header;
}

/** The namespace a key is unique in: the same key on another route or API key is unrelated. */
export const idempotencyScopeOf = (actor: string, method: string, path: string): string => `${actor} ${method} ${path}`;

/**
 * SHA-256 of the body in canonical JSON (object keys sorted at every level), so that
 * `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request.
 */
export function fingerprintOf(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body ?? null), 'utf8').digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
