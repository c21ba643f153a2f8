import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { isDomainError, DomainError, DomainErrorKind } from '@ledger/domain';
import { EventStoreRequestRejected, EventStoreUnavailable, StreamRevisionConflict } from '@ledger/event-store';
import { ReadStoreError } from '@ledger/read-models';
import { JsonBodyRejected } from '../body/strict-json';
import { BODY_LIMIT_BYTES } from '../body/json-body';
import { Problem, ProblemError, problemBody } from './problem';

const KIND_STATUS: Record<DomainErrorKind, number> = {
  InvalidInput: 400,
  NotFound: 404,
  RuleViolated: 409,
  RevisionConflict: 412,
};

/** The problem plus whether it is our fault (logged with its stack) rather than the client's. */
export interface MappedProblem extends Problem {
  readonly unexpected: boolean;
}

/**
 * The only error -> status map of the service (STYLE.md rule 10). Anything a client can cause has
 * a 4xx entry here; only errors nobody anticipated fall through to a generic 500.
 */
export function toProblem(error: unknown, instance: string): MappedProblem {
  const expected = (status: number, reason: string, detail: string, extra: Partial<ProblemError> = {}) => ({
    body: problemBody(status, reason, detail, instance, extra.errors),
    headers: extra.headers ?? {},
    unexpected: false,
  });
  if (error instanceof ProblemError) return expected(error.status, error.reason, error.message, error);
  if (isDomainError(error)) return fromDomainError(error, expected);
  if (error instanceof JsonBodyRejected) return expected(400, error.reason, error.message);
  if (error instanceof StreamRevisionConflict) {
    return expected(409, 'CONCURRENT_MODIFICATION', 'The stream changed while the command was decided, even after retries; send it again');
  }
  if (error instanceof EventStoreUnavailable) {
    return expected(503, 'STORE_UNAVAILABLE', 'The event store is unavailable; retry later', { headers: { 'Retry-After': '5' } });
  }
  if (error instanceof EventStoreRequestRejected && error.reason !== 'INVALID_EVENT') {
    return error.reason === 'APPEND_TOO_LARGE'
      ? expected(413, 'APPEND_TOO_LARGE', error.message)
      : expected(410, 'STREAM_DELETED', error.message);
  }
  if (error instanceof ReadStoreError && error.reason === 'INVALID_CURSOR') {
    // Cursors are opaque to clients: one that was forged, truncated or taken from another query.
    const message = 'cursor is not one this query handed out';
    return expected(400, 'INVALID_CURSOR', message, { errors: [{ field: 'cursor', reason: 'INVALID_CURSOR', message }] });
  }
  if (error instanceof HttpException) return fromHttpException(error, expected);
  const fastify = fromFastifyError(error);
  if (fastify) return expected(fastify.status, fastify.reason, fastify.detail);
  return {
    body: problemBody(500, 'INTERNAL_ERROR', 'An unexpected error occurred; it has been logged', instance),
    headers: {},
    unexpected: true,
  };
}

type Expected = (status: number, reason: string, detail: string, extra?: Partial<ProblemError>) => MappedProblem;

function fromDomainError(error: DomainError, expected: Expected): MappedProblem {
  const errors = error.field ? [{ field: error.field, reason: error.reason, message: error.message }] : undefined;
  return expected(KIND_STATUS[error.kind], error.reason, error.message, { errors });
}

function fromHttpException(error: HttpException, expected: Expected): MappedProblem {
  const status = error.getStatus();
  const response = error.getResponse();
  const fields = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const message = Array.isArray(fields.message) ? fields.message.join('; ') : fields.message;
  const detail = typeof message === 'string' ? message : typeof response === 'string' ? response : error.message;
  if (typeof fields.reason !== 'string' && BY_STATUS[status]) {
    // Nest rethrows Fastify's body errors as its own exceptions; keep our reasons for them.
    return expected(status, BY_STATUS[status].reason, BY_STATUS[status].detail);
  }
  const reason = typeof fields.reason === 'string' ? fields.reason : reasonOfStatus(status);
  if (status >= 500) return { ...expected(status, reason, detail), unexpected: true };
  return expected(status, reason, detail);
}

const FASTIFY_CODES: Record<string, { status: number; reason: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, reason: 'BODY_TOO_LARGE', detail: `The body exceeds ${BODY_LIMIT_BYTES} bytes` },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    reason: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'Request bodies must be JSON, sent with Content-Type: application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, reason: 'INVALID_JSON', detail: 'The body is empty but declared as JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    reason: 'INVALID_CONTENT_LENGTH',
    detail: 'The Content-Length does not match the body',
  },
};

const BY_STATUS: Record<number, { status: number; reason: string; detail: string }> = {
  413: FASTIFY_CODES.FST_ERR_CTP_BODY_TOO_LARGE,
  415: FASTIFY_CODES.FST_ERR_CTP_INVALID_MEDIA_TYPE,
};

/** Fastify's own request errors (parsing, limits) carry a code and a 4xx statusCode. */
function fromFastifyError(error: unknown): { status: number; reason: string; detail: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode, message } = error as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (typeof code === 'string' && FASTIFY_CODES[code]) return FASTIFY_CODES[code];
  if (typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, reason: reasonOfStatus(statusCode), detail: typeof message === 'string' ? message : code };
  }
  return undefined;
}

/** 'Not Found' -> 'NOT_FOUND'. */
const reasonOfStatus = (status: number): string =>
  (STATUS_CODES[status] ?? 'Error').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
