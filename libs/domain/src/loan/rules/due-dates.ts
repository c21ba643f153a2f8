import { BusinessDate, addDays, addMonthsClamped, compareDates, maxDate } from '../../calendar/business-date';
import { assertInvariant } from '../../shared/assert';

/** A statement is issued this many days before the due date of its cycle. */
export const STATEMENT_LEAD_DAYS = 21;

const assertCycle = (cycle: number): void =>
  assertInvariant(Number.isSafeInteger(cycle) && cycle >= 1, `a cycle is a whole number from 1: ${cycle}`);

/**
 * The due date D_k of cycle k (k = 1, 2, ...): the first payment date plus k-1 months, on the
 * same day of month clamped to the month's end. Always computed from the anchor, never from the
 * previous due date, so that Jan 31 -> Feb 28/29 -> Mar 31 (not Mar 28).
 * docs/servicing-rules.md, "Due dates and statements".
 */
export function dueDateOfCycle(firstPaymentDate: BusinessDate, cycle: number): BusinessDate {
  assertCycle(cycle);
  return addMonthsClamped(firstPaymentDate, cycle - 1);
}

/**
 * The date the statement of cycle k is issued: 21 days before D_k, but never before the
 * origination date (only the first statement can hit that floor, since D_1 is at least 15 days
 * after origination). docs/servicing-rules.md, "Due dates and statements".
 */
export function statementDateOfCycle(
  originationDate: BusinessDate,
  firstPaymentDate: BusinessDate,
  cycle: number,
): BusinessDate {
  return maxDate(originationDate, addDays(dueDateOfCycle(firstPaymentDate, cycle), -STATEMENT_LEAD_DAYS));
}

/**
 * The maturity date: the due date of the last scheduled cycle (cycle n of an n-month term).
 * docs/servicing-rules.md, "Due dates and statements".
 */
export function maturityDate(firstPaymentDate: BusinessDate, termMonths: number): BusinessDate {
  return dueDateOfCycle(firstPaymentDate, termMonths);
}

/**
 * The latest cycle whose due date is on or before `date`, or 0 when `date` is before D_1.
 * Cycles are not capped by the term: statements continue monthly after the last cycle.
 * docs/servicing-rules.md, "Due dates and statements".
 */
export function cycleDueOnOrBefore(firstPaymentDate: BusinessDate, date: BusinessDate): number {
  if (compareDates(date, firstPaymentDate) < 0) return 0;
  const monthsApart = monthIndex(date) - monthIndex(firstPaymentDate);
  // The cycle due in the month of `date` may fall later in that month; then the one before it
  // (due in the previous month, hence before `date`) is the answer.
  const candidate = monthsApart + 1;
  return compareDates(dueDateOfCycle(firstPaymentDate, candidate), date) <= 0 ? candidate : candidate - 1;
}

/**
 * The first cycle whose due date is strictly after `date` (1 when `date` is before D_1).
 * docs/servicing-rules.md, "Due dates and statements".
 */
export function firstCycleDueAfter(firstPaymentDate: BusinessDate, date: BusinessDate): number {
  // Due dates strictly increase with the cycle, so this is the successor of the latest one due.
  return cycleDueOnOrBefore(firstPaymentDate, date) + 1;
}

const monthIndex = (date: BusinessDate): number => {
  const [year, month] = date.split('-').map(Number);
  return year * 12 + (month - 1);
};
