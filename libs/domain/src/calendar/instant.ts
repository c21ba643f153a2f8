import { Brand } from '../shared/brand';
import { invalidInput } from '../shared/domain-error';
import { BusinessDate, parseBusinessDate } from './business-date';

/** An ISO-8601 UTC timestamp, e.g. 2026-03-01T14:05:00.000Z. Instants come from the command, never a clock. */
export type Instant = Brand<string, 'Instant'>;

const INSTANT_FORMAT = /^([0-9]{4}-[0-9]{2}-[0-9]{2})T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?Z$/;

export function parseInstant(input: unknown, field = 'instant'): Instant {
  const match = typeof input === 'string' ? INSTANT_FORMAT.exec(input) : null;
  if (!match) throw invalidInput('INSTANT_FORMAT', `${field} must be an ISO-8601 UTC instant ending in Z`, field);
  parseBusinessDate(match[1], field);
  return input as Instant;
}

/** The UTC calendar day of an instant (only for display and tests; business dates come from the ledger). */
export const utcDateOf = (instant: Instant): BusinessDate => instant.slice(0, 10) as BusinessDate;
