import { Brand } from '../shared/brand';
import { invalidInput } from '../shared/domain-error';

/**
 * A customer's id: 1 to 64 characters of `A-Z a-z 0-9 _ -`. The id is chosen by the caller
 * (POST /v1/customers names it), appears in URL paths and in the stream name, so it is limited to
 * characters that need no escaping in either and cannot smuggle a `/` or a space into a stream id.
 * Case is significant: `C-1` and `c-1` are two customers, exactly as two stream names differ.
 */
export type CustomerId = Brand<string, 'CustomerId'>;

const CUSTOMER_ID_FORMAT = /^[A-Za-z0-9_-]{1,64}$/;

/** Validates a customer id (InvalidInput CUSTOMER_ID_FORMAT). */
export function parseCustomerId(input: unknown, field = 'customerId'): CustomerId {
  if (typeof input !== 'string' || !CUSTOMER_ID_FORMAT.test(input)) {
    throw invalidInput(
      'CUSTOMER_ID_FORMAT',
      `${field} must be 1 to 64 characters of letters, digits, "_" or "-"`,
      field,
    );
  }
  return input as CustomerId;
}

/** The prefix of every customer stream; projectors filter the global log on it. */
export const CUSTOMER_STREAM_PREFIX = 'customer-';

/** The only way to name a customer's stream (STYLE.md rule 13): `customer-{customerId}`. */
export const customerStreamId = (customerId: CustomerId): `customer-${string}` => `customer-${customerId}`;
