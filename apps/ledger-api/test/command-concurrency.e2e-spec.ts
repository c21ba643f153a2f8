import { CommandApp, LOAN, as, customerWithLoan, eventsOf, startCommandApp } from './support/command-app';

const ACCT = LOAN.accountNumber;
const STREAM = `loan-${ACCT}`;
const MAIL_PAYMENT = { channel: 'MAIL', amount: '25.00', receivedOn: '2026-01-05' };

describe('idempotent and concurrent commands on one loan', () => {
  let ledger: CommandApp;
  beforeAll(async () => {
    ledger = await startCommandApp();
    await customerWithLoan(ledger.app);
  });
  afterAll(() => ledger.close());
  const api = () => as(ledger.app);

  it('replays the first answer to the same key and body, writing nothing', async () => {
    const first = await api()
      .post(`/v1/loans/${ACCT}/external-payments`, 'mail-1')
      .send(MAIL_PAYMENT)
      .expect(201);
    const head = await ledger.store.headPosition();
    const replay = await api()
      .post(`/v1/loans/${ACCT}/external-payments`, 'mail-1')
      .send(MAIL_PAYMENT)
      .expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('answers 422 to the same key with another body, writing nothing', async () => {
    const head = await ledger.store.headPosition();
    const response = await api()
      .post(`/v1/loans/${ACCT}/external-payments`, 'mail-1')
      .send({ ...MAIL_PAYMENT, amount: '26.00' })
      .expect(422);
    expect(response.body.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('has 50 concurrent identical requests take exactly one effect', async () => {
    const before = (await eventsOf(ledger.store, STREAM)).length;
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        api().post(`/v1/loans/${ACCT}/external-payments`, 'mail-burst').send(MAIL_PAYMENT),
      ),
    );
    const created = responses.filter((response) => response.status === 201);
    expect(responses.every((response) => response.status === 201 || response.status === 409)).toBe(true);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((response) => JSON.stringify(response.body))).size).toBe(1);
    const added = (await eventsOf(ledger.store, STREAM)).slice(before);
    expect(added.map((event) => event.type)).toEqual(['PaymentSettled']);
  });

  it('lands 20 concurrent fee charges with distinct keys, on contiguous revisions (no lost update)', async () => {
    const before = (await eventsOf(ledger.store, STREAM)).length;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        api()
          .post(`/v1/loans/${ACCT}/fees`, `fee-key-${index}`)
          .send({ feeId: `burst-${index}`, amount: '1.00', reason: 'Burst' }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const revisions = responses.map((response) => response.body.revision as number).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 20 }, (_, index) => before + index));
    const fees = (await eventsOf(ledger.store, STREAM))
      .filter((event) => event.type === 'FeeCharged')
      .map((event) => event.data.feeId);
    expect(fees).toEqual(expect.arrayContaining(Array.from({ length: 20 }, (_, index) => `burst-${index}`)));
  });

  it('applies a command whose If-Match is the current revision, and refuses a stale one with 412', async () => {
    const current = (await eventsOf(ledger.store, STREAM)).length - 1;
    const fee = { amount: '1.00', reason: 'Conditional' };
    await api()
      .post(`/v1/loans/${ACCT}/fees`)
      .set('If-Match', `"${current}"`)
      .send({ ...fee, feeId: 'if-match-1' })
      .expect(201);
    const head = await ledger.store.headPosition();
    const stale = await api()
      .post(`/v1/loans/${ACCT}/fees`)
      .set('If-Match', `"${current}"`)
      .send({ ...fee, feeId: 'if-match-2' })
      .expect(412);
    expect(stale.body.reason).toBe('IF_MATCH_FAILED');
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('answers 404 for an unknown loan and writes nothing', async () => {
    const head = await ledger.store.headPosition();
    const response = await api()
      .post('/v1/loans/87654321/fees')
      .send({ amount: '1.00', reason: 'Nobody' })
      .expect(404);
    expect(response.body.reason).toBe('LOAN_NOT_FOUND');
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('answers 409 to a rule the loan refuses (cancelling a settled payment)', async () => {
    const payment = await api().post(`/v1/loans/${ACCT}/external-payments`).send(MAIL_PAYMENT).expect(201);
    const response = await api()
      .post(`/v1/loans/${ACCT}/payments/${payment.body.paymentId}/cancel`)
      .expect(409);
    expect(response.body.reason).toBe('PAYMENT_ALREADY_SUBMITTED');
  });
});
