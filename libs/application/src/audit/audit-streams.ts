import {
  customerDecider, CustomerEvent, invalidInput, isCustomerEventType, isLoanEventType, loanDecider, LoanEvent, notFound,
} from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';

/** A stream kind the auditor can fold: its prefix, its decider, and which recorded types it knows. */
export interface AuditedStreamKind {
  prefix: string;
  initialState(): unknown;
  evolve(state: unknown, event: RecordedEvent): unknown;
}

/*
 * The deciders' evolve functions take the domain's event unions; a recorded event of a known type
 * has exactly that shape ({ type, data }), which the type guards below establish.
 */
const LOAN: AuditedStreamKind = {
  prefix: 'loan-',
  initialState: loanDecider.initialState,
  evolve: (state, event) =>
    isLoanEventType(event.type) ? loanDecider.evolve(state as ReturnType<typeof loanDecider.initialState>, event as unknown as LoanEvent) : state,
};

const CUSTOMER: AuditedStreamKind = {
  prefix: 'customer-',
  initialState: customerDecider.initialState,
  evolve: (state, event) =>
    isCustomerEventType(event.type)
      ? customerDecider.evolve(state as ReturnType<typeof customerDecider.initialState>, event as unknown as CustomerEvent)
      : state,
};

/** The decider of a stream, chosen by its id's prefix (events.md "Streams"); anything else is not a ledger stream. */
export function streamKindOf(streamId: string): AuditedStreamKind {
  const kind = [LOAN, CUSTOMER].find((candidate) => streamId.startsWith(candidate.prefix) && streamId.length > candidate.prefix.length);
  if (!kind) throw notFound('STREAM_NOT_FOUND', `No loan or customer stream is named ${JSON.stringify(streamId)}`);
  return kind;
}

const INSTANT = /^([0-9]{4}-[0-9]{2}-[0-9]{2})T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$/;

/**
 * An ISO-8601 instant with `Z` or an offset, normalised to the store's own form (UTC, milliseconds),
 * so string order is time order. Anything else, or an impossible date, is InvalidInput on `field`.
 */
export function parseAuditInstant(input: unknown, field = 'asOf'): string {
  const match = typeof input === 'string' ? INSTANT.exec(input) : null;
  const time = match ? new Date(input as string) : null;
  // A date like 2026-02-30 parses by rolling over; comparing the date part catches it for Z instants.
  const rolledOver = match && match[5] === 'Z' && time && time.toISOString().slice(0, 10) !== match[1];
  if (!match || !time || Number.isNaN(time.getTime()) || rolledOver) {
    throw invalidInput('INSTANT_FORMAT', `${field} must be an ISO-8601 instant such as 2026-03-01T14:05:00Z`, field);
  }
  return time.toISOString();
}
