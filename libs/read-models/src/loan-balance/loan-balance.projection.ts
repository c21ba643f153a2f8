import { LoanEvent, Money, maxDate, unreachable } from '@ledger/domain';
import { Projection } from '../projection';
import { accountNumberOf, alreadyApplied, businessDateOf, isLoanEvent, loanEventOf } from '../event-views/event-views';
import { LoanBalanceDocument, openedBalance, textPayView } from './loan-balance.document';
import { pendingMoved, returned, settled } from './loan-balance.payments';

export const LOAN_BALANCE_COLLECTION = 'loans';

const money = Money.fromStored;
const plus = (a: string, b: string): string => money(a).plus(money(b)).toString();
const minus = (a: string, b: string): string => money(a).minus(money(b)).toString();

/**
 * One document per loan (id = account number): the balance facts the log holds. The query
 * turns them into the time-dependent figures of GET /v1/loans/{acct}/balance.
 */
export const loanBalanceProjection: Projection<LoanBalanceDocument> = {
  name: 'loan-balance',
  version: 1,
  collections: [{ name: LOAN_BALANCE_COLLECTION, indexes: [] }],
  canHandle: isLoanEvent,
  documentIdsFor: (event) => [{ collection: LOAN_BALANCE_COLLECTION, id: accountNumberOf(event) }],
  evolve: (document, recorded) => {
    const event = loanEventOf(recorded);
    if (event === null || alreadyApplied(document, recorded)) return document;
    if (event.type === 'LoanOpened') return openedBalance(event.data, recorded.revision);
    // A loan event before LoanOpened cannot be recorded by the decider; it is ignored, never thrown on.
    if (document === null) return null;
    return { ...evolveBalance(document, event), revision: recorded.revision, asOf: maxDate(document.asOf, businessDateOf(event)) };
  },
};

function evolveBalance(document: LoanBalanceDocument, event: Exclude<LoanEvent, { type: 'LoanOpened' }>): LoanBalanceDocument {
  switch (event.type) {
    case 'StatementIssued': {
      const { cycle, dueDate, amountDue } = event.data;
      return { ...document, lastStatement: { cycle, dueDate, amountDue } };
    }
    case 'PaymentScheduled': {
      const { paymentId, amount, scheduledFor } = event.data;
      return {
        ...document,
        pendingPayments: [...document.pendingPayments, { paymentId, amount, scheduledFor, status: 'SCHEDULED' }],
        lastPayment: { id: paymentId, amount, status: 'SCHEDULED', date: scheduledFor },
      };
    }
    case 'PaymentCancelled': return pendingMoved(document, event.data.paymentId, 'CANCELLED');
    case 'PaymentSubmitted': return pendingMoved(document, event.data.paymentId, 'SUBMITTED');
    case 'PaymentSettled': return settled(document, event.data);
    case 'PaymentReturned': return returned(document, event.data);
    case 'FeeCharged': {
      const { amount } = event.data;
      return { ...document, feesOutstanding: plus(document.feesOutstanding, amount), feesChargedNet: plus(document.feesChargedNet, amount) };
    }
    case 'FeeWaived': {
      // FeeWaived carries the unpaid part forgiven: it leaves both what is owed and what was billed.
      const { amount } = event.data;
      return { ...document, feesOutstanding: minus(document.feesOutstanding, amount), feesChargedNet: minus(document.feesChargedNet, amount) };
    }
    case 'AutoPayEnrolled':
    case 'AutoPayUpdated': {
      const { amountRule, fixedAmount, extraPrincipal, draftDaysBeforeDue, fundingLast4 } = event.data;
      return { ...document, autopay: { amountRule, fixedAmount, extraPrincipal, draftDaysBeforeDue, fundingLast4, suspended: false } };
    }
    case 'AutoPayCancelled': return { ...document, autopay: null };
    case 'AutoPaySuspended': return document.autopay ? { ...document, autopay: { ...document.autopay, suspended: true } } : document;
    case 'TextPayEnrolled': return { ...document, textPay: textPayView(event.data.mobileNumber, event.data.fundingLast4) };
    case 'TextPayCancelled': return { ...document, textPay: null };
    case 'LoanPaidOff': return { ...document, status: 'PAID_OFF', paidOffOn: event.data.paidOffOn };
    case 'LoanReactivated': return { ...document, status: 'ACTIVE', paidOffOn: null };
    case 'OverpaymentRefunded':
      return { ...document, refundDue: money(document.refundDue).minus(money(event.data.amount)).floorAtZero().toString() };
    case 'AutoPayDraftSkipped':
    case 'PaymentReminderSent':
    case 'LienReleaseRequested':
    case 'LienReleased':
    case 'TitleMailed':
    case 'TitleDelivered':
      // Nothing on the balance changes; the revision and date still move.
      return document;
    default:
      return unreachable(event, 'loan event');
  }
}
