import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { loadLedgerConfig } from '@ledger/config';
import { BusinessDate } from '@ledger/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@ledger/event-store';
import { SettableClock } from '../../src/clock/clock';
import { createLedgerApp } from '../../src/create-ledger-app';
import { createLedgerLogger } from '../../src/logging/ledger-logger';

/** One secret per scope, so a test can present a key that lacks `commands`. */
export const KEYS = {
  writer: 'writer-secret-0123456789',
  reader: 'reader-secret-0123456789',
  auditor: 'auditor-secret-0123456789',
  operator: 'operator-secret-0123456789',
} as const;

/** LEDGER_API_KEYS for the keys above, one scope each. */
export const TEST_API_KEYS = `writer:${KEYS.writer}:commands;reader:${KEYS.reader}:queries;auditor:${KEYS.auditor}:audit;operator:${KEYS.operator}:operations`;

/** A log destination that keeps every line the service writes, for assertions on the logs. */
export function captureLogs(): { logLines: string[]; destination: Writable } {
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logLines, destination };
}

export interface CommandApp {
  readonly app: NestFastifyApplication;
  readonly store: EventStore;
  readonly clock: SettableClock;
  /** Every line the service logged, as written. */
  readonly logLines: string[];
  close(): Promise<void>;
}

/** The ledger API on a temp data dir, with a settable clock (2026-01-05 in New York) and captured logs. */
export async function startCommandApp(): Promise<CommandApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-commands-'));
  const config = loadLedgerConfig({
    LEDGER_DATA_DIR: dataDir,
    LEDGER_API_KEYS: TEST_API_KEYS,
    LEDGER_VAULT_KEY: 'ab'.repeat(32),
    LEDGER_TIME_ZONE: 'America/New_York',
  });
  const { logLines, destination } = captureLogs();
  const clock = new SettableClock('2026-01-05T14:00:00.000Z');
  const app = await createLedgerApp(config, {
    clock,
    logger: createLedgerLogger({ level: 'debug', destination }),
    readModels: {
      projectorMode: 'embedded',
      minPositionTimeoutMs: 1000,
      checkpointPollIntervalMs: 50,
      stalledAfterMs: 60_000,
    },
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    app,
    store,
    clock,
    logLines,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A request as the `writer` key (scope commands), with an optional Idempotency-Key. */
export function as(app: NestFastifyApplication, secret: string = KEYS.writer) {
  const http = () => request(app.getHttpServer());
  const auth = <T extends request.Test>(call: T, key?: string): T => {
    const authed = call.set('Authorization', `Bearer ${secret}`) as T;
    return key === undefined ? authed : (authed.set('Idempotency-Key', key) as T);
  };
  return {
    post: (path: string, key?: string) => auth(http().post(path), key),
    put: (path: string, key?: string) => auth(http().put(path), key),
    delete: (path: string, key?: string) => auth(http().delete(path), key),
  };
}

/** The daily cycle's part of a debit's life, which no command route offers: submission to the bank. */
export { submitPayment } from '../../../../bench/src/proof/ledger-setup';

/** The events of a stream after a revision (exclusive), or all of them. */
export async function eventsOf(
  store: EventStore,
  streamId: string,
  afterRevision = -1,
): Promise<RecordedEvent[]> {
  return (await store.readStream(streamId)).filter((event) => event.revision > afterRevision);
}

export const CUSTOMER = {
  customerId: 'C-1001',
  name: 'Ana Lopez',
  email: 'ana@example.com',
  mobile: '+12025550123',
  ssn: '123-45-6789',
};

export const LOAN = {
  accountNumber: '12345678',
  customerId: 'C-1001',
  vehicle: { vin: '1M8GDM9AXKP042788', year: 2019, make: 'Honda', model: 'Accord' },
  principal: '5000.00',
  apr: '6.5',
  termMonths: 36,
  originationDate: '2026-01-02',
  firstPaymentDate: '2026-02-02',
  titleState: 'OK',
};

export const BANK_ACCOUNT = { routingNumber: '011000015', accountNumber: '000123456789' };

/** Registers the customer and opens the loan, the start of most scenarios. */
export async function customerWithLoan(
  app: NestFastifyApplication,
  loan = LOAN,
  customer = CUSTOMER,
): Promise<void> {
  await as(app).post('/v1/customers').send(customer).expect(201);
  await as(app).post('/v1/loans').send(loan).expect(201);
}

/**
 * Moves the clock and runs the daily cycle up to that day, as operations would: commands are
 * dated by the ledger's business date, which only the cycle advances.
 */
export async function advanceBusinessDate(ledger: CommandApp, date: BusinessDate | string, atUtc = '15:00:00.000Z'): Promise<void> {
  ledger.clock.set(`${date}T${atUtc}`);
  await request(ledger.app.getHttpServer())
    .post('/v1/operations/business-days')
    .set('Authorization', `Bearer ${KEYS.operator}`)
    .send({ date })
    .expect(200);
}
