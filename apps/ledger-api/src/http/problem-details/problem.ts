import { STATUS_CODES } from 'node:http';

/** One invalid field of a request, as listed in a validation problem's `errors`. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
  readonly message: string;
}

/** An RFC 9457 problem details body with our closed `reason`. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly reason: string;
  readonly errors?: readonly FieldError[];
}

/** A problem ready to send: the body plus the headers it needs (WWW-Authenticate, Retry-After). */
export interface Problem {
  readonly body: ProblemBody;
  readonly headers: Readonly<Record<string, string>>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_BASE = 'https://ledger.example/problems/';

/**
 * An error raised at the HTTP border (auth, idempotency, body parsing) that already knows its
 * status and reason. Domain errors stay DomainError; this class is for the border's own refusals.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    detail: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly errors?: readonly FieldError[],
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

/** Builds a problem body; the type URI is the reason in kebab case, so clients can link docs to it. */
export function problemBody(
  status: number,
  reason: string,
  detail: string,
  instance: string,
  errors?: readonly FieldError[],
): ProblemBody {
  return {
    type: `${PROBLEM_BASE}${reason.toLowerCase().replace(/_/g, '-')}`,
    title: titleOf(reason, status),
    status,
    detail,
    instance,
    reason,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** A sentence-case title from the reason ('PAYMENT_ALREADY_SUBMITTED' -> 'Payment already submitted'). */
function titleOf(reason: string, status: number): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(reason)) return STATUS_CODES[status] ?? 'Error';
  const words = reason.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
