import { Apr } from '../../money/apr';
import { Decimal, Money, roundHalfUpToCents } from '../../money/money';
import { assertInvariant } from '../../shared/assert';

/**
 * The level monthly installment of a simple-interest loan:
 * `P * r / (1 - (1 + r)^-n)` with `r = APR / 1200`, or `P / n` when the APR is 0,
 * rounded half-up to cents once, at the very end.
 * docs/servicing-rules.md, "Opening a loan" and "Rounding".
 */
export function installmentAmount(principal: Money, apr: Apr, termMonths: number): Money {
  assertInvariant(
    Number.isSafeInteger(termMonths) && termMonths >= 1,
    `term must be a whole number of months: ${termMonths}`,
  );
  assertInvariant(!principal.isNegative(), `principal must not be negative: ${principal.toString()}`);
  const months = Decimal.integer(termMonths);
  if (apr.isZero()) return roundHalfUpToCents(principal.toDecimal().dividedBy(months));
  const rate = apr.monthlyFraction();
  // (1 + r)^-n is computed as 1 / (1 + r)^n by big.js with 40 decimals, far below a cent of error.
  const discount = Decimal.integer(1).plus(rate).pow(-termMonths);
  const annuityFactor = rate.dividedBy(Decimal.integer(1).minus(discount));
  return roundHalfUpToCents(principal.toDecimal().times(annuityFactor));
}
