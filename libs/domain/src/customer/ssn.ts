import { invalidInput } from '../shared/domain-error';

/**
 * The FORMAT of a US Social Security number, nothing more: whether a number belongs to the
 * borrower is decided by the application, which compares a salted hash of `digitsForHashing()`
 * with the `ssnHash` recorded at registration (domain.md, "Sensitive data": an SSN is never
 * stored or logged). Hashing needs crypto, so it stays out of this pure library.
 */

// Both dashes or none: `123-45-6789` or `123456789`. Half-dashed input is more likely a typo.
const SSN_DASHED = /^([0-9]{3})-([0-9]{2})-([0-9]{4})$/;
const SSN_PLAIN = /^([0-9]{3})([0-9]{2})([0-9]{4})$/;

// Node's util.inspect looks this symbol up; using the registry avoids importing `util` here.
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

let createSsn: (digits: string) => Ssn;

/**
 * A parsed SSN that cannot leak by accident: the digits live in an ECMAScript private field
 * (invisible to JSON, spread, Object.keys and util.inspect), and every conversion to text
 * (`String()`, template literals, `JSON.stringify`, `console.log`) shows `***-**-1234`.
 * Only `digitsForHashing()` hands the digits out, and its name says what for.
 */
export class Ssn {
  readonly #digits: string;

  private constructor(digits: string) {
    this.#digits = digits;
  }

  // Hands the private constructor to this module alone, so parseSsnFormat is the only way in
  // and every Ssn has a valid format (a nominal type without a brand cast).
  static {
    createSsn = (digits) => new Ssn(digits);
  }

  /** The 9 digits without dashes, to be salted and hashed by the application; never log them. */
  digitsForHashing(): string {
    return this.#digits;
  }

  /** The last 4 digits, which servicers may show (as on a statement) to confirm whose SSN it is. */
  get last4(): string {
    return this.#digits.slice(5);
  }

  /** The masked form, the only text an Ssn ever turns into. */
  masked(): string {
    return `***-**-${this.last4}`;
  }

  toString(): string {
    return this.masked();
  }

  toJSON(): string {
    return this.masked();
  }

  [Symbol.toPrimitive](): string {
    return this.masked();
  }

  [INSPECT](): string {
    return `Ssn(${this.masked()})`;
  }
}

/**
 * Parses an SSN's format: 9 digits with or without dashes, refusing numbers the SSA never issues
 * (area 000, 666 or 900-999, group 00, serial 0000). The error never repeats the input, so a
 * mistyped SSN cannot reach a log through a 400 response (InvalidInput SSN_FORMAT, field `ssn`).
 */
export function parseSsnFormat(input: unknown): Ssn {
  const text = typeof input === 'string' ? input : '';
  const match = SSN_DASHED.exec(text) ?? SSN_PLAIN.exec(text);
  if (!match) {
    throw invalidInput(
      'SSN_FORMAT',
      'ssn must be 9 digits, with dashes after the 3rd and 5th digits or without any',
      'ssn',
    );
  }
  const [, area, group, serial] = match;
  if (area === '000' || area === '666' || area.startsWith('9')) {
    throw invalidInput('SSN_FORMAT', 'ssn has an area number (first 3 digits) that is never issued', 'ssn');
  }
  if (group === '00' || serial === '0000') {
    throw invalidInput(
      'SSN_FORMAT',
      'ssn has a group or serial number of zeros, which is never issued',
      'ssn',
    );
  }
  return createSsn(`${area}${group}${serial}`);
}
