import { AutoPayAmountRule, BusinessDate, LoanOpenedData, PaymentStatus, lastFour } from '@ledger/domain';

/** A payment not yet settled, returned or cancelled. */
export type PendingPaymentView = { paymentId: string; amount: string; scheduledFor: BusinessDate; status: 'SCHEDULED' | 'SUBMITTED' };

/** The payment recorded last (scheduled, or received through an external channel), with its current status. */
export type LastPaymentView = { id: string; amount: string; status: PaymentStatus; date: BusinessDate };

export type AutoPayView = {
  amountRule: AutoPayAmountRule;
  fixedAmount: string | null;
  extraPrincipal: string;
  draftDaysBeforeDue: number;
  fundingLast4: string;
  suspended: boolean;
};

export type TextPayView = { mobileLast4: string; fundingLast4: string };

/**
 * What the log says about one loan's balance as of the document's revision. Only facts are
 * stored; the figures that move with the calendar (interest since the last posting, payoff,
 * amount due, days past due) are computed by the query for the business date it is asked for.
 * Amounts are two-decimal strings; `revision` is the loan stream revision reflected.
 */
export type LoanBalanceDocument = {
  accountNumber: string;
  revision: number;
  /** The latest business date among the events folded. */
  asOf: BusinessDate;
  status: 'ACTIVE' | 'PAID_OFF';
  paidOffOn: BusinessDate | null;
  manualReviewRequired: boolean;
  terms: {
    principal: string; apr: string; installment: string; termMonths: number;
    originationDate: BusinessDate; firstPaymentDate: BusinessDate; maturityDate: BusinessDate;
  };
  principal: string;
  /** Interest posted and not yet paid. */
  accruedInterest: string;
  /** L of the interest rule: the last posting date. */
  lastPostedOn: BusinessDate;
  /** Fees charged, not waived and not yet paid. */
  feesOutstanding: string;
  /** Fees charged less fees waived, paid ones included (the billing rule's `fees`). */
  feesChargedNet: string;
  /** Settled, not returned payments less overpayments (the billing rule's `received`). */
  received: string;
  refundDue: string;
  pendingPayments: PendingPaymentView[];
  lastPayment: LastPaymentView | null;
  lastStatement: { cycle: number; dueDate: BusinessDate; amountDue: string } | null;
  autopay: AutoPayView | null;
  textPay: TextPayView | null;
};

/** The document of a loan just opened, from LoanOpened's terms. */
export function openedBalance(data: LoanOpenedData, revision: number): LoanBalanceDocument {
  const { terms } = data;
  return {
    accountNumber: data.accountNumber,
    revision,
    asOf: data.openedOn,
    status: 'ACTIVE',
    paidOffOn: null,
    manualReviewRequired: false,
    terms: {
      principal: terms.principal, apr: terms.apr, installment: terms.installment, termMonths: terms.termMonths,
      originationDate: terms.originationDate, firstPaymentDate: terms.firstPaymentDate, maturityDate: terms.maturityDate,
    },
    principal: terms.principal,
    accruedInterest: '0.00',
    lastPostedOn: terms.originationDate,
    feesOutstanding: '0.00',
    feesChargedNet: '0.00',
    received: '0.00',
    refundDue: '0.00',
    pendingPayments: [],
    lastPayment: null,
    lastStatement: null,
    autopay: null,
    textPay: null,
  };
}

export const textPayView = (mobileNumber: string, fundingLast4: string): TextPayView => ({
  mobileLast4: lastFour(mobileNumber),
  fundingLast4,
});
