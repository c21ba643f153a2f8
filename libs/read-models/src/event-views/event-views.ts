import {
  BusinessDate,
  CustomerEvent,
  LoanEvent,
  isCustomerEventType,
  isLoanEventType,
  unreachable,
} from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { DocumentBody } from '../stores/read-store.port';

/*
 * Typed views of recorded events for the read models. The projector hands over the store's
 * envelope (type: string, data: JSON); the wire contract lives in the domain's *.events.ts, and
 * events are upcast to the current schema on read, so a known type has the current data shape.
 */

const LOAN_STREAM_PREFIX = 'loan-';
const CUSTOMER_STREAM_PREFIX = 'customer-';

/** The loan event in this envelope, or null when it is not one (another stream or an unknown type). */
export const loanEventOf = (event: RecordedEvent): LoanEvent | null =>
  event.streamId.startsWith(LOAN_STREAM_PREFIX) && isLoanEventType(event.type)
    ? ({ type: event.type, data: event.data } as unknown as LoanEvent)
    : null;

/** The customer event in this envelope, or null when it is not one. */
export const customerEventOf = (event: RecordedEvent): CustomerEvent | null =>
  event.streamId.startsWith(CUSTOMER_STREAM_PREFIX) && isCustomerEventType(event.type)
    ? ({ type: event.type, data: event.data } as unknown as CustomerEvent)
    : null;

export const isLoanEvent = (event: RecordedEvent): boolean => loanEventOf(event) !== null;
export const isCustomerEvent = (event: RecordedEvent): boolean => customerEventOf(event) !== null;

/** The account number of a loan stream (`loan-{accountNumber}`, events.md "Streams"). */
export const accountNumberOf = (event: RecordedEvent): string => event.streamId.slice(LOAN_STREAM_PREFIX.length);

/** The customer id of a customer stream (`customer-{customerId}`). */
export const customerIdOf = (event: RecordedEvent): string => event.streamId.slice(CUSTOMER_STREAM_PREFIX.length);

/**
 * Whether `document` already reflects this event: documents fed by one stream store the stream
 * revision they reflect, so a redelivered event is a no-op (STYLE.md rule 6).
 */
export const alreadyApplied = (document: DocumentBody | null, event: RecordedEvent): boolean =>
  document !== null && typeof document.revision === 'number' && document.revision >= event.revision;

/** The business date a loan event happened on: every loan event carries one in its data. */
export function businessDateOf(event: LoanEvent): BusinessDate {
  switch (event.type) {
    case 'LoanOpened': return event.data.openedOn;
    case 'StatementIssued': return event.data.statementDate;
    case 'PaymentScheduled': return event.data.scheduledOn;
    case 'PaymentCancelled': return event.data.cancelledOn;
    case 'PaymentSubmitted': return event.data.submittedOn;
    case 'PaymentSettled': return event.data.settledOn;
    case 'PaymentReturned': return event.data.returnedOn;
    case 'FeeCharged': return event.data.chargedOn;
    case 'FeeWaived': return event.data.waivedOn;
    case 'AutoPayEnrolled': return event.data.enrolledOn;
    case 'AutoPayUpdated': return event.data.updatedOn;
    case 'AutoPayCancelled': return event.data.cancelledOn;
    case 'AutoPaySuspended': return event.data.suspendedOn;
    case 'AutoPayDraftSkipped': return event.data.draftDate;
    case 'TextPayEnrolled': return event.data.enrolledOn;
    case 'TextPayCancelled': return event.data.cancelledOn;
    case 'PaymentReminderSent': return event.data.sentOn;
    case 'LoanPaidOff': return event.data.paidOffOn;
    case 'LoanReactivated': return event.data.reactivatedOn;
    case 'OverpaymentRefunded': return event.data.refundedOn;
    case 'LienReleaseRequested': return event.data.requestedOn;
    case 'LienReleased': return event.data.releasedOn;
    case 'TitleMailed': return event.data.mailedOn;
    case 'TitleDelivered': return event.data.deliveredOn;
    default: return unreachable(event, 'loan event');
  }
}
