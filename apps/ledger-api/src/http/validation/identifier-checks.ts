import { isDomainError, parseBusinessDate } from '@ledger/domain';

/**
 * Pure checks behind the validation decorators, exported for the vault and for tests. Each answers
 * a boolean; the decorators turn a false into a field error with a reason.
 */

// At most nine integer digits caps an amount at 999,999,999.99; no sign, exponent or spaces.
const MONEY = /^(0|[1-9][0-9]{0,8})(\.[0-9]{1,2})?$/;

/** A decimal amount string such as "512.34"; `positive` also refuses "0" and "0.00". */
export function isMoneyString(value: unknown, positive = false): value is string {
  if (typeof value !== 'string' || !MONEY.test(value)) return false;
  return !positive || /[1-9]/.test(value);
}

/** A real calendar date written YYYY-MM-DD, decided by the domain's own parser. */
export function isBusinessDateString(value: unknown): value is string {
  try {
    parseBusinessDate(value);
    return true;
  } catch (error: unknown) {
    if (isDomainError(error)) return false;
    throw error;
  }
}

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5,
  P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * A 17-character VIN whose 9th character is the check digit of 49 CFR 565.15: transliterate,
 * weigh, sum, modulo 11, with 10 written as X. I, O and Q never appear in a VIN.
 */
export function isValidVinCheckDigit(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[A-HJ-NPR-Z0-9]{17}$/.test(value)) return false;
  const sum = [...value].reduce((total, char, index) => {
    const digit = /[0-9]/.test(char) ? Number(char) : VIN_VALUES[char];
    return total + digit * VIN_WEIGHTS[index];
  }, 0);
  const check = sum % 11;
  return value[8] === (check === 10 ? 'X' : String(check));
}

/** A 9-digit ABA routing number whose weighted sum (3, 7, 1 repeating) is a multiple of 10. */
export function isAbaRoutingNumber(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[0-9]{9}$/.test(value) || value === '000000000') return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = [...value].reduce((total, char, index) => total + Number(char) * weights[index], 0);
  return sum % 10 === 0;
}

/** A US bank account number: 4 to 17 digits. */
export const isBankAccountNumber = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9]{4,17}$/.test(value);

/** A loan account number: 8 to 17 digits. */
export const isLoanAccountNumber = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9]{8,17}$/.test(value);

/** A North American mobile number in E.164: +1, then an area code and exchange not starting 0 or 1. */
export const isUsMobileE164 = (value: unknown): value is string =>
  typeof value === 'string' && /^\+1[2-9][0-9]{2}[2-9][0-9]{6}$/.test(value);
