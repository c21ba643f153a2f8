import { BusinessDate, LoanEvent, Money, maxDate } from '@ledger/domain';

const money = Money.fromStored;

/**
 * What the daily cycle's steps read to know whether they may act, as of the log: the terms,
 * the statements issued, received amounts for the late-fee check, AutoPay and pay-by-text
 * enrolment, and the debits still to submit. One per loan, id = account number.
 */
export type ServicingInputsDocument = {
  accountNumber: string;
  revision: number;
  /** The latest business date among the events folded. */
  asOf: BusinessDate;
  status: 'ACTIVE' | 'PAID_OFF';
  terms: {
    originationDate: BusinessDate; firstPaymentDate: BusinessDate; termMonths: number; installment: string;
    graceDays: number; reminderLeadDays: number;
  };
  statementCycles: number[];
  lateFeeCycles: number[];
  received: string;
  /** The draft lead of an active (not suspended) AutoPay; null when none drafts. */
  autopayDraftDaysBeforeDue: number | null;
  textPayEnrolled: boolean;
  scheduled: { paymentId: string; scheduledFor: BusinessDate }[];
};

export function openedInputs(event: Extract<LoanEvent, { type: 'LoanOpened' }>, revision: number): ServicingInputsDocument {
  const { terms } = event.data;
  return {
    accountNumber: event.data.accountNumber, revision, asOf: event.data.openedOn, status: 'ACTIVE',
    terms: {
      originationDate: terms.originationDate, firstPaymentDate: terms.firstPaymentDate, termMonths: terms.termMonths,
      installment: terms.installment, graceDays: terms.lateFee.graceDays, reminderLeadDays: terms.reminderLeadDays,
    },
    statementCycles: [], lateFeeCycles: [], received: '0.00', autopayDraftDaysBeforeDue: null, textPayEnrolled: false, scheduled: [],
  };
}

const unscheduled = (inputs: ServicingInputsDocument, paymentId: string) => inputs.scheduled.filter((payment) => payment.paymentId !== paymentId);

/** Folds one loan event into the inputs (LoanOpened is handled by openedInputs). */
export function evolveInputs(inputs: ServicingInputsDocument, event: Exclude<LoanEvent, { type: 'LoanOpened' }>): ServicingInputsDocument {
  switch (event.type) {
    case 'StatementIssued': return { ...inputs, statementCycles: [...inputs.statementCycles, event.data.cycle] };
    case 'PaymentScheduled':
      return { ...inputs, scheduled: [...inputs.scheduled, { paymentId: event.data.paymentId, scheduledFor: event.data.scheduledFor }] };
    case 'PaymentCancelled':
    case 'PaymentSubmitted':
      return { ...inputs, scheduled: unscheduled(inputs, event.data.paymentId) };
    case 'PaymentSettled': {
      const received = money(inputs.received).plus(money(event.data.amount)).minus(money(event.data.allocation.overpayment));
      return { ...inputs, received: received.toString(), scheduled: unscheduled(inputs, event.data.paymentId) };
    }
    case 'PaymentReturned': {
      // The returned amount is the sum of the restored parts; its overpayment never counted as received.
      const { interest, fees, principal } = event.data.restored;
      return { ...inputs, received: money(inputs.received).minus(Money.sum([interest, fees, principal].map(money))).toString() };
    }
    case 'FeeCharged':
      return event.data.kind === 'LATE' && event.data.cycle !== null
        ? { ...inputs, lateFeeCycles: [...inputs.lateFeeCycles, event.data.cycle] }
        : inputs;
    case 'AutoPayEnrolled':
    case 'AutoPayUpdated': return { ...inputs, autopayDraftDaysBeforeDue: event.data.draftDaysBeforeDue };
    case 'AutoPayCancelled':
    case 'AutoPaySuspended': return { ...inputs, autopayDraftDaysBeforeDue: null };
    case 'TextPayEnrolled': return { ...inputs, textPayEnrolled: true };
    case 'TextPayCancelled': return { ...inputs, textPayEnrolled: false };
    case 'LoanPaidOff': return { ...inputs, status: 'PAID_OFF' };
    case 'LoanReactivated': return { ...inputs, status: 'ACTIVE' };
    default: return inputs;
  }
}

export const withDate = (inputs: ServicingInputsDocument, date: BusinessDate, revision: number): ServicingInputsDocument =>
  ({ ...inputs, revision, asOf: maxDate(inputs.asOf, date) });
