import { BusinessDate, addDays, compareDates } from '../calendar/business-date';
import { Money } from '../money/money';
import { assertInvariant } from '../shared/assert';
import { invalidInput, ruleViolated } from '../shared/domain-error';
import { allocatePayment, assertAllocation, PaymentAllocation } from './rules/waterfall';
import { postInterest } from './rules/interest';
import { requireOpened, requirePayment } from './decide-guards';
import { feesOutstanding, unpaidFees } from './loan.figures';
import { LoanContext, SettlePayment } from './loan.commands';
import { AllocationData, BalancesData, LoanEvent, PaymentChannel, PaymentSource } from './loan.events';
import { LoanState, OpenedLoanState, PaymentRecord } from './loan.state';
import { ELECTRONIC_LIEN_AND_TITLE_STATES } from './us-states';

/** Days after payoff by which the lien release is expected (docs/servicing-rules.md, title). */
export const LIEN_RELEASE_EXPECTED_DAYS = 10;

export interface PaymentToSettle {
  paymentId: string;
  amount: Money;
  channel: PaymentChannel;
  source: PaymentSource;
  cycle: number;
  effectiveDate: BusinessDate;
  thirdPartyFee: Money;
}

export const allocationData = (allocation: Omit<PaymentAllocation, 'feesPaid'>): AllocationData => ({
  interest: allocation.interest.toString(),
  fees: allocation.fees.toString(),
  principal: allocation.principal.toString(),
  overpayment: allocation.overpayment.toString(),
});

export const balancesData = (principal: Money, accruedInterest: Money, fees: Money): BalancesData => ({
  principal: principal.toString(),
  accruedInterest: accruedInterest.toString(),
  fees: fees.toString(),
});

/**
 * Applies a settled payment: post interest up to its effective date E, run the waterfall (fees
 * oldest first, interest, principal, overpayment), and when nothing is left owing, pay the loan
 * off in the same decision. docs/servicing-rules.md, "Waterfall (the waterfall)".
 */
export function settlementEvents(state: OpenedLoanState, payment: PaymentToSettle, settledOn: BusinessDate): LoanEvent[] {
  const { apr } = state.terms;
  const posting = postInterest(state.principal, apr, state.lastPostedOn, payment.effectiveDate);
  const interestOwed = state.accruedInterest.plus(posting.interestPosted);
  const allocation = allocatePayment(payment.amount, { fees: unpaidFees(state), interest: interestOwed, principal: state.principal });
  assertAllocation(payment.amount, allocation); // the pair of the check in evolve
  const principalAfter = state.principal.minus(allocation.principal);
  const interestAfter = interestOwed.minus(allocation.interest);
  const feesAfter = feesOutstanding(state).minus(allocation.fees);
  const settled: LoanEvent = {
    type: 'PaymentSettled',
    data: {
      paymentId: payment.paymentId,
      amount: payment.amount.toString(),
      effectiveDate: payment.effectiveDate,
      settledOn,
      channel: payment.channel,
      source: payment.source,
      cycle: payment.cycle,
      thirdPartyFee: payment.thirdPartyFee.toString(),
      interestPosted: posting.interestPosted.toString(),
      allocation: allocationData(allocation),
      feesPaid: allocation.feesPaid.map((fee) => ({ feeId: fee.feeId, amount: fee.amount.toString() })),
      balancesAfter: balancesData(principalAfter, interestAfter, feesAfter),
    },
  };
  const paidOff = state.status === 'Active' && [principalAfter, interestAfter, feesAfter].every((part) => part.isZero());
  if (!paidOff) return [settled];
  return [settled, ...payoffEvents(state, settledOn, payment.paymentId, allocation.overpayment)];
}

/**
 * Paying off: LoanPaidOff, the lien release request of the same business day (ELECTRONIC in ELT
 * states, else PAPER, expected within 10 days), and what no longer has a purpose is stopped:
 * scheduled debits, AutoPay and pay by text. docs/servicing-rules.md, "Payoff, lien release and title".
 */
export function payoffEvents(state: OpenedLoanState, paidOffOn: BusinessDate, paymentId: string, overpayment: Money): LoanEvent[] {
  const method = ELECTRONIC_LIEN_AND_TITLE_STATES.has(state.titleState) ? 'ELECTRONIC' : 'PAPER';
  const scheduled = Object.values(state.payments).filter((payment) => payment.status === 'SCHEDULED');
  return [
    { type: 'LoanPaidOff', data: { paidOffOn, overpayment: overpayment.toString(), paymentId } },
    {
      type: 'LienReleaseRequested',
      data: { method, titleState: state.titleState, requestedOn: paidOffOn, expectedBy: addDays(paidOffOn, LIEN_RELEASE_EXPECTED_DAYS) },
    },
    ...scheduled.map((payment): LoanEvent => ({
      type: 'PaymentCancelled',
      data: { paymentId: payment.paymentId, cancelledOn: paidOffOn, reason: 'LOAN_PAID_OFF' },
    })),
    ...(state.autopay ? [{ type: 'AutoPayCancelled', data: { cancelledOn: paidOffOn, reason: 'LOAN_PAID_OFF' } } as const] : []),
    ...(state.textPay ? [{ type: 'TextPayCancelled', data: { cancelledOn: paidOffOn, reason: 'LOAN_PAID_OFF' } } as const] : []),
  ];
}

/** The bank's settlement callback for a submitted debit (effective on its scheduled date). */
export function settlePayment(command: SettlePayment, state: LoanState, _context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  const payment = requirePayment(loan, command.data.paymentId);
  requireSettleable(payment);
  if (compareDates(command.data.settledOn, payment.effectiveDate) < 0) {
    throw invalidInput('SETTLED_BEFORE_EFFECTIVE_DATE', `settledOn is before the payment date ${payment.effectiveDate}`, 'settledOn');
  }
  return settlementEvents(loan, { ...payment, thirdPartyFee: Money.zero }, command.data.settledOn);
}

function requireSettleable(payment: PaymentRecord): void {
  switch (payment.status) {
    case 'SUBMITTED':
      return;
    case 'SCHEDULED':
      throw ruleViolated('PAYMENT_NOT_SUBMITTED', `Payment ${payment.paymentId} was not submitted to the bank yet`);
    case 'SETTLED':
      throw ruleViolated('PAYMENT_ALREADY_SETTLED', `Payment ${payment.paymentId} is already settled`);
    case 'RETURNED':
      throw ruleViolated('PAYMENT_ALREADY_RETURNED', `Payment ${payment.paymentId} was returned`);
    case 'CANCELLED':
      throw ruleViolated('PAYMENT_CANCELLED', `Payment ${payment.paymentId} was cancelled`);
    default: {
      const unhandled: never = payment.status;
      assertInvariant(false, `unknown payment status ${String(unhandled)}`);
    }
  }
}
