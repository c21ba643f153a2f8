import { Brand } from '../shared/brand';
import { invalidInput } from '../shared/domain-error';

/** A loan account number: 8 to 17 digits, the id in every loan path of the API. */
export type AccountNumber = Brand<string, 'AccountNumber'>;
/** A payment's id, supplied by the caller or derived from the command (never random in the domain). */
export type PaymentId = Brand<string, 'PaymentId'>;
/** A fee's id, supplied by the caller or derived from the command (e.g. `late-3`). */
export type FeeId = Brand<string, 'FeeId'>;

const ACCOUNT_NUMBER = /^[0-9]{8,17}$/;
// Ids travel in URLs and derived ids ("autopay-3"), so they stay URL-safe and short.
const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export function parseAccountNumber(input: unknown, field = 'accountNumber'): AccountNumber {
  if (typeof input !== 'string' || !ACCOUNT_NUMBER.test(input)) {
    throw invalidInput('ACCOUNT_NUMBER_FORMAT', `${field} must be 8 to 17 digits`, field);
  }
  return input as AccountNumber;
}

export function parsePaymentId(input: unknown, field = 'paymentId'): PaymentId {
  if (typeof input !== 'string' || !ENTITY_ID.test(input)) {
    throw invalidInput('PAYMENT_ID_FORMAT', `${field} must be 1 to 64 letters, digits, '.', '_', ':' or '-'`, field);
  }
  return input as PaymentId;
}

export function parseFeeId(input: unknown, field = 'feeId'): FeeId {
  if (typeof input !== 'string' || !ENTITY_ID.test(input)) {
    throw invalidInput('FEE_ID_FORMAT', `${field} must be 1 to 64 letters, digits, '.', '_', ':' or '-'`, field);
  }
  return input as FeeId;
}

/** The one place a loan stream's name is made (STYLE.md rule 13; events.md "Streams"). */
export const loanStreamId = (accountNumber: AccountNumber): string => `loan-${accountNumber}`;

/** The last four characters of an account or phone number, the only part events may show. */
export const lastFour = (digits: string): string => digits.slice(-4);
