import { Brand } from '../shared/brand';
import { invalidInput } from '../shared/domain-error';

/** An email address that passed `parseEmail`; stored exactly as given. */
export type EmailAddress = Brand<string, 'EmailAddress'>;

/** A US mobile number in E.164 form, `+1` and 10 digits, that passed `parseUsMobile`. */
export type UsMobileNumber = Brand<string, 'UsMobileNumber'>;

/** A customer's name as they want it on letters and statements. */
export type CustomerName = Brand<string, 'CustomerName'>;

// Deliberately simple (the only real check of an address is a message that arrives): one `@`, no
// whitespace or control characters, a dotted domain. RFC 5321 limits a local part to 64
// characters and a whole address, as SMTP carries it, to 254.
const EMAIL_FORMAT = /^[^\s@\p{Cc}]{1,64}@[^\s@.\p{Cc}]+(\.[^\s@.\p{Cc}]+)+$/u;
const EMAIL_LENGTH_MAX = 254;

// NANP: the area code and the exchange each start with 2-9; `+1` is the US country code.
const US_MOBILE_E164 = /^\+1[2-9][0-9]{2}[2-9][0-9]{6}$/;

// Printable, no control characters, no leading or trailing space; long enough for any real name.
const NAME_FORMAT = /^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u;
const NAME_LENGTH_MAX = 200;

/** True for `+1` followed by 10 digits whose area code and exchange do not start with 0 or 1. */
export const isUsMobileE164 = (input: unknown): input is UsMobileNumber =>
  typeof input === 'string' && US_MOBILE_E164.test(input);

/** Parses a US mobile number in E.164 form (InvalidInput MOBILE_FORMAT). */
export function parseUsMobile(input: unknown, field = 'mobile'): UsMobileNumber {
  if (!isUsMobileE164(input)) {
    throw invalidInput(
      'MOBILE_FORMAT',
      `${field} must be a US number in E.164 form, e.g. +12025550143`,
      field,
    );
  }
  return input;
}

/** Parses an email address: simple shape, at most 254 characters (InvalidInput EMAIL_FORMAT). */
export function parseEmail(input: unknown, field = 'email'): EmailAddress {
  if (typeof input !== 'string' || input.length > EMAIL_LENGTH_MAX || !EMAIL_FORMAT.test(input)) {
    throw invalidInput('EMAIL_FORMAT', `${field} must be an email address of at most 254 characters`, field);
  }
  return input as EmailAddress;
}

/** Parses a customer's name: 1 to 200 printable characters, not padded (InvalidInput NAME_FORMAT). */
export function parseCustomerName(input: unknown, field = 'name'): CustomerName {
  if (typeof input !== 'string' || input.length > NAME_LENGTH_MAX || !NAME_FORMAT.test(input)) {
    throw invalidInput(
      'NAME_FORMAT',
      `${field} must be 1 to 200 printable characters without surrounding spaces`,
      field,
    );
  }
  return input as CustomerName;
}
