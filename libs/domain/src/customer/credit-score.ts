import { invalidInput } from '../shared/domain-error';

/** The three nationwide US credit bureaus a score can come from. */
export const CREDIT_BUREAUS = ['EXPERIAN', 'EQUIFAX', 'TRANSUNION'] as const;
export type CreditBureau = (typeof CREDIT_BUREAUS)[number];

/** The range of a base FICO score (domain.md, "Customers"); VantageScore 3.0 and 4.0 share it. */
export const CREDIT_SCORE_MIN = 300;
export const CREDIT_SCORE_MAX = 850;

// A scoring model's name as the bureau reports it, e.g. 'FICO Score 8' or 'FICO Auto Score 9'.
const MODEL_FORMAT = /^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u;
const MODEL_LENGTH_MAX = 64;

/**
 * A score is a whole number from 300 to 850. Anything else, fractions included, is out of range:
 * no model reports fractional scores (InvalidInput CREDIT_SCORE_OUT_OF_RANGE, field `score`).
 */
export function parseCreditScore(input: unknown, field = 'score'): number {
  if (
    typeof input !== 'number' ||
    !Number.isInteger(input) ||
    input < CREDIT_SCORE_MIN ||
    input > CREDIT_SCORE_MAX
  ) {
    throw invalidInput(
      'CREDIT_SCORE_OUT_OF_RANGE',
      `${field} must be a whole number from ${CREDIT_SCORE_MIN} to ${CREDIT_SCORE_MAX}`,
      field,
    );
  }
  return input;
}

/** The model name: 1 to 64 printable characters (InvalidInput CREDIT_SCORE_MODEL_FORMAT). */
export function parseCreditScoreModel(input: unknown, field = 'model'): string {
  if (typeof input !== 'string' || input.length > MODEL_LENGTH_MAX || !MODEL_FORMAT.test(input)) {
    throw invalidInput(
      'CREDIT_SCORE_MODEL_FORMAT',
      `${field} must name the scoring model in 1 to 64 characters, e.g. FICO Score 8`,
      field,
    );
  }
  return input;
}

/** One of EXPERIAN, EQUIFAX, TRANSUNION (InvalidInput CREDIT_BUREAU_UNKNOWN). */
export function parseCreditBureau(input: unknown, field = 'bureau'): CreditBureau {
  if (!CREDIT_BUREAUS.includes(input as CreditBureau)) {
    throw invalidInput(
      'CREDIT_BUREAU_UNKNOWN',
      `${field} must be one of ${CREDIT_BUREAUS.join(', ')}`,
      field,
    );
  }
  return input as CreditBureau;
}
