import request from 'supertest';
import { BusinessDate, Money, addDays } from '@ledger/domain';
import { BANK_ACCOUNT, KEYS, advanceBusinessDate, as } from './support/command-app';
import {
  PRODUCTION_SKIP_REASON, ProductionApp, customerNamed, joinBusinessDate, loanOpenedBefore, productionUrls, startProductionApp,
  uniqueDatabase, uniqueIdentities, withDatabase,
} from './support/production-app';

/*
 * The whole app on EventStoreDB and MongoDB: commands through HTTP, the daily cycle, every query
 * read-your-writes at the last command's position, idempotency, If-Match and the audit API.
 */

const urls = productionUrls();
const { accountNumber: ACCT, customerId: CUSTOMER_ID } = uniqueIdentities();
const STREAM = `loan-${ACCT}`;

interface Written {
  streamId: string;
  revision: number;
  position: string;
  paymentId?: string;
}

if (!urls) {
  it.skip(`the ledger API on the production adapters (${PRODUCTION_SKIP_REASON})`, () => undefined);
} else {
  describe('the ledger API on EventStoreDB and MongoDB', () => {
    let ledger: ProductionApp;
    let today: BusinessDate;
    let tomorrow: BusinessDate;
    let scheduled: Written;
    let phone: Written;
    let last: Written;
    const api = () => as(ledger.app);
    const query = (path: string, secret: string = KEYS.reader) =>
      request(ledger.app.getHttpServer()).get(path).set('Authorization', `Bearer ${secret}`).set('X-Min-Position', last.position);
    const loan = (suffix: string) => `/v1/loans/${ACCT}/${suffix}`;

    beforeAll(async () => {
      ledger = await startProductionApp(urls, withDatabase(urls.mongoUrl, uniqueDatabase('api')));
      today = await joinBusinessDate(ledger);
      tomorrow = addDays(today, 1);
    }, 150_000);
    afterAll(() => ledger?.close());

    describe('the commands', () => {
      it('registers the customer and opens the loan at an EventStoreDB position', async () => {
        await api().post('/v1/customers').send(customerNamed(CUSTOMER_ID)).expect(201);
        const opened = await api().post('/v1/loans', `open-${ACCT}`).send(loanOpenedBefore(today, ACCT, CUSTOMER_ID)).expect(201);
        expect(opened.body).toMatchObject({ streamId: STREAM, revision: 0, events: [{ type: 'LoanOpened' }] });
        expect(opened.body.position).toMatch(/^[0-9]+$/);
        await api().post(`/v1/customers/${CUSTOMER_ID}/vehicles`).send({ ssn: '123-45-6789', accountNumber: ACCT }).expect(201);
        await api().post(`/v1/customers/${CUSTOMER_ID}/credit-scores`).send({ score: 731, model: 'FICO 8', bureau: 'EXPERIAN', asOf: today }).expect(201);
      });

      it('schedules a payment that the daily cycle submits and the bank then settles', async () => {
        scheduled = (await api().post(loan('payments'), `pay-${ACCT}`)
          .send({ amount: '200.00', scheduledFor: tomorrow, fundingSource: BANK_ACCOUNT }).expect(201)).body;
        await advanceBusinessDate(ledger, tomorrow);
        const types = (await ledger.store.readStream(STREAM)).map((event) => event.type);
        expect(types).toEqual(expect.arrayContaining(['PaymentSubmitted', 'StatementIssued']));
        const settled = await api().post(loan(`payments/${scheduled.paymentId}/settle`)).send({ settledOn: tomorrow }).expect(200);
        expect(settled.body.events.map((event: { type: string }) => event.type)).toEqual(['PaymentSettled']);
      }, 60_000);

      it('records an ACI_PHONE payment and charges a fee', async () => {
        phone = (await api().post(loan('external-payments'), `phone-${ACCT}`)
          .send({ channel: 'ACI_PHONE', amount: '100.00', receivedOn: tomorrow }).expect(201)).body;
        last = (await api().post(loan('fees'), `fee-${ACCT}`)
          .send({ feeId: 'title-copy', amount: '15.00', reason: 'Duplicate title copy' }).expect(201)).body;
        expect(BigInt(last.position)).toBeGreaterThan(BigInt(phone.position));
      });

      it('replays the first answer to the same Idempotency-Key, writing nothing', async () => {
        const revision = (await ledger.store.readStream(STREAM)).length;
        const replay = await api().post(loan('fees'), `fee-${ACCT}`)
          .send({ feeId: 'title-copy', amount: '15.00', reason: 'Duplicate title copy' }).expect(201);
        expect(replay.headers['idempotent-replayed']).toBe('true');
        expect(replay.body).toEqual(last);
        expect((await ledger.store.readStream(STREAM)).length).toBe(revision);
      });

      it('refuses a stale If-Match with 412, writing nothing', async () => {
        const revision = (await ledger.store.readStream(STREAM)).length;
        const stale = await api().post(loan('fees')).set('If-Match', `"${last.revision - 1}"`)
          .send({ feeId: 'stale', amount: '1.00', reason: 'Conditional' }).expect(412);
        expect(stale.body.reason).toBe('IF_MATCH_FAILED');
        expect((await ledger.store.readStream(STREAM)).length).toBe(revision);
      });
    });

    describe('every query at the last command position', () => {
      it('answers the balance with the fee charged and both payments applied', async () => {
        const { body, headers } = await query(loan('balance')).expect(200);
        expect(BigInt(headers['x-projection-position'])).toBeGreaterThanOrEqual(BigInt(last.position));
        expect(body).toMatchObject({ accountNumber: ACCT, status: 'ACTIVE', asOf: tomorrow, fees: '15.00', lastPayment: { id: phone.paymentId } });
        expect(Money.fromStored(body.principal).lt(Money.parse('5000.00'))).toBe(true);
      });

      it('answers the payoff progress with two payments made', async () => {
        const { body } = await query(loan('payoff-progress')).expect(200);
        expect(body).toMatchObject({ originalPrincipal: '5000.00', paymentsMade: 2 });
      });

      it('answers both payments, settled, the phone one with its third-party fee', async () => {
        const { body } = await query(loan('payments')).expect(200);
        expect(body.items).toEqual([
          expect.objectContaining({ id: phone.paymentId, status: 'SETTLED', channel: 'ACI_PHONE', thirdPartyFee: '4.00' }),
          expect.objectContaining({ id: scheduled.paymentId, status: 'SETTLED', amount: '200.00' }),
        ]);
      });

      it('answers a payoff quote that includes the fee', async () => {
        const { body } = await query(`${loan('payoff-quote')}?asOf=${tomorrow}`).expect(200);
        expect(body).toMatchObject({ accountNumber: ACCT, asOf: tomorrow, fees: '15.00' });
      });

      it('answers the title and the statement the cycle issued', async () => {
        const title = await query(loan('title')).expect(200);
        expect(title.body).toHaveProperty('status');
        const statements = await query(loan('statements')).expect(200);
        expect(statements.body.items).toHaveLength(1);
      });

      it('answers the customer snapshot with the linked loan, and the credit score', async () => {
        const snapshot = await query(`/v1/customers/${CUSTOMER_ID}/snapshot`).expect(200);
        expect(snapshot.body.vehicles).toEqual([expect.objectContaining({ accountNumber: ACCT, status: 'ACTIVE' })]);
        const score = await query(`/v1/customers/${CUSTOMER_ID}/credit-score`).expect(200);
        expect(score.body).toMatchObject({ customerId: CUSTOMER_ID, latest: { score: 731, bureau: 'EXPERIAN' } });
      });

      it('explains the balance from the events, consistent with the fold', async () => {
        const { body } = await query(`${loan('balance')}?explain=true`).expect(200);
        expect(body.explanation).toMatchObject({ streamId: STREAM, asOf: tomorrow, fees: { figure: '15.00', consistent: true } });
        expect(body.explanation.principal.consistent).toBe(true);
      });
    });

    describe('the audit API', () => {
      it('pages the raw events with their metadata and an unbroken hash chain', async () => {
        const { body } = await query(`/v1/audit/streams/${STREAM}/events`, KEYS.auditor).expect(200);
        expect(body.events[0]).toMatchObject({ revision: 0, type: 'LoanOpened', metadata: { previousHash: '0'.repeat(64), actor: 'writer' } });
        body.events.forEach((event: { metadata: { hash: string; previousHash: string } }, index: number) => {
          expect(event.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
          if (index > 0) expect(event.metadata.previousHash).toBe(body.events[index - 1].metadata.hash);
        });
      });

      it('replays the loan as of an instant', async () => {
        const events = await ledger.store.readStream(STREAM);
        const asOpened = await query(`/v1/audit/loans/${ACCT}/state?asOf=${events[0].metadata.recordedAt}`, KEYS.auditor).expect(200);
        expect(asOpened.body.state).toMatchObject({ status: 'Active', accountNumber: ACCT });
        expect(asOpened.body.events.length).toBeLessThan(events.length);
        const before = await query(`/v1/audit/loans/${ACCT}/state?asOf=2000-01-01T00:00:00Z`, KEYS.auditor).expect(200);
        expect(before.body).toMatchObject({ state: { status: 'NotOpened' }, events: [] });
      });

      it('verifies the loan-balance read model against the log with no differences', async () => {
        const { body } = await request(ledger.app.getHttpServer())
          .post('/v1/audit/projections/loan-balance/verify').set('Authorization', `Bearer ${KEYS.auditor}`).expect(200);
        expect(body).toMatchObject({ ok: true, discrepancies: [] });
        expect(BigInt(body.verifiedUpTo)).toBeGreaterThanOrEqual(BigInt(last.position));
      });
    });
  });
}
