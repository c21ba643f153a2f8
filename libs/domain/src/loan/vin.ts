import { invalidInput } from '../shared/domain-error';

/*
 * The North American VIN check digit (49 CFR 565.15): each character is transliterated to a
 * number, multiplied by the weight of its position, and the sum modulo 11 is the check digit
 * at position 9 ("X" stands for 10). I, O and Q never appear, to avoid confusion with 1 and 0.
 */
const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_FORMAT = /^[A-HJ-NPR-Z0-9]{17}$/;

const valueOf = (character: string): number =>
  character >= '0' && character <= '9' ? character.charCodeAt(0) - 48 : TRANSLITERATION[character];

/** The check digit a 17-character VIN must carry at position 9 ('0'-'9' or 'X'). */
export function vinCheckDigit(vin: string): string {
  const sum = [...vin].reduce((total, character, index) => total + valueOf(character) * WEIGHTS[index], 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/**
 * Validates a VIN: 17 characters from the VIN alphabet (upper case; I, O, Q refused) with a
 * valid check digit at position 9. docs/servicing-rules.md, "Opening a loan".
 */
export function parseVin(input: unknown, field = 'vehicle.vin'): string {
  if (typeof input !== 'string' || !VIN_FORMAT.test(input)) {
    throw invalidInput('VIN_FORMAT', `${field} must be 17 characters, digits and letters other than I, O and Q`, field);
  }
  if (vinCheckDigit(input) !== input[8]) {
    throw invalidInput('VIN_CHECK_DIGIT', `${field} has an invalid check digit at position 9`, field);
  }
  return input;
}
