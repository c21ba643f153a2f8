import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadLedgerConfig } from '@ledger/config';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { playHistory } from '../../../libs/read-models/src/event-views/random-history.fixtures';
import { SettableClock } from '../src/clock/clock';
import { createLedgerApp } from '../src/create-ledger-app';
import { createLedgerLogger } from '../src/logging/ledger-logger';

const AUDITOR = 'auditor-secret-0123456789';
const READER = 'reader-secret-0123456789';
const auth = (secret: string) => ({ Authorization: `Bearer ${secret}` });

describe('the audit API', () => {
  let app: NestFastifyApplication;
  let store: EventStore;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-audit-'));
    const config = loadLedgerConfig({
      LEDGER_DATA_DIR: dataDir, LEDGER_API_KEYS: `auditor:${AUDITOR}:audit;reader:${READER}:queries`, LEDGER_VAULT_KEY: 'ab'.repeat(32),
    });
    app = await createLedgerApp(config, {
      clock: new SettableClock('2026-06-30T15:00:00.000Z'),
      logger: createLedgerLogger({ level: 'silent' }),
      readModels: { projectorMode: 'embedded', minPositionTimeoutMs: 5000, checkpointPollIntervalMs: 50, stalledAfterMs: 60_000 },
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    store = app.get<EventStore>(EVENT_STORE);
    await playHistory(store, [
      { kind: 'schedule', advance: 1, account: 0, cents: 50_000, ahead: 2 },
      { kind: 'day', advance: 3, account: 0 },
      { kind: 'settle', advance: 1, account: 0, pick: 0 },
      { kind: 'fee', advance: 1, account: 0, pick: 7 },
    ]);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('needs the audit scope', async () => {
    await request(app.getHttpServer()).get('/v1/audit/loans/10000001/state').set(auth(READER)).expect(403);
  });

  it('pages the raw events of a stream with their metadata', async () => {
    const response = await request(app.getHttpServer()).get('/v1/audit/streams/loan-10000001/events?limit=2').set(auth(AUDITOR)).expect(200);
    expect(response.body).toMatchObject({ streamId: 'loan-10000001', nextRevision: 2, events: [{ revision: 0, type: 'LoanOpened' }, { revision: 1 }] });
    expect(response.body.events[0].metadata).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), previousHash: '0'.repeat(64) });
    await request(app.getHttpServer()).get('/v1/audit/streams/loan-55555555/events').set(auth(AUDITOR)).expect(404);
    await request(app.getHttpServer()).get('/v1/audit/streams/loan-10000001/events?limit=0').set(auth(AUDITOR)).expect(400);
  });

  it('replays a loan as of an instant', async () => {
    const now = await request(app.getHttpServer()).get('/v1/audit/loans/10000001/state').set(auth(AUDITOR)).expect(200);
    expect(now.body.state).toMatchObject({ status: 'Active', accountNumber: '10000001' });
    const before = await request(app.getHttpServer()).get('/v1/audit/loans/10000001/state?asOf=2000-01-01T00:00:00Z').set(auth(AUDITOR)).expect(200);
    expect(before.body).toMatchObject({ state: { status: 'NotOpened' }, events: [] });
    await request(app.getHttpServer()).get('/v1/audit/loans/10000001/state?asOf=yesterday').set(auth(AUDITOR)).expect(400);
  });

  it('explains the balance event by event', async () => {
    const response = await request(app.getHttpServer()).get('/v1/audit/loans/10000001/explain?on=2026-06-30').set(auth(AUDITOR)).expect(200);
    expect(response.body.principal.contributions[0].because).toBe('LoanOpened principal 25000.00 (opening, docs/servicing-rules.md#opening-a-loan)');
    expect([response.body.principal.consistent, response.body.fees.consistent]).toEqual([true, true]);
  });

  it('verifies a projection against the log, and 404s an unknown one', async () => {
    const head = await store.headPosition();
    let body: { ok: boolean; verifiedUpTo: string | null } = { ok: false, verifiedUpTo: null };
    for (let attempt = 0; attempt < 50 && body.verifiedUpTo !== head; attempt += 1) {
      body = (await request(app.getHttpServer()).post('/v1/audit/projections/loan-balance/verify').set(auth(AUDITOR)).expect(200)).body;
      if (body.verifiedUpTo !== head) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(body).toMatchObject({ ok: true, verifiedUpTo: head, discrepancies: [] });
    await request(app.getHttpServer()).post('/v1/audit/projections/nope/verify').set(auth(AUDITOR)).expect(404);
  });
});
