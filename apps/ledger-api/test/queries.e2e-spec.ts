import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CUSTOMER_STREAM, CommandResult, LOAN_STREAM, handleCommand } from '@ledger/application';
import { loadLedgerConfig } from '@ledger/config';
import {
  Apr, CustomerCommand, CustomerId, Instant, LoanCommand, Money, customerDecider, customerStreamId, loanDecider, loanStreamId,
  parseAccountNumber, parseBusinessDate, parseCustomerId, parsePaymentId,
} from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { allProjections, Projection } from '@ledger/read-models';
import { projectorPort } from '../../projector/src/main';
import { ProjectorModule } from '../../projector/src/projector.module';
import { SettableClock } from '../src/clock/clock';
import { createLedgerApp } from '../src/create-ledger-app';
import { LedgerAppOverrides } from '../src/ledger-api.module';
import { createLedgerLogger } from '../src/logging/ledger-logger';
import { ReadModelsOptions } from '../src/read-models/read-models.options';

const READER = 'reader-secret-0123456789';
const WRITER = 'writer-secret-0123456789';
const TODAY = parseBusinessDate('2026-01-20');
const CONTEXT = { businessDate: TODAY, now: '2026-01-20T15:00:00.000Z' as Instant };
const ACCOUNT = parseAccountNumber('12345678901');
const CUSTOMER = parseCustomerId('cust-1001');
const VIN = '1HGCM82633A004352';
const TIMEOUT_MS = 1_500;

interface TestApp {
  app: NestFastifyApplication;
  store: EventStore;
  dataDir: string;
}

const readModels = (overrides: Partial<ReadModelsOptions> = {}): ReadModelsOptions => ({
  projectorMode: 'embedded',
  minPositionTimeoutMs: TIMEOUT_MS,
  checkpointPollIntervalMs: 50,
  stalledAfterMs: 60_000,
  ...overrides,
});

async function startApp(options: ReadModelsOptions, dataDir = mkdtempSync(join(tmpdir(), 'ledger-queries-'))): Promise<TestApp> {
  const config = loadLedgerConfig({
    LEDGER_DATA_DIR: dataDir,
    LEDGER_API_KEYS: `reader:${READER}:queries;writer:${WRITER}:commands`,
    LEDGER_VAULT_KEY: 'ab'.repeat(32),
  });
  const overrides: LedgerAppOverrides = {
    clock: new SettableClock(CONTEXT.now),
    logger: createLedgerLogger({ level: 'silent' }),
    readModels: options,
  };
  const app = await createLedgerApp(config, overrides);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, store: app.get<EventStore>(EVENT_STORE), dataDir };
}

async function stopApp({ app, dataDir }: TestApp, removeData = true): Promise<void> {
  await app.close();
  if (removeData) rmSync(dataDir, { recursive: true, force: true });
}

/** A command decided by the domain and appended as the command side does (handleCommand). */
const metadata = (key: string) => ({ actor: 'writer', correlationId: key, causationId: key, idempotencyKey: key, occurredAt: CONTEXT.now });
const onLoan = (store: EventStore, command: LoanCommand, key: string): Promise<CommandResult> =>
  handleCommand(store, LOAN_STREAM, loanStreamId(ACCOUNT), (state) => loanDecider.decide(command, state, CONTEXT), metadata(key));
const onCustomer = (store: EventStore, customerId: CustomerId, command: CustomerCommand, key: string): Promise<CommandResult> =>
  handleCommand(store, CUSTOMER_STREAM, customerStreamId(customerId), (state) => customerDecider.decide(command, state, CONTEXT), metadata(key));

const openLoan: LoanCommand = {
  type: 'OpenLoan',
  data: {
    accountNumber: ACCOUNT, customerId: CUSTOMER, vehicle: { vin: VIN, year: 2024, make: 'Honda', model: 'Accord' },
    principal: Money.parse('25000.00'), apr: Apr.parse('6.49'), termMonths: 60,
    originationDate: parseBusinessDate('2026-01-10'), firstPaymentDate: parseBusinessDate('2026-02-24'), titleState: 'TX',
  },
};
const schedule = (id: string): LoanCommand => ({
  type: 'SchedulePayment',
  data: {
    paymentId: parsePaymentId(id), amount: Money.parse('100.00'), scheduledFor: parseBusinessDate('2026-02-20'),
    fundingSource: { fundingSourceId: 'fs-1', fundingLast4: '6789' },
  },
});
const OPEN_LOAN_BODY = {
  accountNumber: ACCOUNT, customerId: CUSTOMER, vehicle: { vin: VIN, year: 2024, make: 'Honda', model: 'Accord' },
  principal: '25000.00', apr: '6.49', termMonths: 60, originationDate: '2026-01-10', firstPaymentDate: '2026-02-24', titleState: 'TX',
};
const SCHEDULE_BODY = { amount: '100.00', scheduledFor: '2026-02-20', fundingSource: { routingNumber: '011000015', accountNumber: '000123456789' } };

/** Another projection that cannot fold a scheduled payment: the projector must stop there. */
const poison: Projection = {
  name: 'poison-pill',
  version: 1,
  collections: [{ name: 'seen', indexes: [] }],
  canHandle: () => true,
  documentIdsFor: (event) => [{ collection: 'seen', id: event.streamId }],
  evolve: (document, event) => {
    if (event.type === 'PaymentScheduled') throw new Error('cannot fold PaymentScheduled');
    return { count: Number(document?.count ?? 0) + 1 };
  },
};

describe('the query side over HTTP', () => {
  let subject: TestApp;
  let opened: CommandResult;
  const get = (path: string, position?: string | null) => {
    const call = request(subject.app.getHttpServer()).get(path).set('Authorization', `Bearer ${READER}`);
    return position ? call.set('X-Min-Position', position) : call;
  };
  const loan = (suffix: string) => `/v1/loans/${ACCOUNT}/${suffix}`;
  /** A command through the HTTP command side, answering its CommandResult. */
  const command = async (path: string, key: string, body: object = {}): Promise<CommandResult> => {
    const response = await request(subject.app.getHttpServer())
      .post(path).set('Authorization', `Bearer ${WRITER}`).set('Idempotency-Key', key).send(body);
    expect([200, 201]).toContain(response.status);
    return response.body as CommandResult;
  };

  beforeAll(async () => {
    subject = await startApp(readModels());
    opened = await command('/v1/loans', 'open-1', OPEN_LOAN_BODY);
    await onCustomer(subject.store, CUSTOMER, {
      type: 'RegisterCustomer',
      data: { customerId: CUSTOMER, name: 'Ada Lovelace', email: 'ada@example.com', mobile: '+12025550123', ssnHash: 'h'.repeat(64) },
    }, 'register-1');
    await onCustomer(subject.store, CUSTOMER, {
      type: 'LinkVehicle',
      data: { customerId: CUSTOMER, ssnMatches: true, loan: { accountNumber: ACCOUNT, vin: VIN, customerId: CUSTOMER }, identifiedBy: 'ACCOUNT_NUMBER' },
    }, 'link-1');
    await onCustomer(subject.store, CUSTOMER, {
      type: 'RecordCreditScore', data: { customerId: CUSTOMER, score: 712, model: 'FICO 8', bureau: 'EXPERIAN', asOf: TODAY },
    }, 'score-1');
    await onLoan(subject.store, {
      type: 'RecordExternalPayment',
      data: { paymentId: parsePaymentId('mail-1'), channel: 'MAIL', amount: Money.parse('250.00'), receivedOn: TODAY },
    }, 'mail-1');
  }, 60_000);

  afterAll(() => stopApp(subject));

  describe('read-your-writes', () => {
    it('always sees its own write when it sends the command position', async () => {
      for (let round = 0; round < 25; round += 1) {
        const id = `ryw-${round}`;
        const scheduled = await command(loan('payments'), `schedule-${id}`, { ...SCHEDULE_BODY, paymentId: id });
        const afterSchedule = await get(`${loan('payments')}?status=SCHEDULED&limit=100`, scheduled.position).expect(200);
        expect(afterSchedule.body.items.map((item: { id: string }) => item.id)).toContain(id);
        const cancelled = await command(loan(`payments/${id}/cancel`), `cancel-${id}`);
        const balance = await get(loan('balance'), cancelled.position).expect(200);
        expect(balance.body.lastPayment).toMatchObject({ id, status: 'CANCELLED' });
        expect(BigInt(balance.headers['x-projection-position'])).toBeGreaterThanOrEqual(BigInt(cancelled.position ?? '0'));
      }
    }, 60_000);

    it('answers 503 with Retry-After when the position is not reached in time', async () => {
      const response = await get(loan('balance'), '999999999999').expect(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 503, reason: 'PROJECTION_BEHIND' });
    });

    it.each(['abc', '-1', '01', '1.5', '99999999999999999999999'])('answers 400 naming the header for X-Min-Position %p', async (value) => {
      const response = await get(loan('balance'), value).expect(400);
      expect(response.body).toMatchObject({ reason: 'MIN_POSITION_INVALID', errors: [{ field: 'X-Min-Position' }] });
    });

    it('answers X-Projection-Position on every query, a 404 included', async () => {
      for (const path of [loan('balance'), loan('title'), '/v1/customers/cust-1001/snapshot', '/v1/loans/99999999/balance']) {
        const response = await get(path);
        expect(response.headers['x-projection-position']).toMatch(/^[0-9]+$/);
      }
    });
  });

  describe('the loan queries', () => {
    it('answers the balance with every figure', async () => {
      const { body } = await get(loan('balance'), opened.position).expect(200);
      for (const field of [
        'status', 'principal', 'accruedInterest', 'interestSinceLastPosting', 'fees', 'payoffToday', 'amountDue',
        'nextDueDate', 'pastDueAmount', 'daysPastDue', 'autopay', 'textPay', 'lastPayment',
      ]) expect(body).toHaveProperty(field);
      expect(body).toMatchObject({ accountNumber: ACCOUNT, status: 'ACTIVE', asOf: TODAY, autopay: { enrolled: false } });
    });

    it('explains the balance on request: each figure with the events and rules behind it', async () => {
      const { body } = await get(`${loan('balance')}?explain=true`).expect(200);
      expect(body.explanation).toMatchObject({
        streamId: `loan-${ACCOUNT}`, asOf: TODAY,
        principal: { figure: body.principal, consistent: true }, fees: { figure: body.fees, consistent: true },
        accruedInterest: { consistent: true }, amountDue: { figure: body.amountDue, formula: expect.stringContaining('docs/servicing-rules.md') },
      });
      expect(body.explanation.principal.contributions[0]).toMatchObject({
        type: 'LoanOpened', revision: 0, eventId: expect.any(String), because: expect.stringMatching(/^LoanOpened principal 25000\.00 /),
      });
      const mail = body.explanation.principal.contributions.find((part: { because: string }) => part.because.includes('mail-1'));
      expect(mail).toMatchObject({ type: 'PaymentSettled', rule: 'docs/servicing-rules.md#waterfall' });
    });

    it('leaves the explanation out unless asked, explain=false included', async () => {
      for (const path of [loan('balance'), `${loan('balance')}?explain=false`]) {
        const { body } = await get(path).expect(200);
        expect(body).not.toHaveProperty('explanation');
      }
    });

    it('answers the payoff progress', async () => {
      const { body } = await get(loan('payoff-progress')).expect(200);
      for (const field of ['originalPrincipal', 'principalPaid', 'percentPaid', 'interestPaid', 'paymentsMade', 'projectedPayoffDate', 'maturityDate']) {
        expect(body).toHaveProperty(field);
      }
      expect(body).toMatchObject({ originalPrincipal: '25000.00', paymentsMade: 1 });
    });

    it('answers the payment history with every field, newest first, paged', async () => {
      const { body } = await get(`${loan('payments')}?limit=2`).expect(200);
      expect(body.items).toHaveLength(2);
      expect(typeof body.nextCursor).toBe('string');
      for (const field of ['id', 'amount', 'status', 'channel', 'source', 'cycle', 'scheduledFor', 'effectiveDate', 'settledOn', 'allocation', 'returnCode', 'thirdPartyFee']) {
        expect(body.items[0]).toHaveProperty(field);
      }
      const next = await get(`${loan('payments')}?limit=2&cursor=${encodeURIComponent(body.nextCursor)}`).expect(200);
      expect(next.body.items[0].id).not.toBe(body.items[0].id);
    });

    it('filters payments by status and date', async () => {
      const { body } = await get(`${loan('payments')}?status=SETTLED&from=2026-01-01&to=2026-01-31`).expect(200);
      expect(body.items.map((item: { id: string }) => item.id)).toEqual(['mail-1']);
    });

    it('answers a payoff quote as of a date', async () => {
      const { body } = await get(`${loan('payoff-quote')}?asOf=2026-01-25`).expect(200);
      expect(body).toMatchObject({ accountNumber: ACCOUNT, asOf: '2026-01-25', goodThrough: '2026-01-25' });
      for (const field of ['principal', 'accruedInterest', 'interestSinceLastPosting', 'fees', 'total', 'perDiem']) expect(body).toHaveProperty(field);
    });

    it('answers the title', async () => {
      const { body } = await get(loan('title')).expect(200);
      for (const field of ['status', 'method', 'expectedBy', 'overdue', 'trackingNumber', 'timeline']) expect(body).toHaveProperty(field);
    });

    it('answers the statements (none yet)', async () => {
      await get(loan('statements')).expect(200, { items: [], nextCursor: null });
    });
  });

  describe('the customer queries', () => {
    it('answers the snapshot with the linked vehicle and its balance', async () => {
      const { body } = await get('/v1/customers/cust-1001/snapshot').expect(200);
      expect(body).toMatchObject({ customerId: CUSTOMER, name: 'Ada Lovelace' });
      expect(body.vehicles).toEqual([expect.objectContaining({ accountNumber: ACCOUNT, vinLast4: '4352', status: 'ACTIVE', make: 'Honda' })]);
    });

    it('answers the credit score and its history', async () => {
      const { body } = await get('/v1/customers/cust-1001/credit-score').expect(200);
      expect(body).toMatchObject({ customerId: CUSTOMER, latest: { score: 712, bureau: 'EXPERIAN' } });
      expect(body.history).toHaveLength(1);
    });
  });

  describe('refusals', () => {
    it.each(['balance', 'balance?explain=true', 'payoff-progress', 'payments', 'payoff-quote?asOf=2026-01-25', 'title', 'statements'])(
      'answers 404 LOAN_NOT_FOUND for /%s of an unknown loan',
      async (suffix) => {
        const response = await get(`/v1/loans/99999999/${suffix}`).expect(404);
        expect(response.body).toMatchObject({ status: 404, reason: 'LOAN_NOT_FOUND' });
      },
    );

    it.each(['snapshot', 'credit-score'])('answers 404 CUSTOMER_NOT_FOUND for /%s of an unknown customer', async (suffix) => {
      const response = await get(`/v1/customers/nobody/${suffix}`).expect(404);
      expect(response.body).toMatchObject({ status: 404, reason: 'CUSTOMER_NOT_FOUND' });
    });

    //        path                                                     field named
    it.each([
      ['/v1/loans/1234567/balance',                                   'acct'],
      ['/v1/loans/123456789012345678/title',                          'acct'],
      ['/v1/loans/1234567a/payments',                                 'acct'],
      [`/v1/loans/${ACCOUNT}/payments?limit=0`,                       'limit'],
      [`/v1/loans/${ACCOUNT}/payments?limit=101`,                     'limit'],
      [`/v1/loans/${ACCOUNT}/payments?limit=ten`,                     'limit'],
      [`/v1/loans/${ACCOUNT}/payments?status=PENDING`,                'status'],
      [`/v1/loans/${ACCOUNT}/payments?from=2026-02-30`,               'from'],
      [`/v1/loans/${ACCOUNT}/payments?to=2026-1-5`,                   'to'],
      [`/v1/loans/${ACCOUNT}/payments?from=2026-03-01&to=2026-02-01`, 'from'],
      [`/v1/loans/${ACCOUNT}/payments?sort=asc`,                      'sort'],
      [`/v1/loans/${ACCOUNT}/payoff-quote`,                           'asOf'],
      [`/v1/loans/${ACCOUNT}/payoff-quote?asOf=20260125`,             'asOf'],
      [`/v1/loans/${ACCOUNT}/statements?limit=-1`,                    'limit'],
      [`/v1/loans/${ACCOUNT}/balance?explain=yes`,                    'explain'],
      [`/v1/loans/${ACCOUNT}/balance?explain=TRUE`,                   'explain'],
      [`/v1/loans/${ACCOUNT}/balance?explain=`,                       'explain'],
      ['/v1/customers/bad%20id/snapshot',                             'id'],
    ])('answers 400 for %s, naming %s', async (path, field) => {
      const response = await get(path).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('answers 401 without a key and 403 for a key without the queries scope', async () => {
      await request(subject.app.getHttpServer()).get(loan('balance')).expect(401);
      await request(subject.app.getHttpServer()).get(loan('balance')).set('Authorization', `Bearer ${WRITER}`).expect(403);
    });
  });

  describe('observability', () => {
    it('reports healthy projections', async () => {
      const { body } = await request(subject.app.getHttpServer()).get('/health/projections').expect(200);
      expect(body.projections.map((health: { name: string }) => health.name).sort()).toEqual(allProjections.map((p) => p.name).sort());
      expect(body.projections[0]).toMatchObject({ version: expect.any(Number), status: 'running', healthy: true, lag: { events: 0 } });
      await request(subject.app.getHttpServer()).get('/health').expect(200);
    });

    it('exposes the projector metrics', async () => {
      const { text } = await request(subject.app.getHttpServer()).get('/metrics').expect(200);
      for (const name of [
        'projector_events_processed_total{projection="loan-balance",version="1"}', 'projector_batch_size_bucket', 'projector_lag_events',
        'projector_lag_seconds', 'projector_poison_events_total', 'projector_batches_total',
      ]) expect(text).toContain(name);
    });
  });
});

describe('a failed projection', () => {
  let subject: TestApp;
  let scheduled: CommandResult;

  beforeAll(async () => {
    subject = await startApp(readModels({ projections: [...allProjections, poison] }));
    await onLoan(subject.store, openLoan, 'open-1');
    scheduled = await onLoan(subject.store, schedule('p-1'), 'schedule-p-1');
  }, 60_000);

  afterAll(() => stopApp(subject));

  it('makes /health answer 503 naming the projection, its status, checkpoint and lag', async () => {
    await waitUntil(async () => (await request(subject.app.getHttpServer()).get('/health')).status === 503);
    const { body } = await request(subject.app.getHttpServer()).get('/health').expect(503);
    const check = body.checks.find((entry: { name: string }) => entry.name === 'projection:poison-pill');
    expect(check).toMatchObject({ status: 'failing', detail: expect.stringMatching(/poison-pill v1 failed at checkpoint .* lag 1 events/) });
    expect(body.checks.find((entry: { name: string }) => entry.name === 'projection:loan-balance')).toMatchObject({ status: 'ok' });
  });

  it('details it in /health/projections', async () => {
    const { body } = await request(subject.app.getHttpServer()).get('/health/projections').expect(503);
    expect(body.projections.find((health: { name: string }) => health.name === 'poison-pill')).toMatchObject({
      version: 1, status: 'failed', healthy: false, lag: { events: 1 }, error: expect.stringContaining('cannot fold'),
    });
  });

  it('counts the failure in /metrics', async () => {
    const { text } = await request(subject.app.getHttpServer()).get('/metrics').expect(200);
    expect(text).toContain('projector_poison_events_total{projection="poison-pill",version="1"} 1');
  });

  it('answers a read-your-writes query at once with 503, since the position will never be reached', async () => {
    const started = Date.now();
    await request(subject.app.getHttpServer())
      .get(`/v1/loans/${ACCOUNT}/balance`)
      .set('Authorization', `Bearer ${READER}`)
      .set('X-Min-Position', scheduled.position ?? '0')
      .expect(503);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
  });
});

describe('an API whose projector runs in another process', () => {
  let projecting: TestApp;
  let reading: TestApp;
  let written: CommandResult;

  beforeAll(async () => {
    projecting = await startApp(readModels());
    reading = await startApp(readModels({ projectorMode: 'external' }), projecting.dataDir);
    await onLoan(projecting.store, openLoan, 'open-1');
    written = await onLoan(projecting.store, schedule('p-1'), 'schedule-p-1');
  }, 60_000);

  afterAll(async () => {
    await stopApp(reading, false);
    await stopApp(projecting);
  });

  it('waits on the shared checkpoints for its own write', async () => {
    const response = await request(reading.app.getHttpServer())
      .get(`/v1/loans/${ACCOUNT}/payments`)
      .set('Authorization', `Bearer ${READER}`)
      .set('X-Min-Position', written.position ?? '0')
      .expect(200);
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual(['p-1']);
    expect(BigInt(response.headers['x-projection-position'])).toBeGreaterThanOrEqual(BigInt(written.position ?? '0'));
  });

  it('still answers 503 for a position nobody reaches', async () => {
    await request(reading.app.getHttpServer())
      .get(`/v1/loans/${ACCOUNT}/balance`)
      .set('Authorization', `Bearer ${READER}`)
      .set('X-Min-Position', '999999999999')
      .expect(503)
      .expect('Retry-After', '1');
  });
});

describe('the projector app', () => {
  let writer: TestApp;
  let projector: NestFastifyApplication;

  beforeAll(async () => {
    writer = await startApp(readModels({ projectorMode: 'external' }));
    await onLoan(writer.store, openLoan, 'open-1');
    const config = loadLedgerConfig({ LEDGER_DATA_DIR: writer.dataDir, LEDGER_API_KEYS: `reader:${READER}:queries`, LEDGER_VAULT_KEY: 'ab'.repeat(32) });
    const module = ProjectorModule.forRoot(config, createLedgerLogger({ level: 'silent' }), readModels({ projectorMode: 'external' }));
    projector = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { logger: false });
    await projector.init();
    await projector.getHttpAdapter().getInstance().ready();
  }, 60_000);

  afterAll(async () => {
    await projector.close();
    await stopApp(writer);
  });

  it('projects what the API wrote, and the API reads it', async () => {
    await request(writer.app.getHttpServer())
      .get(`/v1/loans/${ACCOUNT}/balance`).set('Authorization', `Bearer ${READER}`).set('X-Min-Position', '1').expect(200);
  });

  it('serves /health, /health/projections and /metrics without a key', async () => {
    await waitUntil(async () => (await request(projector.getHttpServer()).get('/health')).status === 200);
    await request(projector.getHttpServer()).get('/health/projections').expect(200);
    const { text } = await request(projector.getHttpServer()).get('/metrics').expect(200);
    expect(text).toContain('projector_events_processed_total{projection="loan-balance",version="1"} 1');
  });

  it('answers nothing else', async () => {
    await request(projector.getHttpServer()).get(`/v1/loans/${ACCOUNT}/balance`).expect(404);
  });

  it('listens on PROJECTOR_PORT, 3001 by default', () => {
    expect([projectorPort(undefined), projectorPort('4001')]).toEqual([3001, 4001]);
    expect(() => projectorPort('http')).toThrow(/PROJECTOR_PORT/);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
