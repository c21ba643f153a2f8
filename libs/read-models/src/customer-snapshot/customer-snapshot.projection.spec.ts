import { parseCustomerId } from '@ledger/domain';
import { ACCOUNT, CUSTOMER, Journal, openLoan } from '../event-views/journal.fixtures';
import { foldProjection, folded } from '../event-views/reference-fold';
import { storeWith } from '../event-views/store.fixtures';
import {
  CustomerSnapshotDocument, LoanSummaryDocument, SNAPSHOT_CUSTOMERS_COLLECTION, SNAPSHOT_LOANS_COLLECTION, customerSnapshotProjection,
} from './customer-snapshot.projection';
import { getCustomerSnapshot } from './customer-snapshot.query';

const VIN = '1HGCM82633A004352';

/** Ana registered, her loan opened, linked to her profile, and one installment paid on 2026-02-24. */
const anasStory = () => {
  const journal = new Journal().registerCustomer('2026-01-05');
  journal.loan(openLoan(), '2026-01-10');
  journal.customer({
    type: 'LinkVehicle',
    data: { customerId: parseCustomerId(CUSTOMER), ssnMatches: true, loan: { accountNumber: ACCOUNT, vin: VIN, customerId: CUSTOMER }, identifiedBy: 'VIN' },
  }, '2026-01-12');
  journal.days('2026-02-01', '2026-02-05');
  return journal.pay('pay-1', '489.04', '2026-02-24');
};
const documents = () => foldProjection(customerSnapshotProjection, anasStory().events);

describe('customer-snapshot: a customer registered', () => {
  const customer = folded<CustomerSnapshotDocument>(documents(), SNAPSHOT_CUSTOMERS_COLLECTION, CUSTOMER);
  it('keeps only the last 4 digits of the mobile number', () => expect(customer?.mobileMasked).toBe('(***) ***-0143'));
  it('starts with the default alert preferences', () => expect(customer?.alertPreferences.title).toEqual({ email: true, text: false }));
  it('lists the linked vehicle', () => expect(customer?.vehicles.map((vehicle) => vehicle.accountNumber)).toEqual([ACCOUNT]));
});

describe('customer-snapshot: the loan summary after one payment', () => {
  const loan = folded<LoanSummaryDocument>(documents(), SNAPSHOT_LOANS_COLLECTION, ACCOUNT);
  it('names the vehicle by year, make, model and VIN last 4', () => expect(loan?.vehicle).toEqual({ year: 2024, make: 'Honda', model: 'Accord', vinLast4: '4352' }));
  it('holds the principal after the payment', () => expect(loan?.balance.principal).toBe('24710.99'));
  it('quotes the payoff as of the payment day (no interest since posting)', () => expect(loan?.payoffAsOfLastEvent).toBe('24710.99'));
});

describe('customer-snapshot: events delivered again', () => {
  it('changes nothing', () => {
    const { events } = anasStory();
    expect(foldProjection(customerSnapshotProjection, [...events, ...events.slice(3)])).toEqual(foldProjection(customerSnapshotProjection, events));
  });
});

describe('getCustomerSnapshot', () => {
  const snapshot = async () => getCustomerSnapshot(await storeWith([customerSnapshotProjection], anasStory().events), CUSTOMER);
  it('joins the vehicle with its balance summary', async () =>
    expect((await snapshot())?.vehicles).toEqual([{
      accountNumber: ACCOUNT, vinLast4: '4352', year: 2024, make: 'Honda', model: 'Accord', status: 'ACTIVE',
      principal: '24710.99', payoff: '24710.99', payoffAsOf: '2026-02-24', amountDue: '489.04', nextDueDate: '2026-02-24',
    }]));
  it('answers null for an unknown customer', async () =>
    expect(await getCustomerSnapshot(await storeWith([customerSnapshotProjection], anasStory().events), 'C-404')).toBeNull());
});
