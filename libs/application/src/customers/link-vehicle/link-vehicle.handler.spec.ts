import { streamRevision } from '@ledger/event-store';
import {
  ledgerContextForTests,
  metadata,
  openLoanInput,
  storeWithOpenLoan,
} from '../../loans/loan-handler.fixtures';
import { CustomerStreams } from '../customer-streams';
import { RegisterCustomerCommand } from '../register-customer/register-customer.command';
import { RegisterCustomerHandler } from '../register-customer/register-customer.handler';
import { VinIndex } from '../vin-index';
import { LinkVehicleCommand } from './link-vehicle.command';
import { LinkVehicleHandler } from './link-vehicle.handler';
import { LoanToLinkFinder } from './loan-to-link.finder';

const SSN = '123-45-6789';

async function registeredBorrowerWithLoan() {
  const { store, loans } = await storeWithOpenLoan();
  const customers = new CustomerStreams(store, ledgerContextForTests());
  const registration = {
    customerId: 'C-1001',
    name: 'Ana Lopez',
    email: 'ana@example.com',
    mobile: '+12025550123',
    ssn: SSN,
  };
  await new RegisterCustomerHandler(customers).execute(new RegisterCustomerCommand(registration, metadata()));
  const handler = new LinkVehicleHandler(customers, new LoanToLinkFinder(loans, new VinIndex(store)));
  return { store, handler };
}

describe('given a registered borrower with a loan', () => {
  it('records the SSN only as a salted scrypt hash', async () => {
    const { store } = await registeredBorrowerWithLoan();
    const [registered] = await store.readStream('customer-C-1001');
    expect(registered.data.ssnHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(registered)).not.toMatch(/6789/);
  });

  it.each([
    ['VIN', { vin: openLoanInput.vehicle.vin }],
    ['ACCOUNT_NUMBER', { accountNumber: openLoanInput.accountNumber }],
  ])('links the loan named by %s with the right SSN', async (identifiedBy, named) => {
    const { store, handler } = await registeredBorrowerWithLoan();
    await handler.execute(
      new LinkVehicleCommand({ customerId: 'C-1001', ssn: '123456789', ...named }, metadata()),
    );
    const [linked] = await store.readStream('customer-C-1001', { fromRevision: streamRevision(1) });
    expect(linked.data).toMatchObject({ accountNumber: '12345678', vin: '1M8GDM9AXKP042788', identifiedBy });
  });

  it('refuses a wrong SSN without naming it, and writes nothing', async () => {
    const { store, handler } = await registeredBorrowerWithLoan();
    const head = await store.headPosition();
    const attempt = handler.execute(
      new LinkVehicleCommand(
        { customerId: 'C-1001', ssn: '123-45-6780', vin: openLoanInput.vehicle.vin },
        metadata(),
      ),
    );
    await expect(attempt).rejects.toMatchObject({ kind: 'RuleViolated', reason: 'SSN_MISMATCH' });
    await expect(attempt).rejects.not.toHaveProperty('message', expect.stringContaining('6780'));
    expect(await store.headPosition()).toBe(head);
  });
});
