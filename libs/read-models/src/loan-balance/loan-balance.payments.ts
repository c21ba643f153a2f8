import { Money, PaymentReturnedData, PaymentSettledData, PaymentStatus, maxDate } from '@ledger/domain';
import { LoanBalanceDocument } from './loan-balance.document';

const money = Money.fromStored;

/** The last payment with a new status, when it is the payment named. */
export const withLastPaymentStatus = (
  document: LoanBalanceDocument,
  paymentId: string,
  status: PaymentStatus,
): LoanBalanceDocument['lastPayment'] =>
  document.lastPayment?.id === paymentId ? { ...document.lastPayment, status } : document.lastPayment;

const withoutPending = (document: LoanBalanceDocument, paymentId: string) =>
  document.pendingPayments.filter((payment) => payment.paymentId !== paymentId);

/**
 * A settlement: the balances after it are the event's own (`balancesAfter`), L moves to the
 * effective date, and `received` grows by the amount less the overpayment.
 * docs/servicing-rules.md, "Waterfall" and "Billing and amount due".
 */
export function settled(document: LoanBalanceDocument, data: PaymentSettledData): LoanBalanceDocument {
  const wasScheduled = document.pendingPayments.some((payment) => payment.paymentId === data.paymentId);
  const overpayment = money(data.allocation.overpayment);
  return {
    ...document,
    principal: data.balancesAfter.principal,
    accruedInterest: data.balancesAfter.accruedInterest,
    feesOutstanding: data.balancesAfter.fees,
    lastPostedOn: maxDate(document.lastPostedOn, data.effectiveDate),
    received: money(document.received).plus(money(data.amount)).minus(overpayment).toString(),
    refundDue: money(document.refundDue).plus(overpayment).toString(),
    pendingPayments: withoutPending(document, data.paymentId),
    // An external payment appears for the first time here, so it becomes the last payment.
    lastPayment: wasScheduled
      ? withLastPaymentStatus(document, data.paymentId, 'SETTLED')
      : { id: data.paymentId, amount: data.amount, status: 'SETTLED', date: data.effectiveDate },
  };
}

/**
 * A return: balances after it from the event, L moves to the return date, and the payment
 * (the sum of its restored parts) leaves `received` except its overpayment.
 * docs/servicing-rules.md, "Returns".
 */
export function returned(document: LoanBalanceDocument, data: PaymentReturnedData): LoanBalanceDocument {
  const { restored } = data;
  const amount = Money.sum([restored.interest, restored.fees, restored.principal, restored.overpayment].map(money));
  const overpayment = money(restored.overpayment);
  return {
    ...document,
    principal: data.balancesAfter.principal,
    accruedInterest: data.balancesAfter.accruedInterest,
    feesOutstanding: data.balancesAfter.fees,
    lastPostedOn: maxDate(document.lastPostedOn, data.returnedOn),
    received: money(document.received).minus(amount).plus(overpayment).toString(),
    refundDue: money(document.refundDue).minus(overpayment).floorAtZero().toString(),
    manualReviewRequired: document.manualReviewRequired || data.requiresManualReview,
    lastPayment: withLastPaymentStatus(document, data.paymentId, 'RETURNED'),
  };
}

/** Pending payments and the last payment after a cancellation or a submission. */
export function pendingMoved(
  document: LoanBalanceDocument,
  paymentId: string,
  status: 'CANCELLED' | 'SUBMITTED',
): LoanBalanceDocument {
  const pendingPayments =
    status === 'CANCELLED'
      ? withoutPending(document, paymentId)
      : document.pendingPayments.map((payment) => (payment.paymentId === paymentId ? { ...payment, status } : payment));
  return { ...document, pendingPayments, lastPayment: withLastPaymentStatus(document, paymentId, status) };
}
