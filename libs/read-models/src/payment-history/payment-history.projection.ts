import {
  AllocationData, BusinessDate, LoanEvent, PaymentChannel, PaymentSource, PaymentStatus, unreachable,
} from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { DocumentTarget, Projection } from '../projection';
import { accountNumberOf, alreadyApplied, loanEventOf } from '../event-views/event-views';

export const PAYMENTS_COLLECTION = 'payments';
/** One marker per loan, so the query tells "no payments yet" from "no such loan". */
export const PAYMENT_LOANS_COLLECTION = 'loans';

/** One payment of a loan as the history shows it; amounts are two-decimal strings. */
export type PaymentHistoryDocument = {
  id: string;
  accountNumber: string;
  revision: number;
  amount: string;
  status: PaymentStatus;
  channel: PaymentChannel;
  source: PaymentSource;
  cycle: number;
  /** The date a debit was scheduled for; null for an external payment. */
  scheduledFor: BusinessDate | null;
  effectiveDate: BusinessDate;
  settledOn: BusinessDate | null;
  returnedOn: BusinessDate | null;
  cancelledOn: BusinessDate | null;
  allocation: AllocationData | null;
  returnCode: string | null;
  /** What a third party charged on top of the payment (never on the loan); null when none. */
  thirdPartyFee: string | null;
  fundingLast4: string | null;
  /** `${effectiveDate}#${revision of the first event, 12 digits}`: newest first is descending order. */
  sortKey: string;
};

type PaymentEvent = Extract<LoanEvent, { type: 'PaymentScheduled' | 'PaymentCancelled' | 'PaymentSubmitted' | 'PaymentSettled' | 'PaymentReturned' }>;
const PAYMENT_EVENT_TYPES: ReadonlySet<string> = new Set(['PaymentScheduled', 'PaymentCancelled', 'PaymentSubmitted', 'PaymentSettled', 'PaymentReturned']);

export const paymentDocumentId = (accountNumber: string, paymentId: string): string => `${accountNumber}:${paymentId}`;
const sortKeyOf = (effectiveDate: BusinessDate, revision: number): string => `${effectiveDate}#${String(revision).padStart(12, '0')}`;

/**
 * GET /v1/loans/{acct}/payments: one document per payment, id `${accountNumber}:${paymentId}`,
 * indexed for a newest-first page of one loan, with or without a status filter.
 */
export const paymentHistoryProjection: Projection = {
  name: 'payment-history',
  version: 1,
  collections: [
    {
      name: PAYMENTS_COLLECTION,
      indexes: [
        { fields: [{ field: 'accountNumber', direction: 'asc' }, { field: 'sortKey', direction: 'desc' }] },
        { fields: [{ field: 'accountNumber', direction: 'asc' }, { field: 'status', direction: 'asc' }, { field: 'sortKey', direction: 'desc' }] },
      ],
    },
    { name: PAYMENT_LOANS_COLLECTION, indexes: [] },
  ],
  canHandle: (event) => loanEventOf(event) !== null && (event.type === 'LoanOpened' || PAYMENT_EVENT_TYPES.has(event.type)),
  documentIdsFor: (event): DocumentTarget[] => {
    const accountNumber = accountNumberOf(event);
    if (event.type === 'LoanOpened') return [{ collection: PAYMENT_LOANS_COLLECTION, id: accountNumber }];
    return [{ collection: PAYMENTS_COLLECTION, id: paymentDocumentId(accountNumber, String(event.data.paymentId)) }];
  },
  evolve: (document, recorded) => {
    const event = loanEventOf(recorded);
    if (event === null || alreadyApplied(document, recorded)) return document;
    if (event.type === 'LoanOpened') return { accountNumber: event.data.accountNumber, revision: recorded.revision };
    if (!PAYMENT_EVENT_TYPES.has(event.type)) return document;
    const next = evolvePayment(document as PaymentHistoryDocument | null, event as PaymentEvent, recorded);
    return next === null ? null : { ...next, revision: recorded.revision };
  },
};

function evolvePayment(document: PaymentHistoryDocument | null, event: PaymentEvent, recorded: RecordedEvent): PaymentHistoryDocument | null {
  const accountNumber = accountNumberOf(recorded);
  switch (event.type) {
    case 'PaymentScheduled': {
      const { paymentId, amount, channel, source, cycle, scheduledFor, fundingLast4 } = event.data;
      return {
        id: paymentId, accountNumber, revision: recorded.revision, amount, status: 'SCHEDULED', channel, source, cycle,
        scheduledFor, effectiveDate: scheduledFor, settledOn: null, returnedOn: null, cancelledOn: null, allocation: null,
        returnCode: null, thirdPartyFee: null, fundingLast4, sortKey: sortKeyOf(scheduledFor, recorded.revision),
      };
    }
    case 'PaymentSettled': {
      const { paymentId, amount, channel, source, cycle, effectiveDate, settledOn, allocation, thirdPartyFee } = event.data;
      // An external payment is first seen here; a scheduled debit keeps its identity and sort key.
      const base = document ?? {
        id: paymentId, accountNumber, revision: recorded.revision, scheduledFor: null, returnedOn: null, cancelledOn: null,
        returnCode: null, fundingLast4: null, sortKey: sortKeyOf(effectiveDate, recorded.revision),
      };
      const fee = thirdPartyFee === '0.00' ? null : thirdPartyFee;
      return { ...base, amount, status: 'SETTLED', channel, source, cycle, effectiveDate, settledOn, allocation, thirdPartyFee: fee };
    }
    // Status changes of a payment the history never saw scheduled cannot be recorded; they are ignored.
    case 'PaymentCancelled':
      return document && { ...document, status: 'CANCELLED', cancelledOn: event.data.cancelledOn };
    case 'PaymentSubmitted':
      return document && { ...document, status: 'SUBMITTED' };
    case 'PaymentReturned':
      return document && { ...document, status: 'RETURNED', returnCode: event.data.returnCode, returnedOn: event.data.returnedOn };
    default:
      return unreachable(event, 'payment event');
  }
}
