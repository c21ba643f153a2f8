import { BusinessDate, daysBetween } from '../../calendar/business-date';
import { Apr } from '../../money/apr';
import { Money } from '../../money/money';
import { interestForDays } from './interest';

export interface PayoffInput {
  principal: Money;
  /** Interest posted and not yet paid. */
  accruedInterest: Money;
  /** Fees charged, not waived and not yet paid. */
  fees: Money;
  apr: Apr;
  /** L, the last interest posting date. */
  lastPostedOn: BusinessDate;
  asOf: BusinessDate;
}

export interface PayoffQuote {
  principal: Money;
  accruedInterest: Money;
  interestSinceLastPosting: Money;
  fees: Money;
  total: Money;
}

/**
 * The payoff quote as of a date d: principal + accrued unpaid interest + interest since L up to
 * d + fees. Interest since L uses the posting formula on the whole span L..d, rounded half-up
 * once, without posting it; it is 0 when d is on or before L.
 * docs/servicing-rules.md, "Payoff, lien release and title".
 */
export function payoffQuote(input: PayoffInput): PayoffQuote {
  // interestForDays already gives 0 for a span of zero or negative days.
  const interestSinceLastPosting = interestForDays(
    input.principal,
    input.apr,
    daysBetween(input.lastPostedOn, input.asOf),
  );
  return {
    principal: input.principal,
    accruedInterest: input.accruedInterest,
    interestSinceLastPosting,
    fees: input.fees,
    total: Money.sum([input.principal, input.accruedInterest, interestSinceLastPosting, input.fees]),
  };
}
