import { BusinessDate, compareDates } from '../calendar/business-date';
import { Money } from '../money/money';
import { invalidInput, notFound, ruleViolated } from '../shared/domain-error';
import { FundingSource } from './loan.commands';
import { LoanState, OpenedLoanState, PaymentRecord } from './loan.state';

/*
 * Refusals shared by several commands, each named after the rule it enforces (STYLE.md rule 10).
 * Checked in precedence order: the loan exists, then it is active, then the command's own rules.
 */

export function requireOpened(state: LoanState): OpenedLoanState {
  if (state.status === 'NotOpened') throw notFound('LOAN_NOT_FOUND', 'No loan was opened with this account number');
  return state;
}

export function requireActive(state: LoanState): OpenedLoanState {
  const loan = requireOpened(state);
  if (loan.status === 'PaidOff') throw ruleViolated('LOAN_PAID_OFF', 'The loan is paid off');
  return loan;
}

export function requirePayment(state: OpenedLoanState, paymentId: string): PaymentRecord {
  const payment = state.payments[paymentId];
  if (!payment) throw notFound('PAYMENT_NOT_FOUND', `No payment ${paymentId} on this loan`);
  return payment;
}

export function requireNewPaymentId(state: OpenedLoanState, paymentId: string): void {
  if (state.payments[paymentId]) throw ruleViolated('PAYMENT_ALREADY_EXISTS', `Payment ${paymentId} already exists`);
}

export function requirePositive(amount: Money, reason: string, field: string): void {
  if (!amount.isPositive()) throw invalidInput(reason, `${field} must be above 0.00`, field);
}

export function requireNotAfter(date: BusinessDate, businessDate: BusinessDate, reason: string, field: string): void {
  if (compareDates(date, businessDate) > 0) {
    throw invalidInput(reason, `${field} ${date} is after the business date ${businessDate}`, field);
  }
}

export function requireText(text: string, reason: string, field: string): void {
  if (text.trim().length === 0) throw invalidInput(reason, `${field} must not be empty`, field);
}

/** Only an id and the last 4 digits of a funding account ever reach the stream. */
export function requireFundingSource(source: FundingSource | null, field = 'fundingSource'): FundingSource {
  if (!source || source.fundingSourceId.trim().length === 0) {
    throw invalidInput('FUNDING_SOURCE_MISSING', `${field} must name a funding account on file`, field);
  }
  if (!/^[0-9]{4}$/.test(source.fundingLast4)) {
    throw invalidInput('FUNDING_LAST4_FORMAT', `${field}.fundingLast4 must be 4 digits`, `${field}.fundingLast4`);
  }
  return source;
}
