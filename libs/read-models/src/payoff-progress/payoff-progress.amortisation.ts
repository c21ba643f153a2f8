import { Apr, BusinessDate, Money, addDays, daysBetween, dueDateOfCycle, firstCycleDueAfter, interestForDays } from '@ledger/domain';

/** Beyond this many installments the projection gives up (an installment that never covers the interest). */
const MONTHS_PROJECTED_MAX = 600;

export interface AmortisationInput {
  principal: Money;
  /** Interest posted and not yet paid; paid first, as the waterfall would. */
  accruedInterest: Money;
  apr: Apr;
  installment: Money;
  /** L, the last posting date: interest runs from here. */
  lastPostedOn: BusinessDate;
  firstPaymentDate: BusinessDate;
  /** The projection starts with the first due date on or after this date. */
  asOf: BusinessDate;
}

/**
 * The due date on which the loan would be paid off if the borrower paid exactly one installment
 * on each due date from `asOf` on: each payment first pays the interest accrued since the
 * previous payment (interestForDays, actual/365, rounded once per period as a posting would),
 * then principal; the last one pays what is left. Assumptions (a projection, not a promise):
 * no fees, no arrears caught up, no late or missed payments, no extra principal. Null when the
 * installment does not cover the interest (it would never pay off).
 * docs/servicing-rules.md, "Interest" and "Waterfall".
 */
export function projectedPayoffDate(input: AmortisationInput): BusinessDate | null {
  let principal = input.principal;
  let interestOwed = input.accruedInterest;
  let postedOn = input.lastPostedOn;
  if (!principal.isPositive() && !interestOwed.isPositive()) return null;
  const firstCycle = firstCycleDueAfter(input.firstPaymentDate, addDays(input.asOf, -1));
  for (let cycle = firstCycle; cycle < firstCycle + MONTHS_PROJECTED_MAX; cycle += 1) {
    const dueDate = dueDateOfCycle(input.firstPaymentDate, cycle);
    interestOwed = interestOwed.plus(interestForDays(principal, input.apr, Math.max(daysBetween(postedOn, dueDate), 0)));
    postedOn = dueDate > postedOn ? dueDate : postedOn;
    if (principal.plus(interestOwed).lte(input.installment)) return dueDate;
    const interestPaid = Money.min(input.installment, interestOwed);
    const principalPaid = input.installment.minus(interestPaid);
    if (!principalPaid.isPositive()) return null;
    interestOwed = interestOwed.minus(interestPaid);
    principal = principal.minus(principalPaid);
  }
  return null;
}
