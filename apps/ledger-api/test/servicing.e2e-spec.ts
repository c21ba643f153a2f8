import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadLedgerConfig } from '@ledger/config';
import { EVENT_STORE, EventStore, streamRevision } from '@ledger/event-store';
import { SettableClock } from '../src/clock/clock';
import { createLedgerApp } from '../src/create-ledger-app';
import { createLedgerLogger } from '../src/logging/ledger-logger';
import { ServicingProcesses } from '../src/operations/servicing-processes.provider';
import { BANK_ACCOUNT, CUSTOMER, KEYS, LOAN, as } from './support/command-app';

const AUTOPAY_LOAN = LOAN.accountNumber; // 12345678: due the 2nd, first statement 2026-01-12
const TEXT_LOAN = '87654321';
const MOBILE = CUSTOMER.mobile;

describe('the servicing processes through HTTP', () => {
  let app: NestFastifyApplication;
  let store: EventStore;
  let dataDir: string;
  const clock = new SettableClock('2026-01-05T14:00:00.000Z');
  const api = () => as(app);
  const operator = () => as(app, KEYS.operator);
  const typesOf = async (account: string) => (await store.readStream(`loan-${account}`)).map((event) => event.type);
  const runDay = async (date: string) => {
    clock.set(`${date}T14:00:00.000Z`);
    return (await operator().post('/v1/operations/business-days').send({ date }).expect(200)).body;
  };
  const text = async (from: string, body: string) => (await api().post('/v1/sms/inbound').send({ from, body }).expect(200)).body.reply;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-servicing-'));
    const config = loadLedgerConfig({
      LEDGER_DATA_DIR: dataDir,
      LEDGER_API_KEYS: `writer:${KEYS.writer}:commands;operator:${KEYS.operator}:operations`,
      LEDGER_VAULT_KEY: 'ab'.repeat(32),
      LEDGER_TIME_ZONE: 'America/New_York',
    });
    app = await createLedgerApp(config, {
      clock,
      logger: createLedgerLogger({ level: 'silent' }),
      readModels: { projectorMode: 'embedded', minPositionTimeoutMs: 1000, checkpointPollIntervalMs: 50, stalledAfterMs: 60_000 },
      servicing: { scheduler: false },
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    store = app.get<EventStore>(EVENT_STORE);

    await api().post('/v1/customers').send(CUSTOMER).expect(201);
    await api().post('/v1/loans').send(LOAN).expect(201);
    await api().post('/v1/loans').send({ ...LOAN, accountNumber: TEXT_LOAN, vehicle: { ...LOAN.vehicle, vin: '1HGCM82633A004352' } }).expect(201);
    await api().put(`/v1/loans/${AUTOPAY_LOAN}/autopay`).send({ fundingSource: BANK_ACCOUNT, amountRule: 'AMOUNT_DUE' }).expect(200);
    // No route verifies a mobile yet: the verification is recorded as the customer stream's fact.
    const customer = await store.readStream('customer-C-1001');
    await store.append('customer-C-1001', [{
      eventId: '5b0c6a1e-7c1d-4d6e-9a43-2f1f3c0d9a11', type: 'ContactDetailsUpdated',
      data: { customerId: 'C-1001', email: CUSTOMER.email, mobile: MOBILE, mobileVerified: true },
      metadata: { schemaVersion: 1, occurredAt: clock.now(), correlationId: 'verify', causationId: 'verify', actor: 'test' },
    }], streamRevision(customer.length - 1));
    const on = { email: true, text: true };
    await api().put('/v1/customers/C-1001/alert-preferences').send({ payment: on, dueDate: on, title: on, statements: { email: true, text: false } }).expect(200);
    await api().put(`/v1/loans/${TEXT_LOAN}/text-pay`).send({ fundingSource: BANK_ACCOUNT }).expect(200);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts at today, runs it, and answers the business date and the last cycle run', async () => {
    const response = await operator().post('/v1/operations/business-days').send({ date: '2026-01-05' }).expect(200);
    expect(response.body).toMatchObject({ businessDate: '2026-01-05', days: [{ date: '2026-01-05', alreadyCompleted: false }] });
    const current = await request(app.getHttpServer()).get('/v1/operations/business-date').set('Authorization', `Bearer ${KEYS.operator}`).expect(200);
    expect(current.body).toEqual({ businessDate: '2026-01-05', lastCycleRun: { date: '2026-01-05', completedAt: '2026-01-05T14:00:00.000Z' }, timeZone: 'America/New_York' });
    await api().post('/v1/operations/business-days').send({ date: '2026-01-05' }).expect(403);
    await operator().post('/v1/operations/business-days').send({ date: '2026-01-06' }).expect(409);
    await operator().post('/v1/operations/business-days').send({ date: 'tomorrow' }).expect(400);
  });

  it('issues both statements on the statement date', async () => {
    const report = await runDay('2026-01-12');
    expect(report.days.map((day: { date: string }) => day.date)).toEqual(['2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10', '2026-01-11', '2026-01-12']);
    expect(report.days[6]).toMatchObject({ statementsIssued: 2, failures: [] });
    expect(await typesOf(AUTOPAY_LOAN)).toContain('StatementIssued');
  });

  it('texts the reminder 7 days before the due date, and PAY schedules a TEXT payment once', async () => {
    const report = await runDay('2026-01-26');
    expect(report.days[report.days.length - 1]).toMatchObject({ date: '2026-01-26', remindersSent: 1 });
    expect(await text(MOBILE, 'hello')).toBe('Reply PAY to pay the amount due from your bank account on file, or STOP to end pay by text.');
    expect(await text('+12025550999', 'PAY')).toBe('Reply PAY to pay the amount due from your bank account on file, or STOP to end pay by text.');
    const confirmation = await text(MOBILE, ' pay ');
    expect(confirmation).toMatch(/^Thanks! \$[0-9]+\.[0-9]{2} will be paid today from bank \.\.\.6789\.$/);
    expect(await text(MOBILE, 'PAY')).toMatch(/already scheduled for 01\/26\. Nothing more was scheduled\.$/);
    const types = await typesOf(TEXT_LOAN);
    expect(types.filter((type) => type === 'PaymentScheduled')).toHaveLength(1);
    expect(types).toContain('PaymentReminderSent');
  });

  it('drafts AutoPay on the due date, submits due payments, and charges a late fee past grace when unpaid', async () => {
    await runDay('2026-01-27');
    const events = await store.readStream(`loan-${TEXT_LOAN}`);
    const textPayment = events.find((event) => event.type === 'PaymentScheduled');
    const paymentId = String(textPayment?.data.paymentId);
    expect(events.map((event) => event.type)).toContain('PaymentSubmitted');
    await api().post(`/v1/loans/${TEXT_LOAN}/payments/${paymentId}/settle`).send({ settledOn: '2026-01-28' }).expect(200);
    await api().post(`/v1/loans/${TEXT_LOAN}/payments/${paymentId}/return`).send({ returnCode: 'R01', returnedOn: '2026-01-29' }).expect(200);
    const report = await runDay('2026-02-13');
    const byDate = Object.fromEntries(report.days.map((day: { date: string }) => [day.date, day]));
    // The draft is scheduled for its draft day and goes to the bank the same day.
    expect(byDate['2026-02-02']).toMatchObject({ draftsScheduled: 1, paymentsSubmitted: 1 });
    expect(byDate['2026-02-13']).toMatchObject({ lateFeesCharged: 1 });
    const autopay = (await store.readStream(`loan-${AUTOPAY_LOAN}`)).find((event) => event.type === 'PaymentScheduled');
    expect(autopay?.data).toMatchObject({ channel: 'AUTOPAY', scheduledFor: '2026-02-02' });
    const fees = (await store.readStream(`loan-${TEXT_LOAN}`)).filter((event) => event.type === 'FeeCharged').map((event) => event.data.kind);
    expect(fees).toEqual(['RETURNED_PAYMENT', 'LATE']);
  });

  it('ends pay by text on STOP, after which the number is unknown', async () => {
    expect(await text(MOBILE, 'stop')).toBe('You will no longer get pay-by-text messages. Reply HELP for help.');
    expect((await typesOf(TEXT_LOAN)).slice(-1)).toEqual(['TextPayCancelled']);
    const head = await store.headPosition();
    expect(await text(MOBILE, 'PAY')).toBe('Reply PAY to pay the amount due from your bank account on file, or STOP to end pay by text.');
    expect(await store.headPosition()).toBe(head);
  });

  it('runs a date only once', async () => {
    const head = await store.headPosition();
    const again = await runDay('2026-02-13');
    expect(again.days).toEqual([expect.objectContaining({ date: '2026-02-13', alreadyCompleted: true })]);
    expect(await store.headPosition()).toBe(head);
    await operator().post('/v1/operations/business-days').send({ date: '2026-02-01' }).expect(409);
  });

  it('writes what the borrower receives to the notifications log', async () => {
    const processes = app.get(ServicingProcesses);
    await processes.catchUp(5000);
    await processes.dispatch();
    const lines = readFileSync(join(dataDir, 'notifications.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const kinds = lines.map((line) => `${line.eventType}:${line.channel}`);
    expect(kinds).toEqual(expect.arrayContaining(['StatementIssued:email', 'PaymentReminderSent:text', 'PaymentScheduled:text', 'PaymentReturned:email']));
    expect(kinds).not.toContain('StatementIssued:text');
    for (const line of lines) expect(line.channel === 'text' ? line.body.length <= 160 : true).toBe(true);
    expect(readFileSync(join(dataDir, 'notifications.log'), 'utf8')).not.toContain(BANK_ACCOUNT.accountNumber);
  });
});
