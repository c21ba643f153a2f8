import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CommandMetadata } from '@ledger/application';
import { Instant, invalidInput } from '@ledger/domain';
import { pathOf } from '../http/problem-details/problem-details.filter';

// A strong entity tag holding a stream revision: `"12"`. Weak tags (W/"12") and `*` are refused,
// since a command can only be conditional on one exact revision.
const IF_MATCH = /^"(0|[1-9][0-9]{0,14})"$/;
const CORRELATION_ID = /^[\x21-\x7e]{1,128}$/;

/** `If-Match: "<revision>"` (api.md, "Concurrency"); absent means decide on the latest state. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? IF_MATCH.exec(header.trim()) : null;
  if (match === null) {
    throw invalidInput(
      'IF_MATCH_FORMAT',
      'If-Match must be one stream revision in double quotes, e.g. "12"',
      'If-Match',
    );
  }
  return Number(match[1]);
}

/**
 * Who asked and why, for every event the command writes. The event metadata's idempotencyKey is
 * the client's key prefixed with the method and path, because the border scopes keys per route:
 * the same key sent to two routes is two commands, and handleCommand's crash-retry check (which
 * matches events by key and actor) must not mistake the second for a retry of the first.
 */
export function commandMetadataOf(request: FastifyRequest, occurredAt: Instant): CommandMetadata {
  const causationId = randomUUID();
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : causationId;
  const idempotency = request.idempotency;
  const expectedRevision = parseIfMatch(request.headers['if-match']);
  return {
    actor: request.actor ?? 'anonymous',
    correlationId,
    causationId,
    occurredAt,
    ...(idempotency === undefined
      ? {}
      : { idempotencyKey: `${request.method} ${pathOf(request.url)} ${idempotency.key}` }),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
  };
}
