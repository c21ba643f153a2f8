import { invalidInput } from '../shared/domain-error';
import { Decimal } from './money';

const APR_INPUT = /^(0|[1-9][0-9]?)(\.[0-9]{1,3})?$/;
const APR_MAX = Decimal.of('36');

/**
 * An annual percentage rate in percent, a decimal string with at most three decimals, 0 to 36.
 * docs/servicing-rules.md, "Money, rates and dates".
 */
export class Apr {
  private constructor(
    private readonly percent: Decimal,
    private readonly text: string,
  ) {}

  static parse(input: unknown, field = 'apr'): Apr {
    if (typeof input !== 'string' || !APR_INPUT.test(input)) {
      throw invalidInput('APR_FORMAT', `${field} must be a percent string with at most 3 decimals, e.g. "6.49"`, field);
    }
    const percent = Decimal.of(input);
    if (percent.compare(APR_MAX) > 0) {
      throw invalidInput('APR_OUT_OF_RANGE', `${field} must be between 0 and 36`, field);
    }
    return new Apr(percent, input);
  }

  /** APR / 100: the yearly rate as a fraction. */
  yearlyFraction(): Decimal {
    return this.percent.dividedBy(Decimal.integer(100));
  }
  /** APR / 1200: the monthly rate used by the installment formula. */
  monthlyFraction(): Decimal {
    return this.percent.dividedBy(Decimal.integer(1200));
  }
  isZero(): boolean {
    return this.percent.isZero();
  }
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}
