import {
  BANK_ACCOUNT,
  CUSTOMER,
  CommandApp,
  LOAN,
  as,
  customerWithLoan,
  startCommandApp,
} from './support/command-app';

const ACCT = LOAN.accountNumber;
const SCHEDULE = { amount: '200.00', scheduledFor: '2026-01-09', fundingSource: BANK_ACCOUNT };
const PREFERENCES = {
  payment: { email: true, text: false },
  dueDate: { email: true, text: false },
  title: { email: true, text: false },
  statements: { email: true, text: false },
};
const loan = (change: Record<string, unknown>) => ({ ...LOAN, accountNumber: '99999999', ...change });
const vehicle = (change: Record<string, unknown>) => loan({ vehicle: { ...LOAN.vehicle, ...change } });

type Method = 'post' | 'put';
/** method, path, body, the field the 400 must name. Border checks (DTO) and decider checks (InvalidInput) alike. */
const RULES: ReadonlyArray<[Method, string, unknown, string]> = [
  ['post', '/v1/loans', loan({ principal: 5000 }), 'principal'],
  ['post', '/v1/loans', loan({ principal: '5000.001' }), 'principal'],
  ['post', '/v1/loans', loan({ principal: '1e4' }), 'principal'],
  ['post', '/v1/loans', loan({ principal: '100.00' }), 'principal'],
  ['post', '/v1/loans', loan({ apr: '6.5%' }), 'apr'],
  ['post', '/v1/loans', loan({ apr: '40' }), 'apr'],
  ['post', '/v1/loans', loan({ termMonths: 100 }), 'termMonths'],
  ['post', '/v1/loans', loan({ accountNumber: '1234' }), 'accountNumber'],
  ['post', '/v1/loans', loan({ originationDate: '2026-02-30' }), 'originationDate'],
  [
    'post',
    '/v1/loans',
    loan({ originationDate: '2026-01-06', firstPaymentDate: '2026-02-06' }),
    'originationDate',
  ],
  ['post', '/v1/loans', loan({ firstPaymentDate: '2026-04-02' }), 'firstPaymentDate'],
  ['post', '/v1/loans', loan({ titleState: 'XX' }), 'titleState'],
  ['post', '/v1/loans', vehicle({ vin: '1M8GDM9AXKP042789' }), 'vehicle.vin'],
  ['post', '/v1/loans', vehicle({ year: 1970 }), 'vehicle.year'],
  ['post', '/v1/loans', loan({ color: 'red' }), 'color'],
  ['post', `/v1/loans/${ACCT}/payments`, { ...SCHEDULE, amount: '0.00' }, 'amount'],
  ['post', `/v1/loans/${ACCT}/payments`, { ...SCHEDULE, amount: 200 }, 'amount'],
  ['post', `/v1/loans/${ACCT}/payments`, { ...SCHEDULE, scheduledFor: '2026-01-04' }, 'scheduledFor'],
  ['post', `/v1/loans/${ACCT}/payments`, { ...SCHEDULE, scheduledFor: '2026-03-07' }, 'scheduledFor'],
  [
    'post',
    `/v1/loans/${ACCT}/payments`,
    { ...SCHEDULE, fundingSource: { ...BANK_ACCOUNT, routingNumber: '011000016' } },
    'fundingSource.routingNumber',
  ],
  [
    'post',
    `/v1/loans/${ACCT}/payments`,
    { ...SCHEDULE, fundingSource: { ...BANK_ACCOUNT, accountNumber: '123' } },
    'fundingSource.accountNumber',
  ],
  [
    'post',
    `/v1/loans/${ACCT}/payments`,
    { ...SCHEDULE, fundingSource: { ...BANK_ACCOUNT, fundingSourceId: 'fs_1' } },
    'fundingSource',
  ],
  ['post', `/v1/loans/${ACCT}/payments/p-1/settle`, { settledOn: '01/05/2026' }, 'settledOn'],
  [
    'post',
    `/v1/loans/${ACCT}/payments/p-1/return`,
    { returnCode: 'X01', returnedOn: '2026-01-05' },
    'returnCode',
  ],
  [
    'post',
    `/v1/loans/${ACCT}/external-payments`,
    { channel: 'ONLINE', amount: '10.00', receivedOn: '2026-01-05' },
    'channel',
  ],
  [
    'post',
    `/v1/loans/${ACCT}/external-payments`,
    { channel: 'MONEYGRAM', amount: '10.00', receivedOn: '2026-01-05' },
    'agentFee',
  ],
  [
    'post',
    `/v1/loans/${ACCT}/external-payments`,
    { channel: 'MAIL', amount: '10.00', receivedOn: '2026-01-06' },
    'receivedOn',
  ],
  ['post', `/v1/loans/${ACCT}/fees`, { amount: '-5.00', reason: 'Copy' }, 'amount'],
  ['post', `/v1/loans/${ACCT}/fees`, { amount: '5.00', reason: '' }, 'reason'],
  ['post', '/v1/loans/1234/fees', { amount: '5.00', reason: 'Copy' }, 'accountNumber'],
  ['post', `/v1/loans/${ACCT}/fees/fee-1/waive`, {}, 'reason'],
  ['put', `/v1/loans/${ACCT}/autopay`, { fundingSource: BANK_ACCOUNT, amountRule: 'WEEKLY' }, 'amountRule'],
  [
    'put',
    `/v1/loans/${ACCT}/autopay`,
    { fundingSource: BANK_ACCOUNT, amountRule: 'AMOUNT_DUE', draftDaysBeforeDue: 16 },
    'draftDaysBeforeDue',
  ],
  [
    'put',
    `/v1/loans/${ACCT}/autopay`,
    { fundingSource: BANK_ACCOUNT, amountRule: 'FIXED', fixedAmount: '1.00' },
    'fixedAmount',
  ],
  ['post', `/v1/loans/${ACCT}/title/lien-release`, { releasedOn: '2026-13-01' }, 'releasedOn'],
  [
    'post',
    `/v1/loans/${ACCT}/title/mailed`,
    { carrier: '', trackingNumber: '1Z', mailedOn: '2026-01-05' },
    'carrier',
  ],
  ['post', `/v1/loans/${ACCT}/title/delivered`, {}, 'deliveredOn'],
  ['post', `/v1/loans/${ACCT}/refunds`, { amount: '12.345', refundedOn: '2026-01-05' }, 'amount'],
  ['post', '/v1/customers', { ...CUSTOMER, customerId: 'C-2', mobile: '2025550123' }, 'mobile'],
  ['post', '/v1/customers', { ...CUSTOMER, customerId: 'C-2', email: 'not-an-email' }, 'email'],
  ['post', '/v1/customers', { ...CUSTOMER, customerId: 'C 2' }, 'customerId'],
  ['post', '/v1/customers', { ...CUSTOMER, customerId: 'C-2', ssn: '123-45-678' }, 'ssn'],
  ['post', '/v1/customers', { ...CUSTOMER, customerId: 'C-2', ssn: '666-45-6789' }, 'ssn'],
  [
    'put',
    '/v1/customers/C-1001/alert-preferences',
    { ...PREFERENCES, payment: { email: true, text: 'yes' } },
    'payment.text',
  ],
  ['put', '/v1/customers/C-1001/alert-preferences', { payment: PREFERENCES.payment }, 'dueDate'],
  ['post', `/v1/loans/${ACCT}/payments`, { amount: '200.00', scheduledFor: '2026-01-09' }, 'fundingSource'],
  ['post', '/v1/loans', loan({ vehicle: undefined }), 'vehicle'],
  ['post', '/v1/customers/C-1001/vehicles', { ssn: CUSTOMER.ssn, vin: '1M8GDM9AXKP04278' }, 'vin'],
  ['post', '/v1/customers/C-1001/vehicles', { ssn: CUSTOMER.ssn }, 'vin'],
  [
    'post',
    '/v1/customers/C-1001/credit-scores',
    { score: 900, model: 'FICO 8', bureau: 'EXPERIAN', asOf: '2026-01-04' },
    'score',
  ],
  [
    'post',
    '/v1/customers/C-1001/credit-scores',
    { score: 700, model: 'FICO 8', bureau: 'ACME', asOf: '2026-01-04' },
    'bureau',
  ],
  [
    'post',
    '/v1/customers/C-1001/credit-scores',
    { score: 700, model: 'FICO 8', bureau: 'EXPERIAN', asOf: '2026-01-06' },
    'asOf',
  ],
];

describe('every validation rule of a command, with a bad value', () => {
  let ledger: CommandApp;
  beforeAll(async () => {
    ledger = await startCommandApp();
    await customerWithLoan(ledger.app);
  });
  afterAll(() => ledger.close());

  it.each(RULES.map(([method, path, body, field]) => ({ method, path, body, field })))(
    '$method $path names $field',
    async ({ method, path, body, field }) => {
      const head = await ledger.store.headPosition();
      const send = as(ledger.app)[method];
      const response = await send(path).send(body as object);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await ledger.store.headPosition()).toBe(head);
    },
  );

  it('refuses a malformed If-Match with 400 and writes nothing', async () => {
    const head = await ledger.store.headPosition();
    const response = await as(ledger.app)
      .post(`/v1/loans/${ACCT}/fees`)
      .set('If-Match', 'W/"0"')
      .send({ amount: '5.00', reason: 'Copy' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('If-Match');
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('never echoes a rejected SSN', async () => {
    const response = await as(ledger.app)
      .post('/v1/customers')
      .send({ ...CUSTOMER, customerId: 'C-3', ssn: '666-45-6789' })
      .expect(400);
    expect(JSON.stringify(response.body)).not.toContain('6789');
    expect(ledger.logLines.join('')).not.toContain('666-45-6789');
  });
});
