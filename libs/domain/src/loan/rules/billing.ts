import { BusinessDate, compareDates, daysBetween } from '../../calendar/business-date';
import { Money } from '../../money/money';
import { assertInvariant } from '../../shared/assert';
import { dueDateOfCycle } from './due-dates';

/*
 * Cumulative, paid-ahead billing. Throughout this file `received` is the sum of the amounts of
 * all settled, not returned payments, less any overpayment; it counts the full settled amounts
 * (including the parts the waterfall spent on fees or interest). The caller computes it.
 */

/**
 * billed(k) = k * installment: everything billed through cycle k; 0 for k <= 0.
 * docs/servicing-rules.md, "Billing and amount due".
 */
export function billedThrough(installment: Money, cycle: number): Money {
  assertInvariant(Number.isSafeInteger(cycle), `a cycle is a whole number: ${cycle}`);
  return cycle <= 0 ? Money.zero : installment.timesCount(cycle);
}

export interface AmountDueInput {
  installment: Money;
  cycle: number;
  /**
   * The spec's `fees`: all fees ever charged less fees waived, INCLUDING fees already paid
   * (payments that paid them are inside `received`). Passing only the unpaid fees would
   * subtract a paid fee twice and understate the amount due.
   */
  feesCharged: Money;
  /** Settled, not returned payments less any overpayment (see the note at the top of this file). */
  received: Money;
  /** payoffQuote(...).total as of the due date D_k of this cycle. */
  payoffAtDueDate: Money;
}

/**
 * Amount due on statement k = min(max(0, billed(k) + fees - received), payoff(D_k)).
 * Paying more than a bill therefore pays ahead; the payoff cap trims the last bill.
 * docs/servicing-rules.md, "Billing and amount due".
 */
export function amountDueOnStatement(input: AmountDueInput): Money {
  assertInvariant(!input.payoffAtDueDate.isNegative(), 'a payoff quote is never negative');
  const uncapped = billedThrough(input.installment, input.cycle)
    .plus(input.feesCharged)
    .minus(input.received);
  return Money.min(uncapped.floorAtZero(), input.payoffAtDueDate);
}

export interface PastDueInput {
  installment: Money;
  cycle: number;
  /** Settled, not returned payments less any overpayment (see the note at the top of this file). */
  received: Money;
}

/**
 * Past due on statement k = max(0, billed(k-1) - received): installments of earlier cycles not
 * yet covered. Fees are not part of it (fees never make a payment late).
 * docs/servicing-rules.md, "Billing and amount due".
 */
export function pastDueOnStatement(input: PastDueInput): Money {
  return billedThrough(input.installment, input.cycle - 1)
    .minus(input.received)
    .floorAtZero();
}

export interface DaysPastDueInput {
  firstPaymentDate: BusinessDate;
  installment: Money;
  /** Settled, not returned payments less any overpayment (see the note at the top of this file). */
  received: Money;
  asOf: BusinessDate;
  /** When given, cycles after it are never counted; omitted, cycles continue monthly. */
  lastCycle?: number;
}

/**
 * Days past due at t = t - D_j for the earliest cycle j with D_j < t and billed(j) > received,
 * otherwise 0. On the due date itself a cycle is not yet past due (D_j < t is strict).
 * docs/servicing-rules.md, "Billing and amount due".
 */
export function daysPastDue(input: DaysPastDueInput): number {
  // billed(j) grows with j, so the earliest uncovered cycle is the first j with billed(j) > received;
  // walk only the cycles already due, which bounds the loop by the months elapsed.
  for (let cycle = 1; input.lastCycle === undefined || cycle <= input.lastCycle; cycle += 1) {
    const dueDate = dueDateOfCycle(input.firstPaymentDate, cycle);
    if (compareDates(dueDate, input.asOf) >= 0) return 0;
    if (billedThrough(input.installment, cycle).gt(input.received)) return daysBetween(dueDate, input.asOf);
  }
  return 0;
}
