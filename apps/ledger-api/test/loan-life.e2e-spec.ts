import { Money } from '@ledger/domain';
import { IDEMPOTENCY_STORE, IdempotencyStore } from '../src/http/idempotency/idempotency-store.port';
import {
  BANK_ACCOUNT,
  advanceBusinessDate,
  CUSTOMER,
  CommandApp,
  LOAN,
  as,
  customerWithLoan,
  eventsOf,
  startCommandApp,
  submitPayment,
} from './support/command-app';

const ACCT = LOAN.accountNumber;
const STREAM = `loan-${ACCT}`;
const money = (amount: unknown): Money => Money.fromStored(String(amount));
/** The allocation's parts added up exactly, as a two-decimal string. */
const sumOf = (allocation: Record<string, string>): string =>
  Money.sum([allocation.interest, allocation.fees, allocation.principal, allocation.overpayment].map(money)).toString();

describe('a loan from opening to title delivery, through HTTP', () => {
  let ledger: CommandApp;
  let paymentId: string;
  let overpayment: string;

  beforeAll(async () => {
    ledger = await startCommandApp();
  });
  afterAll(() => ledger.close());
  const api = () => as(ledger.app);

  it('opens the loan (201) and answers the stream, revision and position', async () => {
    await api().post('/v1/customers').send(CUSTOMER).expect(201);
    const response = await api().post('/v1/loans').send(LOAN).expect(201);
    expect(response.body).toMatchObject({ streamId: STREAM, revision: 0, events: [{ type: 'LoanOpened' }] });
    expect(response.body.position).toMatch(/^[0-9]+$/);
    const [opened] = await eventsOf(ledger.store, STREAM);
    expect(opened.data).toMatchObject({
      accountNumber: ACCT,
      customerId: 'C-1001',
      titleState: 'OK',
      openedOn: '2026-01-05',
    });
    expect(opened.metadata).toMatchObject({ actor: 'writer', schemaVersion: 1 });
  });

  it('links the vehicle to the profile by VIN', async () => {
    await api()
      .post('/v1/customers/C-1001/vehicles')
      .send({ ssn: CUSTOMER.ssn, vin: LOAN.vehicle.vin })
      .expect(201);
    const events = await eventsOf(ledger.store, 'customer-C-1001');
    expect(events.map((event) => event.type)).toEqual(['CustomerRegistered', 'VehicleLinked']);
  });

  it('refuses pay by text while the mobile is unverified (409)', async () => {
    const response = await api()
      .put(`/v1/loans/${ACCT}/text-pay`)
      .send({ fundingSource: BANK_ACCOUNT })
      .expect(409);
    expect(response.body.reason).toBe('TEXT_PAY_NOT_ELIGIBLE');
  });

  it('enrols in AutoPay (200) keeping the account number out of events and the stored response', async () => {
    const body = { fundingSource: BANK_ACCOUNT, amountRule: 'AMOUNT_DUE' };
    const response = await api().put(`/v1/loans/${ACCT}/autopay`, 'autopay-1').send(body).expect(200);
    expect(response.body.events).toEqual([{ eventId: expect.any(String), type: 'AutoPayEnrolled' }]);
    const [enrolled] = await eventsOf(ledger.store, STREAM, response.body.revision - 1);
    expect(enrolled.data).toMatchObject({
      fundingLast4: '6789',
      fundingSourceId: expect.stringMatching(/^fs_/),
    });
    const stored = await ledger.app
      .get<IdempotencyStore>(IDEMPOTENCY_STORE)
      .find(`writer PUT /v1/loans/${ACCT}/autopay`, 'autopay-1');
    expect(stored?.status).toBe('COMPLETED');
    expect(JSON.stringify(stored)).not.toContain(BANK_ACCOUNT.accountNumber);
  });

  it('schedules an ONLINE payment (201) and settles it after submission (200)', async () => {
    const scheduled = await api()
      .post(`/v1/loans/${ACCT}/payments`, 'pay-1')
      .send({ amount: '200.00', scheduledFor: '2026-01-05', fundingSource: BANK_ACCOUNT })
      .expect(201);
    paymentId = scheduled.body.paymentId;
    expect(scheduled.body.events[0].type).toBe('PaymentScheduled');
    await submitPayment(ledger.store, ACCT, paymentId, '2026-01-05');
    const settled = await api()
      .post(`/v1/loans/${ACCT}/payments/${paymentId}/settle`)
      .send({ settledOn: '2026-01-05' })
      .expect(200);
    expect(settled.body.events.map((event: { type: string }) => event.type)).toEqual(['PaymentSettled']);
    const [event] = await eventsOf(ledger.store, STREAM, settled.body.revision - 1);
    expect(event.data).toMatchObject({
      paymentId,
      amount: '200.00',
      channel: 'ONLINE',
      effectiveDate: '2026-01-05',
    });
    expect(sumOf(event.data.allocation as Record<string, string>)).toBe('200.00');
  });

  it('records an ACI_PHONE payment whose 4.00 fee stays out of the balance', async () => {
    const before = await eventsOf(ledger.store, STREAM);
    const response = await api()
      .post(`/v1/loans/${ACCT}/external-payments`)
      .send({ channel: 'ACI_PHONE', amount: '100.00', receivedOn: '2026-01-05' })
      .expect(201);
    const [event] = await eventsOf(ledger.store, STREAM, before.length - 1);
    expect(event.data).toMatchObject({
      paymentId: response.body.paymentId,
      amount: '100.00',
      thirdPartyFee: '4.00',
      source: 'EXTERNAL',
    });
    const allocation = event.data.allocation as Record<string, string>;
    expect(sumOf(allocation)).toBe('100.00');
    const previousPrincipal = (before[before.length - 1].data.balancesAfter as Record<string, string>)
      .principal;
    const principalAfter = (event.data.balancesAfter as Record<string, string>).principal;
    expect(money(previousPrincipal).minus(money(principalAfter)).toString()).toBe(money(allocation.principal).toString());
  });

  it('charges a fee (201) and waives it (200)', async () => {
    const charged = await api()
      .post(`/v1/loans/${ACCT}/fees`)
      .send({ feeId: 'title-copy', amount: '15.00', reason: 'Duplicate title copy' })
      .expect(201);
    expect(charged.body).toMatchObject({ feeId: 'title-copy', events: [{ type: 'FeeCharged' }] });
    const waived = await api()
      .post(`/v1/loans/${ACCT}/fees/title-copy/waive`)
      .send({ reason: 'Courtesy' })
      .expect(200);
    const [event] = await eventsOf(ledger.store, STREAM, waived.body.revision - 1);
    expect(event).toMatchObject({ type: 'FeeWaived', data: { feeId: 'title-copy', amount: '15.00' } });
  });

  it('returns the ONLINE payment (200) and charges the 25.00 returned-payment fee', async () => {
    const response = await api()
      .post(`/v1/loans/${ACCT}/payments/${paymentId}/return`)
      .send({ returnCode: 'R01', returnedOn: '2026-01-05' })
      .expect(200);
    expect(response.body.events.map((event: { type: string }) => event.type)).toEqual([
      'PaymentReturned',
      'FeeCharged',
    ]);
    const events = await eventsOf(ledger.store, STREAM, response.body.revision - 2);
    expect(events[1].data).toMatchObject({ kind: 'RETURNED_PAYMENT', amount: '25.00' });
  });

  it('takes an extra payment by mail', async () => {
    const response = await api()
      .post(`/v1/loans/${ACCT}/external-payments`)
      .send({ channel: 'MAIL', amount: '300.00', receivedOn: '2026-01-05' })
      .expect(201);
    expect(response.body.events.map((event: { type: string }) => event.type)).toEqual(['PaymentSettled']);
  });

  it('pays the loan off: LoanPaidOff and LienReleaseRequested in the same command', async () => {
    const response = await api()
      .post(`/v1/loans/${ACCT}/external-payments`)
      .send({ channel: 'BANK_BILL_PAY', amount: '10000.00', receivedOn: '2026-01-05' })
      .expect(201);
    const types = response.body.events.map((event: { type: string }) => event.type);
    expect(types).toEqual(
      expect.arrayContaining(['PaymentSettled', 'LoanPaidOff', 'LienReleaseRequested', 'AutoPayCancelled']),
    );
    const events = await eventsOf(ledger.store, STREAM, response.body.revision - types.length);
    const paidOff = events.find((event) => event.type === 'LoanPaidOff');
    overpayment = String(paidOff?.data.overpayment);
    expect(money(overpayment).isPositive()).toBe(true);
    expect(events.find((event) => event.type === 'LienReleaseRequested')?.data).toMatchObject({
      method: 'PAPER',
      requestedOn: '2026-01-05',
    });
  });

  it('refunds the overpayment (201)', async () => {
    const response = await api()
      .post(`/v1/loans/${ACCT}/refunds`)
      .send({ amount: overpayment, refundedOn: '2026-01-05' })
      .expect(201);
    expect(response.body.events[0].type).toBe('OverpaymentRefunded');
  });

  it('tracks the title: lien released, title mailed, title delivered (200 each)', async () => {
    await advanceBusinessDate(ledger, '2026-01-09');
    await api().post(`/v1/loans/${ACCT}/title/lien-release`).send({ releasedOn: '2026-01-06' }).expect(200);
    await api()
      .post(`/v1/loans/${ACCT}/title/mailed`)
      .send({ carrier: 'USPS', trackingNumber: '9400111899223344556677', mailedOn: '2026-01-07' })
      .expect(200);
    await api().post(`/v1/loans/${ACCT}/title/delivered`).send({ deliveredOn: '2026-01-09' }).expect(200);
    const tail = (await eventsOf(ledger.store, STREAM)).slice(-3);
    expect(tail.map((event) => event.type)).toEqual(['LienReleased', 'TitleMailed', 'TitleDelivered']);
    expect(tail[1].data).toMatchObject({ carrier: 'USPS', expectedBy: '2026-01-17' });
  });

  it('never wrote the bank account number into any event or log line', async () => {
    const everything = JSON.stringify(await ledger.store.readAll({}));
    expect(everything).not.toContain(BANK_ACCOUNT.accountNumber);
    expect(ledger.logLines.join('')).not.toContain(BANK_ACCOUNT.accountNumber);
  });
});

describe('a second loan, with its own stream', () => {
  it('cancels a scheduled payment (200) and AutoPay (200)', async () => {
    const ledger = await startCommandApp();
    try {
      await customerWithLoan(ledger.app);
      const api = as(ledger.app);
      await api
        .put(`/v1/loans/${ACCT}/autopay`)
        .send({ fundingSource: BANK_ACCOUNT, amountRule: 'AMOUNT_DUE' })
        .expect(200);
      const scheduled = await api
        .post(`/v1/loans/${ACCT}/payments`)
        .send({ amount: '50.00', scheduledFor: '2026-01-20', fundingSource: BANK_ACCOUNT })
        .expect(201);
      await api.post(`/v1/loans/${ACCT}/payments/${scheduled.body.paymentId}/cancel`).expect(200);
      await api.delete(`/v1/loans/${ACCT}/autopay`).expect(200);
      const types = (await eventsOf(ledger.store, STREAM)).map((event) => event.type);
      expect(types).toEqual([
        'LoanOpened',
        'AutoPayEnrolled',
        'PaymentScheduled',
        'PaymentCancelled',
        'AutoPayCancelled',
      ]);
    } finally {
      await ledger.close();
    }
  });
});
