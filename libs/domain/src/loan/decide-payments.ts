import { addDays, compareDates } from '../calendar/business-date';
import { Money } from '../money/money';
import { invalidInput, ruleViolated } from '../shared/domain-error';
import {
  requireActive,
  requireFundingSource,
  requireNewPaymentId,
  requireNotAfter,
  requireOpened,
  requirePayment,
  requirePositive,
} from './decide-guards';
import { settlementEvents } from './decide-settlement';
import { cycleForPaymentOn } from './loan.figures';
import { CancelPayment, LoanContext, RecordExternalPayment, SchedulePayment, SubmitPayment } from './loan.commands';
import { ExternalPaymentChannel, LoanEvent } from './loan.events';
import { LoanState, PaymentRecord } from './loan.state';

/** A debit can be scheduled at most this many days after the business date. */
export const SCHEDULE_DAYS_AHEAD_MAX = 60;

/**
 * Schedules an ONLINE one-time debit for today or a later date, at most 60 days ahead. Its cycle
 * is the first one due on or after the scheduled date. docs/servicing-rules.md, "Payments and channels".
 */
export function schedulePayment(command: SchedulePayment, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireActive(state);
  const { paymentId, amount, scheduledFor } = command.data;
  requireNewPaymentId(loan, paymentId);
  requirePositive(amount, 'AMOUNT_NOT_POSITIVE', 'amount');
  if (compareDates(scheduledFor, context.businessDate) < 0) {
    throw invalidInput('SCHEDULED_DATE_IN_PAST', `scheduledFor must be ${context.businessDate} or later`, 'scheduledFor');
  }
  if (compareDates(scheduledFor, addDays(context.businessDate, SCHEDULE_DAYS_AHEAD_MAX)) > 0) {
    throw invalidInput('SCHEDULED_DATE_TOO_FAR', `scheduledFor must be at most ${SCHEDULE_DAYS_AHEAD_MAX} days ahead`, 'scheduledFor');
  }
  const funding = requireFundingSource(command.data.fundingSource);
  return [
    {
      type: 'PaymentScheduled',
      data: {
        paymentId,
        amount: amount.toString(),
        scheduledFor,
        channel: 'ONLINE',
        source: 'ONE_TIME',
        cycle: cycleForPaymentOn(loan, scheduledFor),
        fundingSourceId: funding.fundingSourceId,
        fundingLast4: funding.fundingLast4,
        scheduledOn: context.businessDate,
      },
    },
  ];
}

/** Cancels a debit that was not submitted to the bank yet. */
export function cancelPayment(command: CancelPayment, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  const payment = requirePayment(loan, command.data.paymentId);
  if (payment.status === 'CANCELLED') throw ruleViolated('PAYMENT_ALREADY_CANCELLED', `Payment ${payment.paymentId} is already cancelled`);
  if (payment.status !== 'SCHEDULED') throw alreadySubmitted(payment);
  return [{ type: 'PaymentCancelled', data: { paymentId: payment.paymentId, cancelledOn: context.businessDate, reason: 'BORROWER_REQUEST' } }];
}

/** Sends a scheduled debit to the bank, on or after its date (the daily cycle does this). */
export function submitPayment(command: SubmitPayment, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  const payment = requirePayment(loan, command.data.paymentId);
  if (payment.status === 'CANCELLED') throw ruleViolated('PAYMENT_CANCELLED', `Payment ${payment.paymentId} was cancelled`);
  if (payment.status !== 'SCHEDULED') throw alreadySubmitted(payment);
  if (compareDates(payment.effectiveDate, context.businessDate) > 0) {
    throw ruleViolated('PAYMENT_NOT_DUE', `Payment ${payment.paymentId} is scheduled for ${payment.effectiveDate}`);
  }
  return [{ type: 'PaymentSubmitted', data: { paymentId: payment.paymentId, submittedOn: context.businessDate } }];
}

const alreadySubmitted = (payment: PaymentRecord) =>
  ruleViolated('PAYMENT_ALREADY_SUBMITTED', `Payment ${payment.paymentId} was already submitted to the bank`);

/*
 * Third-party convenience fees: charged by the third party on top of the payment, recorded for
 * the borrower's history, never added to the loan balance (docs/servicing-rules.md, "Payments and channels").
 */
const FIXED_THIRD_PARTY_FEES: Partial<Record<ExternalPaymentChannel, Money>> = {
  ACI_PHONE: Money.parse('4.00'),
  CHECKFREEPAY_DEBIT: Money.parse('3.75'),
};
const AGENT_CHANNELS: ReadonlyArray<ExternalPaymentChannel> = ['MONEYGRAM', 'WESTERN_UNION'];

/**
 * Records funds already received through an external channel: they settle at once, effective on
 * the received date. A paid-off loan still accepts them (the money is here); all of it becomes a
 * refund due. docs/servicing-rules.md, "Payments and channels".
 */
export function recordExternalPayment(command: RecordExternalPayment, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  const { paymentId, channel, amount, receivedOn } = command.data;
  requireNewPaymentId(loan, paymentId);
  requirePositive(amount, 'AMOUNT_NOT_POSITIVE', 'amount');
  requireNotAfter(receivedOn, context.businessDate, 'RECEIVED_DATE_IN_FUTURE', 'receivedOn');
  if (compareDates(receivedOn, loan.terms.originationDate) < 0) {
    throw invalidInput('RECEIVED_BEFORE_ORIGINATION', 'receivedOn is before the origination date', 'receivedOn');
  }
  const thirdPartyFee = thirdPartyFeeOf(channel, command.data.agentFee);
  const payment = { paymentId, amount, channel, source: 'EXTERNAL' as const, effectiveDate: receivedOn, thirdPartyFee };
  return settlementEvents(loan, { ...payment, cycle: cycleForPaymentOn(loan, receivedOn) }, context.businessDate);
}

function thirdPartyFeeOf(channel: ExternalPaymentChannel, agentFee: Money | undefined): Money {
  if (AGENT_CHANNELS.includes(channel)) {
    if (agentFee === undefined) throw invalidInput('AGENT_FEE_REQUIRED', `${channel} payments carry the agent's fee`, 'agentFee');
    return agentFee;
  }
  if (agentFee !== undefined) throw invalidInput('AGENT_FEE_NOT_APPLICABLE', `${channel} payments carry no agent fee`, 'agentFee');
  return FIXED_THIRD_PARTY_FEES[channel] ?? Money.zero;
}
