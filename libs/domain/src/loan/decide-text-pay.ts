import { BusinessDate, addDays } from '../calendar/business-date';
import { assertInvariant } from '../shared/assert';
import { ruleViolated } from '../shared/domain-error';
import { requireActive, requireFundingSource, requireOpened } from './decide-guards';
import { amountDueForCycle, cycleForPaymentOn, daysPastDueOn, dueDateOf, pendingPaymentsForCycle } from './loan.figures';
import { CancelTextPay, EnrollTextPay, LoanContext, ReplyToText } from './loan.commands';
import { LoanEvent } from './loan.events';
import { lastFour } from './loan.ids';
import { LoanState, OpenedLoanState } from './loan.state';

const DAYS_PAST_DUE_MAX = 30;
const SMS_LENGTH_MAX = 160;
const US_MOBILE = /^\+1[2-9][0-9]{2}[2-9][0-9]{6}$/;

/** The loan side of pay-by-text eligibility: active, no AutoPay, at most 30 days past due. */
const loanIsEligible = (loan: OpenedLoanState, asOf: BusinessDate): boolean =>
  loan.status === 'Active' && loan.autopay === null && daysPastDueOn(loan, asOf) <= DAYS_PAST_DUE_MAX;

/**
 * Enrols in pay by text. Eligible: an active loan, not in AutoPay, at most 30 days past due, a
 * funding account on file, a verified US mobile number opted in to text alerts (the last three are
 * facts of the customer profile, carried by the command). docs/servicing-rules.md, "Pay by text".
 */
export function enrollTextPay(command: EnrollTextPay, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireActive(state);
  const { mobileNumber, mobileVerified, textAlertsOptedIn, fundingSource } = command.data;
  const profileEligible = mobileVerified && textAlertsOptedIn && US_MOBILE.test(mobileNumber) && fundingSource !== null;
  if (!profileEligible || !loanIsEligible(loan, context.businessDate)) {
    throw ruleViolated('TEXT_PAY_NOT_ELIGIBLE', 'Pay by text needs an active loan without AutoPay, at most 30 days past due, a funding account and a verified, opted-in US mobile');
  }
  const funding = requireFundingSource(fundingSource);
  const current = loan.textPay;
  if (current && current.mobileNumber === mobileNumber && current.fundingSourceId === funding.fundingSourceId && current.fundingLast4 === funding.fundingLast4) {
    return [];
  }
  return [{ type: 'TextPayEnrolled', data: { mobileNumber, ...funding, enrolledOn: context.businessDate } }];
}

export function cancelTextPay(_command: CancelTextPay, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  if (!loan.textPay) throw ruleViolated('TEXT_PAY_NOT_ENROLLED', 'The loan is not enrolled in pay by text');
  return [{ type: 'TextPayCancelled', data: { cancelledOn: context.businessDate, reason: 'BORROWER_REQUEST' } }];
}

export type TextReplyKeyword = 'PAY' | 'STOP' | 'OTHER';
export const textReplyKeyword = (body: string): TextReplyKeyword => {
  const word = body.trim().toUpperCase();
  return word === 'PAY' || word === 'STOP' ? word : 'OTHER';
};

/**
 * An inbound text: PAY from the enrolled number, while the reminded cycle is unpaid and nothing is
 * scheduled for it, schedules a TEXT debit for today for the amount due; STOP ends pay by text;
 * anything else (or an unknown number, or a second PAY) writes nothing: the reply says why.
 * docs/servicing-rules.md, "Pay by text".
 */
export function replyToText(command: ReplyToText, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  const { from, body, paymentId } = command.data;
  if (!loan.textPay || loan.textPay.mobileNumber !== from) return [];
  const keyword = textReplyKeyword(body);
  if (keyword === 'STOP') return [{ type: 'TextPayCancelled', data: { cancelledOn: context.businessDate, reason: 'BORROWER_STOP' } }];
  if (keyword === 'OTHER' || loan.status !== 'Active' || loan.remindedCycles.length === 0) return [];
  const cycle = Math.max(...loan.remindedCycles);
  if (pendingPaymentsForCycle(loan, cycle).length > 0 || loan.payments[paymentId]) return [];
  const amountDue = amountDueForCycle(loan, cycle);
  if (amountDue.isZero()) return [];
  return [
    {
      type: 'PaymentScheduled',
      data: {
        paymentId, amount: amountDue.toString(), scheduledFor: context.businessDate, channel: 'TEXT', source: 'TEXT', cycle,
        fundingSourceId: loan.textPay.fundingSourceId, fundingLast4: loan.textPay.fundingLast4, scheduledOn: context.businessDate,
      },
    },
  ];
}

/** The answer texted back for an inbound message, given what `replyToText` decided. */
export function textReplyMessage(body: string, decided: readonly LoanEvent[]): string {
  const scheduled = decided.find((event) => event.type === 'PaymentScheduled');
  if (scheduled?.type === 'PaymentScheduled') {
    return `Thanks! $${scheduled.data.amount} will be paid today from bank ...${scheduled.data.fundingLast4}.`;
  }
  if (decided.some((event) => event.type === 'TextPayCancelled')) return 'You will no longer get pay-by-text messages. Reply HELP for help.';
  if (textReplyKeyword(body) === 'PAY') return 'No payment is waiting for a reply: nothing was scheduled. Reply HELP for help.';
  return 'Reply PAY to pay the amount due from your bank account on file, or STOP to end pay by text.';
}

/**
 * The reminder 7 days before D_k: once per cycle, when the loan is eligible, the amount due is
 * above 0 and nothing is scheduled for the cycle. docs/servicing-rules.md, "Pay by text".
 */
export function textPayReminder(loan: OpenedLoanState, date: BusinessDate): LoanEvent[] {
  if (!loan.textPay || !loanIsEligible(loan, date)) return [];
  const lead = loan.terms.reminderLeadDays;
  const cycle = cycleForPaymentOn(loan, addDays(date, lead));
  const dueDate = dueDateOf(loan, cycle);
  if (addDays(dueDate, -lead) !== date || loan.remindedCycles.includes(cycle)) return [];
  if (pendingPaymentsForCycle(loan, cycle).length > 0) return [];
  const amountDue = amountDueForCycle(loan, cycle);
  if (amountDue.isZero()) return [];
  const [year, month, day] = dueDate.split('-');
  const message =
    `Loan ...${lastFour(loan.accountNumber)}: $${amountDue.toString()} is due ${month}/${day}/${year}. ` +
    `Reply PAY to pay it now from bank ...${loan.textPay.fundingLast4}, or STOP to end these texts.`;
  assertInvariant(message.length <= SMS_LENGTH_MAX, `a reminder fits in one text: ${message.length} characters`);
  return [
    {
      type: 'PaymentReminderSent',
      data: { cycle, dueDate, amountDue: amountDue.toString(), mobileNumber: loan.textPay.mobileNumber, message, sentOn: date },
    },
  ];
}
