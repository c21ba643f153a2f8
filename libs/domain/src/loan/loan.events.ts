import { BusinessDate } from '../calendar/business-date';
import { MoneyString } from '../money/money';

/*
 * The loan stream's wire contract (events.md "Loan events"). Auditors replay these years from now:
 * names and fields are never renamed by a refactor. Amounts are two-decimal strings, dates
 * YYYY-MM-DD; numbers only ever count (cycles, months, days, a model year).
 */

export type PaymentChannel =
  | 'ONLINE' | 'AUTOPAY' | 'TEXT'
  | 'BANK_BILL_PAY' | 'MAIL' | 'ACI_PHONE' | 'CHECKFREEPAY_DEBIT' | 'MONEYGRAM' | 'WESTERN_UNION';
export type ExternalPaymentChannel = Exclude<PaymentChannel, 'ONLINE' | 'AUTOPAY' | 'TEXT'>;
export type PaymentSource = 'ONE_TIME' | 'AUTOPAY' | 'TEXT' | 'EXTERNAL';
export type FeeKind = 'LATE' | 'RETURNED_PAYMENT' | 'OTHER';
export type LienReleaseMethod = 'ELECTRONIC' | 'PAPER';
export type AutoPayAmountRule = 'AMOUNT_DUE' | 'FIXED';

export interface LoanTermsData {
  principal: MoneyString;
  apr: string;
  termMonths: number;
  installment: MoneyString;
  originationDate: BusinessDate;
  firstPaymentDate: BusinessDate;
  maturityDate: BusinessDate;
  lateFee: { graceDays: number; percent: string; cap: MoneyString };
  returnedPaymentFee: MoneyString;
  statementLeadDays: number;
  reminderLeadDays: number;
}
export interface VehicleData { vin: string; year: number; make: string; model: string }
/** How a settled payment was split by the waterfall; the parts sum to the payment amount. */
export interface AllocationData { interest: MoneyString; fees: MoneyString; principal: MoneyString; overpayment: MoneyString }
export interface FeePartData { feeId: string; amount: MoneyString }
export interface BalancesData { principal: MoneyString; accruedInterest: MoneyString; fees: MoneyString }

export interface LoanOpenedData { accountNumber: string; customerId: string; vehicle: VehicleData; titleState: string; terms: LoanTermsData; openedOn: BusinessDate }
export interface StatementIssuedData { cycle: number; statementDate: BusinessDate; dueDate: BusinessDate; amountDue: MoneyString; pastDue: MoneyString; feesDue: MoneyString; payoffOnDueDate: MoneyString }
export interface PaymentScheduledData { paymentId: string; amount: MoneyString; scheduledFor: BusinessDate; channel: 'ONLINE' | 'AUTOPAY' | 'TEXT'; source: 'ONE_TIME' | 'AUTOPAY' | 'TEXT'; cycle: number; fundingSourceId: string; fundingLast4: string; scheduledOn: BusinessDate }
export interface PaymentCancelledData { paymentId: string; cancelledOn: BusinessDate; reason: 'BORROWER_REQUEST' | 'LOAN_PAID_OFF' }
export interface PaymentSubmittedData { paymentId: string; submittedOn: BusinessDate }
export interface PaymentSettledData {
  paymentId: string; amount: MoneyString; effectiveDate: BusinessDate; settledOn: BusinessDate;
  channel: PaymentChannel; source: PaymentSource; cycle: number; thirdPartyFee: MoneyString;
  interestPosted: MoneyString; allocation: AllocationData; feesPaid: FeePartData[]; balancesAfter: BalancesData;
}
export interface PaymentReturnedData {
  paymentId: string; returnCode: string; returnedOn: BusinessDate; interestPosted: MoneyString; extraInterest: MoneyString;
  restored: AllocationData; feesRestored: FeePartData[]; balancesAfter: BalancesData; requiresManualReview: boolean;
}
export interface FeeChargedData { feeId: string; kind: FeeKind; amount: MoneyString; cycle: number | null; reason: string; chargedOn: BusinessDate }
export interface FeeWaivedData { feeId: string; amount: MoneyString; reason: string; waivedOn: BusinessDate }
export interface AutoPaySettingsData {
  fundingSourceId: string; fundingLast4: string; amountRule: AutoPayAmountRule;
  fixedAmount: MoneyString | null; extraPrincipal: MoneyString; draftDaysBeforeDue: number;
}
export interface AutoPayEnrolledData extends AutoPaySettingsData { enrolledOn: BusinessDate }
export interface AutoPayUpdatedData extends AutoPaySettingsData { updatedOn: BusinessDate }
export interface AutoPayCancelledData { cancelledOn: BusinessDate; reason: 'BORROWER_REQUEST' | 'LOAN_PAID_OFF' }
export interface AutoPaySuspendedData { suspendedOn: BusinessDate; reason: 'CONSECUTIVE_RETURNS'; returnedPaymentIds: string[] }
export interface AutoPayDraftSkippedData { cycle: number; draftDate: BusinessDate; reason: 'NOTHING_DUE' | 'PAYMENT_ALREADY_SCHEDULED' }
export interface TextPayEnrolledData { mobileNumber: string; fundingSourceId: string; fundingLast4: string; enrolledOn: BusinessDate }
export interface TextPayCancelledData { cancelledOn: BusinessDate; reason: 'BORROWER_REQUEST' | 'BORROWER_STOP' | 'AUTOPAY_ENROLLED' | 'LOAN_PAID_OFF' }
export interface PaymentReminderSentData { cycle: number; dueDate: BusinessDate; amountDue: MoneyString; mobileNumber: string; message: string; sentOn: BusinessDate }
/** `paymentId` is the settlement that paid the loan off. */
export interface LoanPaidOffData { paidOffOn: BusinessDate; overpayment: MoneyString; paymentId: string }
export interface LoanReactivatedData { reactivatedOn: BusinessDate; paymentId: string; returnCode: string }
export interface OverpaymentRefundedData { refundId: string; amount: MoneyString; refundedOn: BusinessDate }
export interface LienReleaseRequestedData { method: LienReleaseMethod; titleState: string; requestedOn: BusinessDate; expectedBy: BusinessDate }
export interface LienReleasedData { method: LienReleaseMethod; releasedOn: BusinessDate; expectedBy: BusinessDate | null }
export interface TitleMailedData { carrier: string; trackingNumber: string; mailedOn: BusinessDate; expectedBy: BusinessDate }
export interface TitleDeliveredData { deliveredOn: BusinessDate }

export type LoanEvent =
  /** A loan was booked with its terms, which every later rule reads (never today's defaults). */
  | { type: 'LoanOpened'; data: LoanOpenedData }
  /** The statement of a cycle was issued: what is due on its due date and what is already past due. */
  | { type: 'StatementIssued'; data: StatementIssuedData }
  /** A bank debit (ONLINE one-time, AUTOPAY draft or TEXT reply) was scheduled for a date. */
  | { type: 'PaymentScheduled'; data: PaymentScheduledData }
  /** A scheduled debit was cancelled before submission. */
  | { type: 'PaymentCancelled'; data: PaymentCancelledData }
  /** A scheduled debit was sent to the bank on its date. */
  | { type: 'PaymentSubmitted'; data: PaymentSubmittedData }
  /** Funds arrived (bank callback, or an external channel) and were applied by the waterfall. */
  | { type: 'PaymentSettled'; data: PaymentSettledData }
  /** A settled payment came back (NACHA return); its allocation was restored with extra interest. */
  | { type: 'PaymentReturned'; data: PaymentReturnedData }
  /** A fee was added to what the borrower owes. */
  | { type: 'FeeCharged'; data: FeeChargedData }
  /** The unpaid part of a fee was forgiven. */
  | { type: 'FeeWaived'; data: FeeWaivedData }
  /** The borrower enrolled in AutoPay. */
  | { type: 'AutoPayEnrolled'; data: AutoPayEnrolledData }
  /** The borrower changed the AutoPay settings. */
  | { type: 'AutoPayUpdated'; data: AutoPayUpdatedData }
  /** AutoPay ended (borrower's request or payoff). */
  | { type: 'AutoPayCancelled'; data: AutoPayCancelledData }
  /** AutoPay stopped drafting after two AutoPay payments in a row were returned. */
  | { type: 'AutoPaySuspended'; data: AutoPaySuspendedData }
  /** The draft day of a cycle came and no draft was made (paid ahead, or a payment already scheduled). */
  | { type: 'AutoPayDraftSkipped'; data: AutoPayDraftSkippedData }
  /** The borrower enrolled (or re-enrolled with new details) in pay by text. */
  | { type: 'TextPayEnrolled'; data: TextPayEnrolledData }
  /** Pay by text ended. */
  | { type: 'TextPayCancelled'; data: TextPayCancelledData }
  /** A pay-by-text reminder was sent for a cycle. */
  | { type: 'PaymentReminderSent'; data: PaymentReminderSentData }
  /** Principal, interest and fees all reached 0. */
  | { type: 'LoanPaidOff'; data: LoanPaidOffData }
  /** A return undid a payoff before the lien was released: the loan is active again. */
  | { type: 'LoanReactivated'; data: LoanReactivatedData }
  /** An overpayment was sent back to the borrower. */
  | { type: 'OverpaymentRefunded'; data: OverpaymentRefundedData }
  /** The lien release was requested from the title state, electronically or on paper. */
  | { type: 'LienReleaseRequested'; data: LienReleaseRequestedData }
  /** The lien was released. */
  | { type: 'LienReleased'; data: LienReleasedData }
  /** The paper title was mailed to the borrower. */
  | { type: 'TitleMailed'; data: TitleMailedData }
  /** The title reached the borrower. */
  | { type: 'TitleDelivered'; data: TitleDeliveredData };

export type LoanEventType = LoanEvent['type'];
export type LoanEventOf<T extends LoanEventType> = Extract<LoanEvent, { type: T }>;

/** Every loan event type, in the order of events.md. A `satisfies` check keeps it complete. */
export const LOAN_EVENT_TYPES = [
  'LoanOpened', 'StatementIssued', 'PaymentScheduled', 'PaymentCancelled', 'PaymentSubmitted', 'PaymentSettled',
  'PaymentReturned', 'FeeCharged', 'FeeWaived', 'AutoPayEnrolled', 'AutoPayUpdated', 'AutoPayCancelled',
  'AutoPaySuspended', 'AutoPayDraftSkipped', 'TextPayEnrolled', 'TextPayCancelled', 'PaymentReminderSent',
  'LoanPaidOff', 'LoanReactivated', 'OverpaymentRefunded', 'LienReleaseRequested', 'LienReleased', 'TitleMailed',
  'TitleDelivered',
] as const satisfies readonly LoanEventType[];

// Compile-time proof that LOAN_EVENT_TYPES names every member of the union.
type MissingEventType = Exclude<LoanEventType, (typeof LOAN_EVENT_TYPES)[number]>;
const _allEventTypesListed: [MissingEventType] extends [never] ? true : never = true;
void _allEventTypesListed;

/** The current schema version of each event type; an older stored version is upcast on read. */
export const LOAN_EVENT_SCHEMA_VERSIONS: Readonly<Record<LoanEventType, number>> = Object.fromEntries(
  LOAN_EVENT_TYPES.map((type) => [type, 1]),
) as Record<LoanEventType, number>;

export const isLoanEventType = (type: string): type is LoanEventType =>
  (LOAN_EVENT_TYPES as readonly string[]).includes(type);
