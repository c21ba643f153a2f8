import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import request from 'supertest';
import { BusinessDate, addDays } from '@ledger/domain';
import { as } from '../../../ledger-api/test/support/command-app';
import {
  PRODUCTION_SKIP_REASON, customerNamed, joinBusinessDate, loanOpenedBefore, productionUrls, startProductionApp, uniqueDatabase,
  uniqueIdentities, withDatabase,
} from '../../../ledger-api/test/support/production-app';
import { CliIo, EXIT } from '../cli-io';
import { LedgerStores, loadAuditConfig, openLedger } from '../open-ledger';
import { businessDayCommand } from './business-day.command';
import { exportCommand } from './export.command';
import { replayCommand } from './replay.command';
import { verifyChainCommand } from './verify-chain.command';
import { verifyCommand } from './verify.command';

/*
 * The auditors' and operators' commands on EventStoreDB and MongoDB. The API writes a loan (its
 * embedded projector fills a fresh MongoDB database); the commands then read the same stores.
 */

const urls = productionUrls();
const { accountNumber: ACCT, customerId: CUSTOMER_ID } = uniqueIdentities();
const STREAM = `loan-${ACCT}`;

/** Captures what a command prints. */
const captured = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), interactive: false };
  return { io, out, err };
};

if (!urls) {
  it.skip(`the ledger CLI on the production adapters (${PRODUCTION_SKIP_REASON})`, () => undefined);
} else {
  describe('the ledger CLI on EventStoreDB and MongoDB', () => {
    const readStoreUrl = withDatabase(urls.mongoUrl, uniqueDatabase('cli'));
    let dataDir: string;
    /** The configuration the `ledger` binary would read from this environment. */
    const config = () => loadAuditConfig({
      LEDGER_EVENT_STORE_URL: urls.eventStoreUrl, LEDGER_READ_STORE_URL: readStoreUrl, LEDGER_DATA_DIR: dataDir, LEDGER_TIME_ZONE: 'America/New_York',
    });
    let stores: LedgerStores;
    let today: BusinessDate;

    beforeAll(async () => {
      const ledger = await startProductionApp(urls, readStoreUrl);
      try {
        today = await joinBusinessDate(ledger);
        await as(ledger.app).post('/v1/customers').send(customerNamed(CUSTOMER_ID)).expect(201);
        await as(ledger.app).post('/v1/loans').send(loanOpenedBefore(today, ACCT, CUSTOMER_ID)).expect(201);
        await as(ledger.app).post(`/v1/loans/${ACCT}/external-payments`).send({ channel: 'MAIL', amount: '300.00', receivedOn: today }).expect(201);
        const fee = await as(ledger.app).post(`/v1/loans/${ACCT}/fees`).send({ feeId: 'title-copy', amount: '15.00', reason: 'Duplicate title copy' }).expect(201);
        // Every projection has folded the fee before the app stops, so verify has something to compare.
        await request(ledger.app.getHttpServer()).get(`/v1/loans/${ACCT}/balance`)
          .set('Authorization', 'Bearer reader-secret-0123456789').set('X-Min-Position', fee.body.position).expect(200);
      } finally {
        await ledger.close();
      }
      dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-production-'));
      stores = openLedger({ dataDir, eventStoreUrl: urls.eventStoreUrl, readStoreUrl });
    }, 180_000);
    afterAll(async () => {
      await stores?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    describe('replay', () => {
      it('folds the loan with its balance explained (exit 0)', async () => {
        const { io, out } = captured();
        expect(await replayCommand(stores, STREAM, { json: true, explain: true }, io)).toBe(EXIT.OK);
        const replayed = JSON.parse(out.join('\n'));
        expect(replayed).toMatchObject({ state: { status: 'Active', accountNumber: ACCT }, revision: 2, explanation: { fees: { figure: '15.00', consistent: true } } });
        expect(replayed.events.map((event: { type: string }) => event.type)).toEqual(['LoanOpened', 'PaymentSettled', 'FeeCharged']);
      });

      it('prints the events as text, and exits 3 for an unknown stream and 2 for a bad instant', async () => {
        const text = captured();
        expect(await replayCommand(stores, STREAM, {}, text.io)).toBe(EXIT.OK);
        expect(text.out[0]).toBe(`${STREAM} as of now: 3 events, revision 2`);
        const missing = captured();
        expect(await replayCommand(stores, `loan-${ACCT}9`, {}, missing.io)).toBe(EXIT.NOT_FOUND);
        expect(missing.err[0]).toMatch(/^error: /);
        expect(await replayCommand(stores, STREAM, { asOf: 'soon' }, captured().io)).toBe(EXIT.BAD_INPUT);
      });
    });

    describe('export', () => {
      it('writes the stream as JSON lines with the full metadata (exit 0)', async () => {
        const { io, out, err } = captured();
        expect(await exportCommand(stores, STREAM, {}, io)).toBe(EXIT.OK);
        const lines = out.map((line) => JSON.parse(line));
        expect(lines.map((line) => line.type)).toEqual(['LoanOpened', 'PaymentSettled', 'FeeCharged']);
        expect(lines[2].metadata).toMatchObject({ previousHash: lines[1].metadata.hash, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
        expect(err).toEqual(['exported 3 events']);
      });

      it('writes the whole log to a file, this loan included, and exits 2 without a scope', async () => {
        const file = join(dataDir, 'export.jsonl');
        const { io, err } = captured();
        expect(await exportCommand(stores, undefined, { all: true, to: file }, io)).toBe(EXIT.OK);
        const exported = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
        expect(err).toEqual([`exported ${exported.length} events to ${file}`]);
        const ids = new Set(exported.map((line) => line.eventId));
        for (const event of await stores.eventStore.readStream(STREAM)) expect(ids.has(event.eventId)).toBe(true);
        expect(await exportCommand(stores, undefined, {}, captured().io)).toBe(EXIT.BAD_INPUT);
      });
    });

    describe('verify', () => {
      it('finds every read model the API projected equal to the log (exit 0)', async () => {
        const { io, out } = captured();
        expect(await verifyCommand(stores, undefined, { all: true, json: true }, io)).toBe(EXIT.OK);
        const reports = JSON.parse(out.join('\n'));
        expect(reports.length).toBeGreaterThan(1);
        for (const report of reports) expect(report).toMatchObject({ ok: true, discrepancies: [] });
      });

      it('exits 1 naming a loan-balance document altered in MongoDB, and 3 for an unknown projection', async () => {
        const client = await new MongoClient(readStoreUrl).connect();
        try {
          await client.db().collection<{ _id: string }>('loan-balance_v1_loans').updateOne({ _id: ACCT }, { $set: { principal: '1.00' } });
        } finally {
          await client.close();
        }
        const failed = captured();
        expect(await verifyCommand(stores, 'loan-balance', {}, failed.io)).toBe(EXIT.VERIFICATION_FAILED);
        expect(failed.out).toEqual(expect.arrayContaining([`  CHANGED loans/${ACCT}`, expect.stringMatching(/^ {4}principal: expected "\d+\.\d{2}", found "1\.00"$/)]));
        expect(await verifyCommand(stores, 'nope', {}, captured().io)).toBe(EXIT.NOT_FOUND);
      });
    });

    describe('verify-chain', () => {
      it('recomputes every hash link of the whole log (exit 0)', async () => {
        const { io, out } = captured();
        expect(await verifyChainCommand(stores, undefined, { all: true }, io)).toBe(EXIT.OK);
        expect(out[0]).toMatch(/^chain OK: \d+ events in \d+ streams$/);
      });

      it("recomputes one stream's links", async () => {
        const { io, out } = captured();
        expect(await verifyChainCommand(stores, STREAM, {}, io)).toBe(EXIT.OK);
        expect(out).toEqual(['chain OK: 3 events in 1 streams']);
      });
    });

    describe('business-day', () => {
      // The command reads the wall clock (a date after today is refused): the test sets it to the
      // day after the ledger's business date, wherever earlier runs on this store left that date.
      const wallClockOn = (date: BusinessDate) =>
        jest.useFakeTimers({
          now: new Date(`${date}T15:00:00.000Z`),
          advanceTimers: true,
          doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
        });
      afterEach(() => jest.useRealTimers());

      it('runs the daily cycle to the next date, issuing the statement due (exit 0), and runs it once', async () => {
        const next = addDays(today, 1);
        wallClockOn(next);
        const first = captured();
        expect(await businessDayCommand(config(), next, { json: true }, first.io)).toBe(EXIT.OK);
        expect(JSON.parse(first.out.join('\n'))).toMatchObject({ businessDate: next, days: expect.arrayContaining([expect.objectContaining({ date: next, alreadyCompleted: false, failures: [] })]) });
        const types = (await stores.eventStore.readStream(STREAM)).map((event) => event.type);
        expect(types).toContain('StatementIssued');
        const again = captured();
        expect(await businessDayCommand(config(), next, {}, again.io)).toBe(EXIT.OK);
        expect(again.out[0]).toBe(`business date: ${next}`);
        expect(again.out[2]).toMatch(new RegExp(`^${next} .*\\(already completed\\)$`));
      }, 120_000);

      it('refuses a date that has passed and a date after today (exit 2)', async () => {
        wallClockOn(addDays(today, 1));
        const past = captured();
        expect(await businessDayCommand(config(), today, {}, past.io)).toBe(EXIT.BAD_INPUT);
        expect(past.err[0]).toMatch(/^error: The business date is /);
        expect(await businessDayCommand(config(), addDays(today, 30), {}, captured().io)).toBe(EXIT.BAD_INPUT);
        expect(await businessDayCommand(config(), 'tomorrow', {}, captured().io)).toBe(EXIT.BAD_INPUT);
      }, 60_000);
    });
  });
}
