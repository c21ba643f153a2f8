import { BusinessDate, Money, maxDate } from '@ledger/domain';
import { Projection } from '../projection';
import { accountNumberOf, alreadyApplied, isLoanEvent, loanEventOf } from '../event-views/event-views';

export const PROGRESS_COLLECTION = 'loans';

const money = Money.fromStored;

/** One loan's progress (id = account number); amounts are two-decimal strings. */
export type PayoffProgressDocument = {
  accountNumber: string;
  revision: number;
  status: 'ACTIVE' | 'PAID_OFF';
  paidOffOn: BusinessDate | null;
  originalPrincipal: string;
  principal: string;
  accruedInterest: string;
  lastPostedOn: BusinessDate;
  /** Interest parts of settled payments, less those of returned ones. */
  interestPaid: string;
  /** Settled payments not returned. */
  paymentsMade: number;
  terms: { apr: string; installment: string; firstPaymentDate: BusinessDate; maturityDate: BusinessDate };
};

/** GET /v1/loans/{acct}/payoff-progress. */
export const payoffProgressProjection: Projection<PayoffProgressDocument> = {
  name: 'payoff-progress',
  version: 1,
  collections: [{ name: PROGRESS_COLLECTION, indexes: [] }],
  canHandle: isLoanEvent,
  documentIdsFor: (event) => [{ collection: PROGRESS_COLLECTION, id: accountNumberOf(event) }],
  evolve: (document, recorded) => {
    const event = loanEventOf(recorded);
    if (event === null || alreadyApplied(document, recorded)) return document;
    if (event.type === 'LoanOpened') {
      const { terms } = event.data;
      return {
        accountNumber: event.data.accountNumber, revision: recorded.revision, status: 'ACTIVE', paidOffOn: null,
        originalPrincipal: terms.principal, principal: terms.principal, accruedInterest: '0.00', lastPostedOn: terms.originationDate,
        interestPaid: '0.00', paymentsMade: 0,
        terms: { apr: terms.apr, installment: terms.installment, firstPaymentDate: terms.firstPaymentDate, maturityDate: terms.maturityDate },
      };
    }
    if (document === null) return null;
    const next = { ...document, revision: recorded.revision };
    switch (event.type) {
      case 'PaymentSettled': {
        const { balancesAfter, allocation, effectiveDate } = event.data;
        return {
          ...next, principal: balancesAfter.principal, accruedInterest: balancesAfter.accruedInterest,
          lastPostedOn: maxDate(document.lastPostedOn, effectiveDate),
          interestPaid: money(document.interestPaid).plus(money(allocation.interest)).toString(), paymentsMade: document.paymentsMade + 1,
        };
      }
      case 'PaymentReturned': {
        const { balancesAfter, restored, returnedOn } = event.data;
        return {
          ...next, principal: balancesAfter.principal, accruedInterest: balancesAfter.accruedInterest,
          lastPostedOn: maxDate(document.lastPostedOn, returnedOn),
          interestPaid: money(document.interestPaid).minus(money(restored.interest)).toString(), paymentsMade: document.paymentsMade - 1,
        };
      }
      case 'LoanPaidOff': return { ...next, status: 'PAID_OFF', paidOffOn: event.data.paidOffOn };
      case 'LoanReactivated': return { ...next, status: 'ACTIVE', paidOffOn: null };
      // Every other loan event leaves the progress as it was.
      default: return next;
    }
  },
};
