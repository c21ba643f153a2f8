import { CUSTOMER, CommandApp, LOAN, as, eventsOf, startCommandApp } from './support/command-app';

const WRONG_SSN = '123-45-6780';
const PREFERENCES = {
  payment: { email: true, text: true },
  dueDate: { email: true, text: true },
  title: { email: true, text: false },
  statements: { email: false, text: false },
};

describe('customer commands through HTTP', () => {
  let ledger: CommandApp;
  beforeAll(async () => {
    ledger = await startCommandApp();
  });
  afterAll(() => ledger.close());
  const api = () => as(ledger.app);

  it('registers a customer (201) with only a salted hash of the SSN', async () => {
    const response = await api().post('/v1/customers').send(CUSTOMER).expect(201);
    expect(response.body).toMatchObject({
      streamId: 'customer-C-1001',
      revision: 0,
      events: [{ type: 'CustomerRegistered' }],
    });
    const [registered] = await eventsOf(ledger.store, 'customer-C-1001');
    expect(registered.data.ssnHash).toMatch(/^scrypt\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(JSON.stringify(registered)).not.toContain('6789');
  });

  it('refuses to register the same customer twice (409)', async () => {
    const response = await api().post('/v1/customers').send(CUSTOMER).expect(409);
    expect(response.body.reason).toBe('CUSTOMER_ALREADY_REGISTERED');
  });

  it('refuses to link a vehicle with a wrong SSN (409), naming it nowhere', async () => {
    await api().post('/v1/loans').send(LOAN).expect(201);
    const head = await ledger.store.headPosition();
    const response = await api()
      .post('/v1/customers/C-1001/vehicles', 'link-wrong')
      .send({ ssn: WRONG_SSN, vin: LOAN.vehicle.vin })
      .expect(409);
    expect(response.body.reason).toBe('SSN_MISMATCH');
    expect(JSON.stringify(response.body)).not.toContain('6780');
    expect(ledger.logLines.join('')).not.toContain('6780');
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('links the vehicle by account number with the right SSN (201)', async () => {
    const response = await api()
      .post('/v1/customers/C-1001/vehicles')
      .send({ ssn: '123456789', accountNumber: LOAN.accountNumber })
      .expect(201);
    expect(response.body.events[0].type).toBe('VehicleLinked');
    expect(ledger.logLines.join('')).not.toContain('123456789');
  });

  it('answers 404 when no loan has the VIN', async () => {
    const response = await api()
      .post('/v1/customers/C-1001/vehicles')
      .send({ ssn: CUSTOMER.ssn, vin: '1HGCM82633A004352' })
      .expect(404);
    expect(response.body.reason).toBe('LOAN_NOT_FOUND');
  });

  it('sets the alert preferences (200), and the same ones again write nothing', async () => {
    const first = await api().put('/v1/customers/C-1001/alert-preferences').send(PREFERENCES).expect(200);
    expect(first.body.events[0].type).toBe('AlertPreferencesUpdated');
    const again = await api().put('/v1/customers/C-1001/alert-preferences').send(PREFERENCES).expect(200);
    expect(again.body).toMatchObject({ events: [], revision: first.body.revision });
  });

  it('records a credit score (201)', async () => {
    const response = await api()
      .post('/v1/customers/C-1001/credit-scores')
      .send({ score: 742, model: 'FICO 8', bureau: 'EXPERIAN', asOf: '2026-01-04' })
      .expect(201);
    expect(response.body.events[0].type).toBe('CreditScoreRecorded');
  });

  it('answers 404 for commands on an unknown customer', async () => {
    const response = await api()
      .post('/v1/customers/C-404/credit-scores')
      .send({ score: 742, model: 'FICO 8', bureau: 'EXPERIAN', asOf: '2026-01-04' })
      .expect(404);
    expect(response.body.reason).toBe('CUSTOMER_NOT_FOUND');
  });
});
