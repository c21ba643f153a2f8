import { BusinessDate, compareDates, daysBetween } from '../../calendar/business-date';
import { Apr } from '../../money/apr';
import { Decimal, Money, roundHalfUpToCents } from '../../money/money';
import { assertInvariant } from '../../shared/assert';

/** Actual/365: leap years still divide by 365, so Feb 29 earns one more day of interest. */
const DAYS_PER_YEAR = Decimal.integer(365);

/**
 * Simple interest on `principal` for `days` days: `round(principal * APR/100 * days / 365)`,
 * rounded half-up to cents once; 0 for zero or negative day counts.
 * docs/servicing-rules.md, "Interest".
 */
export function interestForDays(principal: Money, apr: Apr, days: number): Money {
  assertInvariant(Number.isSafeInteger(days), `days must be a whole number: ${days}`);
  assertInvariant(
    !principal.isNegative(),
    `interest accrues on a non-negative principal: ${principal.toString()}`,
  );
  if (days <= 0) return Money.zero;
  // Multiply first and divide once, so the only inexact step is the final division by 365.
  const exact = principal
    .toDecimal()
    .times(apr.yearlyFraction())
    .times(Decimal.integer(days))
    .dividedBy(DAYS_PER_YEAR);
  return roundHalfUpToCents(exact);
}

/** The result of posting interest: the amount posted and the new last posting date L. */
export interface InterestPosting {
  interestPosted: Money;
  postedThrough: BusinessDate;
}

/**
 * Posts the interest accrued on `principal` from the last posting date L to `postingDate`.
 * A posting date on or before L posts 0 and keeps L: interest is never back-dated, and a late
 * callback with an earlier effective date does not move L backwards.
 * docs/servicing-rules.md, "Interest".
 */
export function postInterest(
  principal: Money,
  apr: Apr,
  lastPostedOn: BusinessDate,
  postingDate: BusinessDate,
): InterestPosting {
  if (compareDates(postingDate, lastPostedOn) <= 0) {
    return { interestPosted: Money.zero, postedThrough: lastPostedOn };
  }
  return {
    interestPosted: interestForDays(principal, apr, daysBetween(lastPostedOn, postingDate)),
    postedThrough: postingDate,
  };
}

/**
 * The extra interest charged when a payment is returned: what the principal part it had paid
 * would have earned from its effective date E to the return date R,
 * `round(principalPart * APR/100 * days(E, R) / 365)`, 0 when R is not after E.
 * docs/servicing-rules.md, "Returns".
 */
export function extraInterestOnReturn(
  principalPart: Money,
  apr: Apr,
  effectiveDate: BusinessDate,
  returnedOn: BusinessDate,
): Money {
  return interestForDays(principalPart, apr, daysBetween(effectiveDate, returnedOn));
}
