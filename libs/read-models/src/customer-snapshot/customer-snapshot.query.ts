import { AlertPreferences, BusinessDate, lastFour } from '@ledger/domain';
import { collectionName } from '../projection';
import { ReadStore } from '../stores/read-store.port';
import {
  CustomerSnapshotDocument, LoanSummaryDocument, SNAPSHOT_CUSTOMERS_COLLECTION, SNAPSHOT_LOANS_COLLECTION, customerSnapshotProjection,
} from './customer-snapshot.projection';

export interface VehicleSummary {
  accountNumber: string;
  vinLast4: string;
  year: number | null;
  make: string | null;
  model: string | null;
  /** Null while the loan's own events have not reached the read model yet. */
  status: 'ACTIVE' | 'PAID_OFF' | null;
  principal: string | null;
  /** The payoff as of `payoffAsOf`, the business date of the loan's last event. */
  payoff: string | null;
  payoffAsOf: BusinessDate | null;
  /** As of the last statement issued ("0.00" before the first one and once paid off). */
  amountDue: string | null;
  nextDueDate: BusinessDate | null;
}

export interface CustomerSnapshot {
  customerId: string;
  name: string;
  email: string;
  mobile: string;
  mobileVerified: boolean;
  alertPreferences: AlertPreferences;
  vehicles: VehicleSummary[];
}

const physical = (collection: string) => collectionName(customerSnapshotProjection.name, customerSnapshotProjection.version, collection);

const summaryOf = (accountNumber: string, vin: string, loan: LoanSummaryDocument | undefined): VehicleSummary => {
  const paidOff = loan?.balance.status === 'PAID_OFF';
  const statement = loan?.balance.lastStatement ?? null;
  return {
    accountNumber,
    vinLast4: lastFour(vin),
    year: loan?.vehicle.year ?? null,
    make: loan?.vehicle.make ?? null,
    model: loan?.vehicle.model ?? null,
    status: loan?.balance.status ?? null,
    principal: loan?.balance.principal ?? null,
    payoff: loan?.payoffAsOfLastEvent ?? null,
    payoffAsOf: loan?.balance.asOf ?? null,
    amountDue: loan === undefined ? null : paidOff || statement === null ? '0.00' : statement.amountDue,
    nextDueDate: paidOff ? null : (statement?.dueDate ?? loan?.balance.terms.firstPaymentDate ?? null),
  };
};

/**
 * The customer with every linked vehicle and its balance summary, or null for an unknown
 * customer: the profile document joined with the loan summaries (one getMany).
 */
export async function getCustomerSnapshot(store: ReadStore, customerId: string): Promise<CustomerSnapshot | null> {
  const customer = await store.get<CustomerSnapshotDocument>(physical(SNAPSHOT_CUSTOMERS_COLLECTION), customerId);
  if (customer === null) return null;
  const { vehicles, mobileMasked, name, email, mobileVerified, alertPreferences } = customer.document;
  const loans = await store.getMany<LoanSummaryDocument>(physical(SNAPSHOT_LOANS_COLLECTION), vehicles.map((vehicle) => vehicle.accountNumber));
  const byAccount = new Map(loans.map((stored) => [stored.id, stored.document]));
  return {
    customerId, name, email, mobile: mobileMasked, mobileVerified, alertPreferences,
    vehicles: vehicles.map((vehicle) => summaryOf(vehicle.accountNumber, vehicle.vin, byAccount.get(vehicle.accountNumber))),
  };
}
