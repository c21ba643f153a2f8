import { BusinessDate, compareDates } from '../calendar/business-date';
import { invalidInput, ruleViolated } from '../shared/domain-error';
import { extraInterestOnReturn, postInterest } from './rules/interest';
import { requireOpened, requirePayment } from './decide-guards';
import { allocationData, balancesData } from './decide-settlement';
import { autopayReturnStreak } from './evolve-settlement';
import { feesOutstanding } from './loan.figures';
import { LoanContext, ReturnPayment, isNachaReturnCode } from './loan.commands';
import { LoanEvent } from './loan.events';
import { LoanState, OpenedLoanState, PaymentRecord } from './loan.state';

/** AutoPay is suspended after this many AutoPay payments in a row came back. */
const AUTOPAY_RETURNS_BEFORE_SUSPENSION = 2;

/**
 * A settled payment came back (NACHA return) on date R: post interest up to R, add the interest
 * its principal part would have earned from E to R, restore every part of its allocation, take it
 * out of `received` and charge the returned-payment fee. A return undoing a payoff reactivates the
 * loan unless the lien was already released (then it is flagged for manual review).
 * docs/servicing-rules.md, "Payments and channels".
 */
export function returnPayment(command: ReturnPayment, state: LoanState, _context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  const { paymentId, returnCode, returnedOn } = command.data;
  const payment = requireReturnable(requirePayment(loan, paymentId));
  if (!isNachaReturnCode(returnCode)) throw invalidInput('RETURN_CODE_UNKNOWN', 'returnCode must be a NACHA code R01 to R99', 'returnCode');
  if (compareDates(returnedOn, payment.effectiveDate) < 0) {
    throw invalidInput('RETURNED_BEFORE_EFFECTIVE_DATE', `returnedOn is before the payment date ${payment.effectiveDate}`, 'returnedOn');
  }
  const { allocation } = payment;
  const { apr } = loan.terms;
  const posting = postInterest(loan.principal, apr, loan.lastPostedOn, returnedOn);
  const extraInterest = extraInterestOnReturn(allocation.principal, apr, payment.effectiveDate, returnedOn);
  const principalAfter = loan.principal.plus(allocation.principal);
  const interestAfter = loan.accruedInterest.plus(posting.interestPosted).plus(extraInterest).plus(allocation.interest);
  const feesAfter = feesOutstanding(loan).plus(allocation.fees);
  const owesAgain = [principalAfter, interestAfter, feesAfter].some((part) => part.isPositive());
  const undoesPayoff = loan.status === 'PaidOff' && owesAgain;
  const lienReleased = ['RELEASED', 'MAILED', 'DELIVERED'].includes(loan.title.status);
  const overpaymentAlreadyRefunded = allocation.overpayment.gt(loan.refundDue);
  const returned: LoanEvent = {
    type: 'PaymentReturned',
    data: {
      paymentId, returnCode, returnedOn,
      interestPosted: posting.interestPosted.toString(),
      extraInterest: extraInterest.toString(),
      restored: allocationData(allocation),
      feesRestored: allocation.feesPaid.map((fee) => ({ feeId: fee.feeId, amount: fee.amount.toString() })),
      balancesAfter: balancesData(principalAfter, interestAfter, feesAfter),
      requiresManualReview: (undoesPayoff && lienReleased) || overpaymentAlreadyRefunded,
    },
  };
  const reactivated = undoesPayoff && !lienReleased;
  const activeAfter = loan.status === 'Active' || reactivated;
  return [
    returned,
    ...(reactivated ? [{ type: 'LoanReactivated', data: { reactivatedOn: returnedOn, paymentId, returnCode } } as const] : []),
    // A paid-off loan that stays paid off (manual review, or only an overpayment came back) is not charged.
    ...(activeAfter ? [returnedPaymentFee(loan, payment, returnCode, returnedOn)] : []),
    ...autopaySuspension(loan, payment, returnedOn),
  ];
}

function requireReturnable(payment: PaymentRecord): PaymentRecord & { allocation: NonNullable<PaymentRecord['allocation']> } {
  if (payment.status === 'RETURNED') throw ruleViolated('PAYMENT_ALREADY_RETURNED', `Payment ${payment.paymentId} was already returned`);
  if (payment.status === 'CANCELLED') throw ruleViolated('PAYMENT_CANCELLED', `Payment ${payment.paymentId} was cancelled`);
  if (payment.status !== 'SETTLED' || payment.allocation === null) {
    throw ruleViolated('PAYMENT_NOT_SETTLED', `Payment ${payment.paymentId} has not settled, so it cannot be returned`);
  }
  return { ...payment, allocation: payment.allocation };
}

function returnedPaymentFee(loan: OpenedLoanState, payment: PaymentRecord, returnCode: string, returnedOn: BusinessDate): LoanEvent {
  return {
    type: 'FeeCharged',
    data: {
      feeId: `returned-${payment.paymentId}`,
      kind: 'RETURNED_PAYMENT',
      amount: loan.terms.returnedPaymentFee.toString(),
      cycle: payment.cycle,
      reason: `Payment ${payment.paymentId} returned ${returnCode}`,
      chargedOn: returnedOn,
    },
  };
}

/** Two AutoPay payments returned in a row suspend AutoPay (docs/servicing-rules.md, "Payments and channels"). */
function autopaySuspension(loan: OpenedLoanState, payment: PaymentRecord, returnedOn: BusinessDate): LoanEvent[] {
  if (payment.source !== 'AUTOPAY' || loan.autopay?.status !== 'ACTIVE') return [];
  const payments = { ...loan.payments, [payment.paymentId]: { ...payment, status: 'RETURNED' as const } };
  const streak = autopayReturnStreak(loan.autopayPaymentIds, payments);
  if (streak < AUTOPAY_RETURNS_BEFORE_SUSPENSION) return [];
  const returnedPaymentIds = loan.autopayPaymentIds.filter((id) => payments[id]?.status === 'RETURNED').slice(-streak);
  return [{ type: 'AutoPaySuspended', data: { suspendedOn: returnedOn, reason: 'CONSECUTIVE_RETURNS', returnedPaymentIds } }];
}
