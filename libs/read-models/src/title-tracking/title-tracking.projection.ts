import { BusinessDate, LienReleaseMethod, LoanEvent } from '@ledger/domain';
import { Projection } from '../projection';
import { accountNumberOf, alreadyApplied, isLoanEvent, loanEventOf } from '../event-views/event-views';

export const TITLES_COLLECTION = 'titles';

export type TitleStatus =
  'NOT_STARTED' | 'LIEN_RELEASE_REQUESTED' | 'LIEN_RELEASED' | 'TITLE_MAILED' | 'TITLE_DELIVERED' | 'MANUAL_REVIEW';
export type TitleStep =
  'PAID_OFF' | 'LIEN_RELEASE_REQUESTED' | 'LIEN_RELEASED' | 'TITLE_MAILED' | 'TITLE_DELIVERED' | 'MANUAL_REVIEW' | 'LOAN_REACTIVATED';

/** One loan's title, id = account number. `expectedBy` is the date the next step is due by. */
export type TitleDocument = {
  accountNumber: string;
  revision: number;
  titleState: string;
  status: TitleStatus;
  method: LienReleaseMethod | null;
  expectedBy: BusinessDate | null;
  carrier: string | null;
  trackingNumber: string | null;
  timeline: { step: TitleStep; on: BusinessDate; detail: string }[];
};

type TitleFacts = Pick<TitleDocument, 'status' | 'method' | 'expectedBy' | 'carrier' | 'trackingNumber'>;
type Change = { facts?: Partial<TitleFacts>; step: TitleStep; on: BusinessDate; detail: string } | null;

/**
 * The step an event adds to the title's timeline, with what it changes; null for events that
 * say nothing about the title. docs/servicing-rules.md, "Payoff, lien release and title".
 */
function titleChange(event: LoanEvent): Change {
  switch (event.type) {
    case 'LoanPaidOff':
      return { step: 'PAID_OFF', on: event.data.paidOffOn, detail: 'Loan paid off' };
    case 'LienReleaseRequested': {
      const { method, titleState, expectedBy, requestedOn } = event.data;
      return { facts: { status: 'LIEN_RELEASE_REQUESTED', method, expectedBy, carrier: null, trackingNumber: null }, step: 'LIEN_RELEASE_REQUESTED', on: requestedOn, detail: `${method} lien release requested from ${titleState}` };
    }
    case 'LienReleased':
      return { facts: { status: 'LIEN_RELEASED', method: event.data.method, expectedBy: event.data.expectedBy }, step: 'LIEN_RELEASED', on: event.data.releasedOn, detail: 'Lien released' };
    case 'TitleMailed': {
      const { carrier, trackingNumber, expectedBy, mailedOn } = event.data;
      return { facts: { status: 'TITLE_MAILED', carrier, trackingNumber, expectedBy }, step: 'TITLE_MAILED', on: mailedOn, detail: `Mailed by ${carrier}, tracking ${trackingNumber}` };
    }
    case 'TitleDelivered':
      return { facts: { status: 'TITLE_DELIVERED', expectedBy: null }, step: 'TITLE_DELIVERED', on: event.data.deliveredOn, detail: 'Title delivered' };
    case 'PaymentReturned':
      // A return after the lien was released cannot reopen the loan: someone must look at it.
      return event.data.requiresManualReview
        ? { facts: { status: 'MANUAL_REVIEW', expectedBy: null }, step: 'MANUAL_REVIEW', on: event.data.returnedOn, detail: `Payment ${event.data.paymentId} returned (${event.data.returnCode}) after the lien release` }
        : null;
    case 'LoanReactivated':
      // The release request is withdrawn with the payoff it followed (as the loan's own state does).
      return { facts: { status: 'NOT_STARTED', method: null, expectedBy: null, carrier: null, trackingNumber: null }, step: 'LOAN_REACTIVATED', on: event.data.reactivatedOn, detail: `Payoff undone by the return of payment ${event.data.paymentId}` };
    default:
      return null;
  }
}

/** GET /v1/loans/{acct}/title: status, method, expected-by date, tracking and a timeline. */
export const titleTrackingProjection: Projection<TitleDocument> = {
  name: 'title-tracking',
  version: 1,
  collections: [{ name: TITLES_COLLECTION, indexes: [] }],
  canHandle: isLoanEvent,
  documentIdsFor: (event) => [{ collection: TITLES_COLLECTION, id: accountNumberOf(event) }],
  evolve: (document, recorded) => {
    const event = loanEventOf(recorded);
    if (event === null || alreadyApplied(document, recorded)) return document;
    if (event.type === 'LoanOpened') {
      return {
        accountNumber: event.data.accountNumber, revision: recorded.revision, titleState: event.data.titleState, status: 'NOT_STARTED',
        method: null, expectedBy: null, carrier: null, trackingNumber: null, timeline: [],
      };
    }
    if (document === null) return null;
    const change = titleChange(event);
    if (change === null) return { ...document, revision: recorded.revision };
    return {
      ...document,
      ...change.facts,
      revision: recorded.revision,
      timeline: [...document.timeline, { step: change.step, on: change.on, detail: change.detail }],
    };
  },
};
