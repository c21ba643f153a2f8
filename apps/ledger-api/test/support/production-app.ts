import { mkdtempSync, rmSync } from 'node:fs';
import { randomInt, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadLedgerConfig } from '@ledger/config';
import { BusinessDate, addDays, parseBusinessDate } from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { SettableClock } from '../../src/clock/clock';
import { PROJECTION_POSITIONS, ProjectionPositions } from '../../src/read-models/projection-positions';
import { createLedgerApp } from '../../src/create-ledger-app';
import { createLedgerLogger } from '../../src/logging/ledger-logger';
import { CommandApp, captureLogs, KEYS, TEST_API_KEYS } from './command-app';

/*
 * The ledger API on the production adapters (EventStoreDB and MongoDB), for the integration tier.
 * Connection strings come only from the environment. The event store outlives a test run, so
 * every run uses fresh account numbers and customer ids and works from the ledger's current
 * business date; the read store gets a database of its own.
 */

export const PRODUCTION_SKIP_REASON = 'skipped: TEST_EVENTSTOREDB_URL / TEST_MONGODB_URL not set';

export interface ProductionUrls {
  readonly eventStoreUrl: string;
  /** The MongoDB URL as given; see `withDatabase` for one database per test file. */
  readonly mongoUrl: string;
}

/** Both connection strings, or null when either is unset (the caller registers one skipped test). */
export function productionUrls(env: NodeJS.ProcessEnv = process.env): ProductionUrls | null {
  const eventStoreUrl = env.TEST_EVENTSTOREDB_URL?.trim();
  const mongoUrl = env.TEST_MONGODB_URL?.trim();
  return eventStoreUrl && mongoUrl ? { eventStoreUrl, mongoUrl } : null;
}

/** The MongoDB URL with its path (the read store's database) replaced by `database`, options kept. */
export function withDatabase(mongoUrl: string, database: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?([^?]*)(\?.*)?$/.exec(mongoUrl);
  if (!match) throw new Error('TEST_MONGODB_URL is not a mongodb:// URL');
  return `${match[1]}/${database}${match[3] ?? ''}`;
}

/** A database name nobody else uses, e.g. ledger_it_api_3f9c2a1b. */
export const uniqueDatabase = (label: string): string => `ledger_it_${label}_${randomUUID().slice(0, 8)}`;

/** Identifiers no earlier run on the same event store has used. */
export function uniqueIdentities() {
  const serial = `${Date.now()}${String(randomInt(0, 1000)).padStart(3, '0')}`.slice(-12);
  return { accountNumber: serial, customerId: `C-it-${serial}` };
}

const CATCH_UP_TIMEOUT_MS = 120_000;

export interface ProductionApp extends CommandApp {
  /** The read store's database, for tests that look at it directly. */
  readonly readStoreUrl: string;
}

/**
 * The API on EventStoreDB and on a fresh MongoDB database, with the embedded projector and a
 * settable clock (real time until the test sets it), the same keys and captured logs as the
 * embedded e2e app. The scheduler stays off: tests advance the business date themselves.
 */
export async function startProductionApp(urls: ProductionUrls, readStoreUrl: string): Promise<ProductionApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-production-'));
  const config = loadLedgerConfig({
    LEDGER_EVENT_STORE_URL: urls.eventStoreUrl,
    LEDGER_READ_STORE_URL: readStoreUrl,
    LEDGER_DATA_DIR: dataDir,
    LEDGER_API_KEYS: TEST_API_KEYS,
    LEDGER_VAULT_KEY: 'ab'.repeat(32),
    LEDGER_TIME_ZONE: 'America/New_York',
  });
  const { logLines, destination } = captureLogs();
  const clock = new SettableClock(new Date().toISOString());
  const app = await createLedgerApp(config, {
    clock,
    logger: createLedgerLogger({ level: 'info', destination }),
    readModels: { projectorMode: 'embedded', minPositionTimeoutMs: 10_000, checkpointPollIntervalMs: 50, stalledAfterMs: 60_000 },
    servicing: { scheduler: false },
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const store = app.get<EventStore>(EVENT_STORE);
  // A fresh database projects the whole shared log first; the tests' read-your-writes waits then
  // measure their own writes, not that catch-up.
  const head = await store.headPosition();
  if (head !== null && !(await app.get<ProjectionPositions>(PROJECTION_POSITIONS).waitFor(head, CATCH_UP_TIMEOUT_MS))) {
    await app.close();
    throw new Error(`the projections did not reach the log head ${head} in ${CATCH_UP_TIMEOUT_MS} ms`);
  }
  return {
    app,
    store,
    clock,
    logLines,
    readStoreUrl,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The ledger's business date (started at today's date when the event store has none yet), with
 * the clock moved to that day, 15:00 UTC, so commands are dated as the cycle left them.
 */
export async function joinBusinessDate(ledger: CommandApp): Promise<BusinessDate> {
  const response = await request(ledger.app.getHttpServer())
    .get('/v1/operations/business-date')
    .set('Authorization', `Bearer ${KEYS.operator}`)
    .expect(200);
  const date = parseBusinessDate(response.body.businessDate);
  ledger.clock.set(`${date}T15:00:00.000Z`);
  return date;
}

/**
 * A loan whose first statement is due on the next business day: originated 10 days before
 * `today`, first payment 20 days after it (statement date = due date - 21 = yesterday).
 */
export function loanOpenedBefore(today: BusinessDate, accountNumber: string, customerId: string) {
  return {
    accountNumber,
    customerId,
    vehicle: { vin: '1M8GDM9AXKP042788', year: 2019, make: 'Honda', model: 'Accord' },
    principal: '5000.00',
    apr: '6.5',
    termMonths: 36,
    originationDate: addDays(today, -10),
    firstPaymentDate: addDays(today, 20),
    titleState: 'OK',
  };
}

export const customerNamed = (customerId: string) => ({
  customerId,
  name: 'Ana Lopez',
  email: 'ana@example.com',
  mobile: '+12025550123',
  ssn: '123-45-6789',
});
