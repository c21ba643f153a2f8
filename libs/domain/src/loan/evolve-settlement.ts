import { maxDate } from '../calendar/business-date';
import { Money } from '../money/money';
import { assertInvariant } from '../shared/assert';
import { assertAllocation } from './rules/waterfall';
import { AllocationData, FeePartData, PaymentReturnedData, PaymentSettledData } from './loan.events';
import { FeeRecord, OpenedLoanState, PaymentAllocationRecord, PaymentRecord } from './loan.state';

const money = Money.fromStored;

const allocationOf = (allocation: AllocationData, feesPaid: FeePartData[]): PaymentAllocationRecord => ({
  interest: money(allocation.interest),
  fees: money(allocation.fees),
  principal: money(allocation.principal),
  overpayment: money(allocation.overpayment),
  feesPaid: feesPaid.map((fee) => ({ feeId: fee.feeId, amount: money(fee.amount) })),
});

/** Adds `sign * part` to the paid amount of each fee named in `parts`. */
const applyFeeParts = (fees: ReadonlyArray<FeeRecord>, parts: PaymentAllocationRecord['feesPaid'], sign: 1 | -1) =>
  fees.map((fee) => {
    const part = parts.find((candidate) => candidate.feeId === fee.feeId);
    if (!part) return fee;
    return { ...fee, paid: sign === 1 ? fee.paid.plus(part.amount) : fee.paid.minus(part.amount) };
  });

/**
 * Applies a settlement: interest posted up to the effective date, then the recorded waterfall
 * allocation. The allocation is checked again here, the pair of the check made in decide
 * (STYLE.md rule 11). docs/servicing-rules.md, "Waterfall".
 */
export function evolvePaymentSettled(state: OpenedLoanState, data: PaymentSettledData): OpenedLoanState {
  const amount = money(data.amount);
  const allocation = allocationOf(data.allocation, data.feesPaid);
  assertAllocation(amount, { ...allocation, feesPaid: [...allocation.feesPaid] });
  const known = state.payments[data.paymentId];
  const payment: PaymentRecord = {
    paymentId: data.paymentId,
    amount,
    channel: data.channel,
    source: data.source,
    cycle: known ? known.cycle : data.cycle,
    effectiveDate: data.effectiveDate,
    status: 'SETTLED',
    allocation,
    returnCode: null,
  };
  const payments = { ...state.payments, [data.paymentId]: payment };
  const principal = state.principal.minus(allocation.principal);
  assertInvariant(!principal.isNegative(), `principal went negative settling ${data.paymentId}`);
  return {
    ...state,
    principal,
    accruedInterest: state.accruedInterest.plus(money(data.interestPosted)).minus(allocation.interest),
    lastPostedOn: maxDate(state.lastPostedOn, data.effectiveDate),
    fees: applyFeeParts(state.fees, allocation.feesPaid, 1),
    received: state.received.plus(amount).minus(allocation.overpayment),
    refundDue: state.refundDue.plus(allocation.overpayment),
    payments,
    consecutiveAutoPayReturns: autopayReturnStreak(state.autopayPaymentIds, payments),
  };
}

/**
 * Undoes a settlement: interest posted up to the return date plus the extra interest on the
 * returned principal part, then every part of the allocation restored.
 * docs/servicing-rules.md, "Payments and channels" (returned payments).
 */
export function evolvePaymentReturned(state: OpenedLoanState, data: PaymentReturnedData): OpenedLoanState {
  const payment = state.payments[data.paymentId];
  if (!payment || !payment.allocation) return state;
  const restored = allocationOf(data.restored, data.feesRestored);
  assertAllocation(payment.amount, { ...restored, feesPaid: [...restored.feesPaid] });
  const payments = { ...state.payments, [data.paymentId]: { ...payment, status: 'RETURNED' as const, returnCode: data.returnCode } };
  return {
    ...state,
    principal: state.principal.plus(restored.principal),
    accruedInterest: state.accruedInterest
      .plus(money(data.interestPosted))
      .plus(money(data.extraInterest))
      .plus(restored.interest),
    lastPostedOn: maxDate(state.lastPostedOn, data.returnedOn),
    fees: applyFeeParts(state.fees, restored.feesPaid, -1),
    received: state.received.minus(payment.amount).plus(restored.overpayment),
    // An overpayment already refunded cannot be taken back here; the event flags it for review.
    refundDue: state.refundDue.minus(restored.overpayment).floorAtZero(),
    payments,
    consecutiveAutoPayReturns: autopayReturnStreak(state.autopayPaymentIds, payments),
    manualReviewRequired: state.manualReviewRequired || data.requiresManualReview,
  };
}

/** AutoPay payments returned in a row, counted back from the latest settled-or-returned draft. */
export function autopayReturnStreak(
  autopayPaymentIds: ReadonlyArray<string>,
  payments: Readonly<Record<string, PaymentRecord>>,
): number {
  let streak = 0;
  for (const paymentId of [...autopayPaymentIds].reverse()) {
    const status = payments[paymentId]?.status;
    if (status === 'RETURNED') streak += 1;
    else if (status === 'SETTLED') break;
    // Drafts still pending or cancelled say nothing about the bank account yet.
  }
  return streak;
}
