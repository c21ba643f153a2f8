import { BusinessDate } from '../calendar/business-date';
import { Apr } from '../money/apr';
import { Money } from '../money/money';
import { AutoPayAmountRule, FeeKind, LienReleaseMethod, PaymentChannel, PaymentSource, VehicleData } from './loan.events';

/*
 * The loan's state as the decider needs it, rebuilt by folding the stream. Amounts are Money
 * here (parsed once in evolve) and go back to strings only in events.
 */

export interface LoanTerms {
  principal: Money;
  apr: Apr;
  termMonths: number;
  installment: Money;
  originationDate: BusinessDate;
  firstPaymentDate: BusinessDate;
  maturityDate: BusinessDate;
  lateFee: { graceDays: number; percent: string; cap: Money };
  returnedPaymentFee: Money;
  statementLeadDays: number;
  reminderLeadDays: number;
}

export interface FeeRecord {
  feeId: string;
  kind: FeeKind;
  amount: Money;
  /** Paid by settled payments (less what returns restored). */
  paid: Money;
  /** Forgiven by FeeWaived. Outstanding = amount - paid - waived. */
  waived: Money;
  cycle: number | null;
  chargedOn: BusinessDate;
}

export type PaymentStatus = 'SCHEDULED' | 'SUBMITTED' | 'SETTLED' | 'RETURNED' | 'CANCELLED';

export interface PaymentAllocationRecord {
  interest: Money;
  fees: Money;
  principal: Money;
  overpayment: Money;
  feesPaid: ReadonlyArray<{ feeId: string; amount: Money }>;
}

export interface PaymentRecord {
  paymentId: string;
  amount: Money;
  channel: PaymentChannel;
  source: PaymentSource;
  cycle: number;
  /** The effective date: the scheduled date of a debit, the received date of an external payment. */
  effectiveDate: BusinessDate;
  status: PaymentStatus;
  allocation: PaymentAllocationRecord | null;
  returnCode: string | null;
}

export interface StatementRecord {
  cycle: number;
  statementDate: BusinessDate;
  dueDate: BusinessDate;
  amountDue: Money;
  pastDue: Money;
}

export interface AutoPaySettings {
  fundingSourceId: string;
  fundingLast4: string;
  amountRule: AutoPayAmountRule;
  fixedAmount: Money | null;
  extraPrincipal: Money;
  draftDaysBeforeDue: number;
}

export interface AutoPayState {
  status: 'ACTIVE' | 'SUSPENDED';
  settings: AutoPaySettings;
}

export interface TextPayState {
  mobileNumber: string;
  fundingSourceId: string;
  fundingLast4: string;
}

export interface TitleTracking {
  status: 'NONE' | 'RELEASE_REQUESTED' | 'RELEASED' | 'MAILED' | 'DELIVERED';
  method: LienReleaseMethod | null;
  /** The date the next step is expected by (release, then mailing, then delivery). */
  expectedBy: BusinessDate | null;
  carrier: string | null;
  trackingNumber: string | null;
}

export interface OpenedLoanState {
  status: 'Active' | 'PaidOff';
  accountNumber: string;
  customerId: string;
  vehicle: VehicleData;
  titleState: string;
  terms: LoanTerms;
  principal: Money;
  /** Interest posted and not yet paid. */
  accruedInterest: Money;
  /** L of the interest rule: the last posting date. */
  lastPostedOn: BusinessDate;
  /** Oldest first, the order the waterfall pays them in. */
  fees: ReadonlyArray<FeeRecord>;
  /** Settled, not returned payments less their overpayments (the billing rule's `received`). */
  received: Money;
  payments: Readonly<Record<string, PaymentRecord>>;
  statements: Readonly<Record<number, StatementRecord>>;
  lateFeeCycles: ReadonlyArray<number>;
  autopay: AutoPayState | null;
  /** Cycles whose AutoPay draft decision (draft or skip) was taken: exactly one per cycle. */
  autopayDecidedCycles: ReadonlyArray<number>;
  /** AutoPay payment ids in the order they were drafted, for the "two returns in a row" rule. */
  autopayPaymentIds: ReadonlyArray<string>;
  /** AutoPay payments returned in a row, counted back from the latest draft. */
  consecutiveAutoPayReturns: number;
  textPay: TextPayState | null;
  remindedCycles: ReadonlyArray<number>;
  refundDue: Money;
  paidOffOn: BusinessDate | null;
  title: TitleTracking;
  manualReviewRequired: boolean;
}

export type LoanState = { status: 'NotOpened' } | OpenedLoanState;

export const initialState = (): LoanState => ({ status: 'NotOpened' });

export const NO_TITLE_STEP: TitleTracking = {
  status: 'NONE',
  method: null,
  expectedBy: null,
  carrier: null,
  trackingNumber: null,
};

/** What is still unpaid of a fee. */
export const feeOutstanding = (fee: FeeRecord): Money => fee.amount.minus(fee.paid).minus(fee.waived);

export const isPending = (payment: PaymentRecord): boolean =>
  payment.status === 'SCHEDULED' || payment.status === 'SUBMITTED';
