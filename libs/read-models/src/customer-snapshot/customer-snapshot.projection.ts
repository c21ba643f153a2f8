import { AlertPreferences, BusinessDate, CustomerEvent, VehicleIdentifiedBy, lastFour, unreachable } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { EvolveContext, Projection } from '../projection';
import { DocumentBody } from '../stores/read-store.port';
import { accountNumberOf, alreadyApplied, customerEventOf, customerIdOf, loanEventOf } from '../event-views/event-views';
import { LoanBalanceDocument } from '../loan-balance/loan-balance.document';
import { loanBalanceProjection } from '../loan-balance/loan-balance.projection';
import { quoteAsOf } from '../loan-balance/loan-balance.figures';

export const SNAPSHOT_CUSTOMERS_COLLECTION = 'customers';
export const SNAPSHOT_LOANS_COLLECTION = 'loans';

export type CustomerSnapshotDocument = {
  customerId: string;
  revision: number;
  name: string;
  email: string;
  /** Only the last 4 digits are kept, e.g. "(***) ***-0143". */
  mobileMasked: string;
  mobileVerified: boolean;
  alertPreferences: AlertPreferences;
  vehicles: { accountNumber: string; vin: string; identifiedBy: VehicleIdentifiedBy; linkedOn: BusinessDate }[];
};

/** One loan's summary, id = account number; kept per loan and joined to the customer at query time. */
export type LoanSummaryDocument = {
  accountNumber: string;
  revision: number;
  vehicle: { year: number; make: string; model: string; vinLast4: string };
  balance: LoanBalanceDocument;
  /** The payoff as of the business date of the last event (interest since L to that date included). */
  payoffAsOfLastEvent: string;
};

export const maskMobile = (mobile: string): string => `(***) ***-${lastFour(mobile)}`;

/**
 * GET /v1/customers/{id}/snapshot. Design: two collections, the customer profile (customer
 * stream) and a summary per loan (loan stream), joined by the query with one getMany over the
 * linked account numbers. This is simpler than pushing loan events into the customer document
 * through a lookup: the two streams are independent in the global log (a VehicleLinked may come
 * before or after the loan's latest events), and no summary is copied twice.
 */
export const customerSnapshotProjection: Projection = {
  name: 'customer-snapshot',
  version: 1,
  collections: [{ name: SNAPSHOT_CUSTOMERS_COLLECTION, indexes: [] }, { name: SNAPSHOT_LOANS_COLLECTION, indexes: [] }],
  canHandle: (event) => customerEventOf(event) !== null || loanEventOf(event) !== null,
  documentIdsFor: (event) =>
    customerEventOf(event) !== null
      ? [{ collection: SNAPSHOT_CUSTOMERS_COLLECTION, id: customerIdOf(event) }]
      : [{ collection: SNAPSHOT_LOANS_COLLECTION, id: accountNumberOf(event) }],
  evolve: (document, recorded, context) => {
    if (alreadyApplied(document, recorded)) return document;
    const customerEvent = customerEventOf(recorded);
    if (customerEvent !== null) return evolveCustomer(document as CustomerSnapshotDocument | null, customerEvent, recorded.revision);
    return evolveLoanSummary(document as LoanSummaryDocument | null, recorded, context);
  },
};

function evolveLoanSummary(document: LoanSummaryDocument | null, recorded: RecordedEvent, context: EvolveContext): DocumentBody | null {
  const event = loanEventOf(recorded);
  if (event === null) return document;
  const balance = loanBalanceProjection.evolve(document?.balance ?? null, recorded, context as EvolveContext<LoanBalanceDocument>);
  if (balance === null) return document;
  const vehicle =
    event.type === 'LoanOpened'
      ? { year: event.data.vehicle.year, make: event.data.vehicle.make, model: event.data.vehicle.model, vinLast4: lastFour(event.data.vehicle.vin) }
      : document?.vehicle;
  if (vehicle === undefined) return null;
  const summary: LoanSummaryDocument = {
    accountNumber: accountNumberOf(recorded),
    revision: recorded.revision,
    vehicle,
    balance,
    payoffAsOfLastEvent: quoteAsOf(balance, balance.asOf).total.toString(),
  };
  return summary;
}

function evolveCustomer(document: CustomerSnapshotDocument | null, event: CustomerEvent, revision: number): CustomerSnapshotDocument | null {
  if (event.type === 'CustomerRegistered') {
    const { customerId, name, email, mobile, alertPreferences } = event.data;
    return { customerId, revision, name, email, mobileMasked: maskMobile(mobile), mobileVerified: false, alertPreferences, vehicles: [] };
  }
  // Nothing is recorded on a customer stream before registration; such an event is ignored.
  if (document === null) return null;
  switch (event.type) {
    case 'ContactDetailsUpdated': {
      const { email, mobile, mobileVerified } = event.data;
      return { ...document, revision, email, mobileMasked: maskMobile(mobile), mobileVerified };
    }
    case 'AlertPreferencesUpdated': {
      const { payment, dueDate, title, statements } = event.data;
      return { ...document, revision, alertPreferences: { payment, dueDate, title, statements } };
    }
    case 'VehicleLinked': {
      const { accountNumber, vin, identifiedBy, linkedOn } = event.data;
      return { ...document, revision, vehicles: [...document.vehicles, { accountNumber, vin, identifiedBy, linkedOn }] };
    }
    case 'CreditScoreRecorded':
      return { ...document, revision };
    default:
      return unreachable(event, 'customer event');
  }
}
