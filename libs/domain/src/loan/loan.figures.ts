import { BusinessDate, addDays, compareDates } from '../calendar/business-date';
import { Money } from '../money/money';
import { amountDueOnStatement, daysPastDue, pastDueOnStatement } from './rules/billing';
import { dueDateOfCycle, firstCycleDueAfter } from './rules/due-dates';
import { PayoffQuote, payoffQuote } from './rules/payoff';
import { FeeAmount } from './rules/waterfall';
import { LoanState, OpenedLoanState, feeOutstanding, isPending } from './loan.state';

/*
 * Figures derived from the state with the rule functions: what the decider, the read side and the
 * API all show. Nothing here rounds: every rounding lives in the named rule functions.
 */

/** Fees still unpaid, oldest first, as the waterfall takes them. */
export const unpaidFees = (state: OpenedLoanState): FeeAmount[] =>
  state.fees
    .map((fee) => ({ feeId: fee.feeId, amount: feeOutstanding(fee) }))
    .filter((fee) => fee.amount.isPositive());

export const feesOutstanding = (state: OpenedLoanState): Money => Money.sum(unpaidFees(state).map((fee) => fee.amount));

/**
 * The billing rule's `fees`: charged less waived, paid ones included (their payments are in
 * `received`). docs/servicing-rules.md, "Billing and amount due".
 */
export const feesChargedNet = (state: OpenedLoanState): Money =>
  Money.sum(state.fees.map((fee) => fee.amount.minus(fee.waived)));

/** The payoff quote as of `asOf` (docs/servicing-rules.md, "Payoff, lien release and title"). */
export const payoffAsOf = (state: OpenedLoanState, asOf: BusinessDate): PayoffQuote =>
  payoffQuote({
    principal: state.principal,
    accruedInterest: state.accruedInterest,
    fees: feesOutstanding(state),
    apr: state.terms.apr,
    lastPostedOn: state.lastPostedOn,
    asOf,
  });

export const dueDateOf = (state: OpenedLoanState, cycle: number): BusinessDate =>
  dueDateOfCycle(state.terms.firstPaymentDate, cycle);

/** The cycle a payment made on `date` is for: the first one due on or after that date. */
export const cycleForPaymentOn = (state: OpenedLoanState, date: BusinessDate): number =>
  firstCycleDueAfter(state.terms.firstPaymentDate, addDays(date, -1));

/**
 * Amount due for cycle k = min(max(0, billed(k) + fees - received), payoff(D_k)).
 * docs/servicing-rules.md, "Billing and amount due".
 */
export const amountDueForCycle = (state: OpenedLoanState, cycle: number): Money =>
  amountDueOnStatement({
    installment: state.terms.installment,
    cycle,
    feesCharged: feesChargedNet(state),
    received: state.received,
    payoffAtDueDate: payoffAsOf(state, dueDateOf(state, cycle)).total,
  });

export const pastDueForCycle = (state: OpenedLoanState, cycle: number): Money =>
  pastDueOnStatement({ installment: state.terms.installment, cycle, received: state.received });

/** Days past due, counting only the term's cycles (after maturity the payoff is billed instead). */
export const daysPastDueOn = (state: OpenedLoanState, asOf: BusinessDate): number =>
  state.status === 'PaidOff'
    ? 0
    : daysPastDue({
        firstPaymentDate: state.terms.firstPaymentDate,
        installment: state.terms.installment,
        received: state.received,
        asOf,
        lastCycle: state.terms.termMonths,
      });

export const pendingPaymentsForCycle = (state: OpenedLoanState, cycle: number) =>
  Object.values(state.payments).filter((payment) => isPending(payment) && payment.cycle === cycle);

/** Scheduled or submitted payments whose effective date is on or before `date`. */
export const pendingAmountOnOrBefore = (state: OpenedLoanState, date: BusinessDate): Money =>
  Money.sum(
    Object.values(state.payments)
      .filter((payment) => isPending(payment) && compareDates(payment.effectiveDate, date) <= 0)
      .map((payment) => payment.amount),
  );

export interface LoanSummary {
  status: LoanState['status'];
  principal: Money;
  accruedInterest: Money;
  interestSinceLastPosting: Money;
  fees: Money;
  payoff: Money;
  amountDue: Money;
  pastDue: Money;
  daysPastDue: number;
  nextDueDate: BusinessDate | null;
  refundDue: Money;
}

/**
 * The balance figures as of `asOf` for the read side and the API. The amount due is that of the
 * next cycle due on or after `asOf`; a paid-off loan owes nothing and has no next due date.
 */
export function loanSummary(state: OpenedLoanState, asOf: BusinessDate): LoanSummary {
  const quote = payoffAsOf(state, asOf);
  const cycle = cycleForPaymentOn(state, asOf);
  const active = state.status === 'Active';
  return {
    status: state.status,
    principal: quote.principal,
    accruedInterest: quote.accruedInterest,
    interestSinceLastPosting: quote.interestSinceLastPosting,
    fees: quote.fees,
    payoff: quote.total,
    amountDue: active ? amountDueForCycle(state, cycle) : Money.zero,
    pastDue: active ? pastDueForCycle(state, Math.min(cycle, state.terms.termMonths + 1)) : Money.zero,
    daysPastDue: daysPastDueOn(state, asOf),
    nextDueDate: active ? dueDateOf(state, cycle) : null,
    refundDue: state.refundDue,
  };
}
