import {
  BusinessDate, Money, addDays, billedThrough, cycleDueOnOrBefore, dueDateOfCycle, firstCycleDueAfter, maxDate, minDate,
  statementDateOfCycle,
} from '@ledger/domain';
import { ServicingInputsDocument } from './servicing-calendar.inputs';

/** The due date of the first cycle whose `leadDays`-early action day is on or after `from`. */
const actionDay = (firstPaymentDate: BusinessDate, from: BusinessDate, leadDays: number): BusinessDate => {
  const cycle = firstCycleDueAfter(firstPaymentDate, addDays(from, leadDays - 1));
  return addDays(dueDateOfCycle(firstPaymentDate, cycle), -leadDays);
};

/** The next statement date from `from` on: the cycle due next, or the one after when it was issued. */
function nextStatementDay(inputs: ServicingInputsDocument, from: BusinessDate): BusinessDate {
  const { originationDate, firstPaymentDate } = inputs.terms;
  const cycle = firstCycleDueAfter(firstPaymentDate, from);
  const next = inputs.statementCycles.includes(cycle) ? cycle + 1 : cycle;
  return statementDateOfCycle(originationDate, firstPaymentDate, next);
}

/**
 * The next late-fee check that could charge: the cycle checked on `from` if it is not charged
 * and not covered by `received`, else the check day (D_k + grace + 1) of the first later term
 * cycle not covered. docs/servicing-rules.md, "Late fees".
 */
function nextLateFeeDay(inputs: ServicingInputsDocument, from: BusinessDate): BusinessDate | null {
  const { firstPaymentDate, graceDays, termMonths } = inputs.terms;
  const installment = Money.fromStored(inputs.terms.installment);
  const received = Money.fromStored(inputs.received);
  const uncovered = (cycle: number) => billedThrough(installment, cycle).gt(received);
  const current = cycleDueOnOrBefore(firstPaymentDate, addDays(from, -(graceDays + 1)));
  if (current >= 1 && current <= termMonths && !inputs.lateFeeCycles.includes(current) && uncovered(current)) return from;
  for (let cycle = current + 1; cycle <= termMonths; cycle += 1) {
    if (uncovered(cycle)) return addDays(dueDateOfCycle(firstPaymentDate, cycle), graceDays + 1);
  }
  return null;
}

/**
 * The earliest date after the inputs' business date on which the daily cycle may have work for
 * this loan: a statement, an AutoPay draft day, a text reminder day (due - 7), a late-fee check
 * day (due + grace + 1) or a scheduled debit's date. Anything already due counts as tomorrow.
 * It errs early, never late: an early date only costs an empty decision.
 */
export function nextWorkOn(inputs: ServicingInputsDocument): BusinessDate {
  const tomorrow = addDays(inputs.asOf, 1);
  const { firstPaymentDate, reminderLeadDays } = inputs.terms;
  const candidates: BusinessDate[] = [nextStatementDay(inputs, tomorrow), ...inputs.scheduled.map((payment) => payment.scheduledFor)];
  if (inputs.autopayDraftDaysBeforeDue !== null) candidates.push(actionDay(firstPaymentDate, tomorrow, inputs.autopayDraftDaysBeforeDue));
  if (inputs.textPayEnrolled) candidates.push(actionDay(firstPaymentDate, tomorrow, reminderLeadDays));
  const lateFeeDay = nextLateFeeDay(inputs, tomorrow);
  if (lateFeeDay !== null) candidates.push(lateFeeDay);
  return maxDate(candidates.reduce(minDate), tomorrow);
}
