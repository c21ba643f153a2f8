import { Apr } from '../money/apr';
import { Money } from '../money/money';
import { assertInvariant, unreachable } from '../shared/assert';
import { evolvePaymentReturned, evolvePaymentSettled } from './evolve-settlement';
import { AutoPaySettingsData, LoanEvent, LoanOpenedData } from './loan.events';
import { AutoPaySettings, LoanState, NO_TITLE_STEP, OpenedLoanState, PaymentRecord, TitleTracking } from './loan.state';

const money = Money.fromStored;

/**
 * Folds one recorded loan event into the state. Pure, and it never refuses a recorded fact: an
 * event on a stream that is not open is ignored rather than thrown on (the store is the truth).
 * Broken invariants (an allocation that does not sum) are programmer errors and do throw.
 */
export function evolve(state: LoanState, event: LoanEvent): LoanState {
  if (event.type === 'LoanOpened') return opened(event.data);
  if (state.status === 'NotOpened') return state;
  return evolveOpened(state, event);
}

function evolveOpened(state: OpenedLoanState, event: Exclude<LoanEvent, { type: 'LoanOpened' }>): OpenedLoanState {
  switch (event.type) {
    case 'StatementIssued': {
      const { cycle, statementDate, dueDate } = event.data;
      const statement = { cycle, statementDate, dueDate, amountDue: money(event.data.amountDue), pastDue: money(event.data.pastDue) };
      return { ...state, statements: { ...state.statements, [cycle]: statement } };
    }
    case 'PaymentScheduled': {
      const { paymentId, channel, source, cycle, scheduledFor } = event.data;
      const payment: PaymentRecord = {
        paymentId, channel, source, cycle, effectiveDate: scheduledFor, amount: money(event.data.amount),
        status: 'SCHEDULED', allocation: null, returnCode: null,
      };
      const payments = { ...state.payments, [paymentId]: payment };
      if (source !== 'AUTOPAY') return { ...state, payments };
      // An AutoPay draft is the cycle's one draft decision.
      return {
        ...state,
        payments,
        autopayPaymentIds: [...state.autopayPaymentIds, paymentId],
        autopayDecidedCycles: [...state.autopayDecidedCycles, cycle],
      };
    }
    case 'PaymentCancelled':
      return withPaymentStatus(state, event.data.paymentId, 'CANCELLED');
    case 'PaymentSubmitted':
      return withPaymentStatus(state, event.data.paymentId, 'SUBMITTED');
    case 'PaymentSettled':
      return evolvePaymentSettled(state, event.data);
    case 'PaymentReturned':
      return evolvePaymentReturned(state, event.data);
    case 'FeeCharged': {
      const { feeId, kind, cycle, chargedOn } = event.data;
      const fee = { feeId, kind, cycle, chargedOn, amount: money(event.data.amount), paid: Money.zero, waived: Money.zero };
      const lateFeeCycles = kind === 'LATE' && cycle !== null ? [...state.lateFeeCycles, cycle] : state.lateFeeCycles;
      return { ...state, fees: [...state.fees, fee], lateFeeCycles };
    }
    case 'FeeWaived':
      return {
        ...state,
        fees: state.fees.map((fee) =>
          fee.feeId === event.data.feeId ? { ...fee, waived: fee.waived.plus(money(event.data.amount)) } : fee,
        ),
      };
    case 'AutoPayEnrolled':
    case 'AutoPayUpdated':
    case 'AutoPayCancelled':
    case 'AutoPaySuspended':
    case 'AutoPayDraftSkipped':
    case 'TextPayEnrolled':
    case 'TextPayCancelled':
    case 'PaymentReminderSent':
      return evolveEnrolments(state, event);
    case 'LoanPaidOff':
      return { ...state, status: 'PaidOff', paidOffOn: event.data.paidOffOn };
    case 'LoanReactivated':
      // The lien release request is withdrawn with the payoff it followed.
      return { ...state, status: 'Active', paidOffOn: null, title: NO_TITLE_STEP };
    case 'OverpaymentRefunded':
      return { ...state, refundDue: state.refundDue.minus(money(event.data.amount)).floorAtZero() };
    case 'LienReleaseRequested':
    case 'LienReleased':
    case 'TitleMailed':
    case 'TitleDelivered':
      return { ...state, title: evolveTitle(state.title, event) };
    default:
      return unreachable(event, 'loan event');
  }
}

type EnrolmentEvent = Extract<
  LoanEvent,
  { type: 'AutoPayEnrolled' | 'AutoPayUpdated' | 'AutoPayCancelled' | 'AutoPaySuspended' | 'AutoPayDraftSkipped' | 'TextPayEnrolled' | 'TextPayCancelled' | 'PaymentReminderSent' }
>;

/** AutoPay and pay by text: enrolments and the once-per-cycle decisions they record. */
function evolveEnrolments(state: OpenedLoanState, event: EnrolmentEvent): OpenedLoanState {
  switch (event.type) {
    case 'AutoPayEnrolled':
    case 'AutoPayUpdated':
      return { ...state, autopay: { status: 'ACTIVE', settings: autopaySettings(event.data) } };
    case 'AutoPayCancelled':
      return { ...state, autopay: null };
    case 'AutoPaySuspended':
      return state.autopay ? { ...state, autopay: { ...state.autopay, status: 'SUSPENDED' } } : state;
    case 'AutoPayDraftSkipped':
      return { ...state, autopayDecidedCycles: [...state.autopayDecidedCycles, event.data.cycle] };
    case 'TextPayEnrolled': {
      const { mobileNumber, fundingSourceId, fundingLast4 } = event.data;
      return { ...state, textPay: { mobileNumber, fundingSourceId, fundingLast4 } };
    }
    case 'TextPayCancelled':
      return { ...state, textPay: null };
    case 'PaymentReminderSent':
      return { ...state, remindedCycles: [...state.remindedCycles, event.data.cycle] };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

type TitleEvent = Extract<LoanEvent, { type: 'LienReleaseRequested' | 'LienReleased' | 'TitleMailed' | 'TitleDelivered' }>;

/** Title tracking: requested -> released -> (PAPER) mailed -> delivered, each with its expected-by date. */
function evolveTitle(title: TitleTracking, event: TitleEvent): TitleTracking {
  switch (event.type) {
    case 'LienReleaseRequested':
      return { ...NO_TITLE_STEP, status: 'RELEASE_REQUESTED', method: event.data.method, expectedBy: event.data.expectedBy };
    case 'LienReleased':
      return { ...title, status: 'RELEASED', method: event.data.method, expectedBy: event.data.expectedBy };
    case 'TitleMailed': {
      const { carrier, trackingNumber, expectedBy } = event.data;
      return { ...title, status: 'MAILED', carrier, trackingNumber, expectedBy };
    }
    case 'TitleDelivered':
      return { ...title, status: 'DELIVERED', expectedBy: null };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function opened(data: LoanOpenedData): OpenedLoanState {
  const { terms } = data;
  const principal = money(terms.principal);
  assertInvariant(principal.isPositive(), 'a loan opens with a positive principal');
  return {
    status: 'Active',
    accountNumber: data.accountNumber,
    customerId: data.customerId,
    vehicle: data.vehicle,
    titleState: data.titleState,
    terms: {
      ...terms,
      principal,
      apr: Apr.parse(terms.apr),
      installment: money(terms.installment),
      lateFee: { ...terms.lateFee, cap: money(terms.lateFee.cap) },
      returnedPaymentFee: money(terms.returnedPaymentFee),
    },
    principal,
    accruedInterest: Money.zero,
    lastPostedOn: terms.originationDate,
    fees: [],
    received: Money.zero,
    payments: {},
    statements: {},
    lateFeeCycles: [],
    autopay: null,
    autopayDecidedCycles: [],
    autopayPaymentIds: [],
    consecutiveAutoPayReturns: 0,
    textPay: null,
    remindedCycles: [],
    refundDue: Money.zero,
    paidOffOn: null,
    title: NO_TITLE_STEP,
    manualReviewRequired: false,
  };
}

const autopaySettings = (data: AutoPaySettingsData): AutoPaySettings => ({
  fundingSourceId: data.fundingSourceId,
  fundingLast4: data.fundingLast4,
  amountRule: data.amountRule,
  fixedAmount: data.fixedAmount === null ? null : money(data.fixedAmount),
  extraPrincipal: money(data.extraPrincipal),
  draftDaysBeforeDue: data.draftDaysBeforeDue,
});

function withPaymentStatus(state: OpenedLoanState, paymentId: string, status: PaymentRecord['status']): OpenedLoanState {
  const payment = state.payments[paymentId];
  if (!payment) return state;
  return { ...state, payments: { ...state.payments, [paymentId]: { ...payment, status } } };
}
