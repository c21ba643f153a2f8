import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { loadLedgerConfig } from '@ledger/config';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { allProjections, checkpointName, ReadModelStorage } from '@ledger/read-models';
import { SettableClock } from '../../../apps/ledger-api/src/clock/clock';
import { createLedgerApp } from '../../../apps/ledger-api/src/create-ledger-app';
import { createLedgerLogger } from '../../../apps/ledger-api/src/logging/ledger-logger';
import { READ_MODEL_STORAGE } from '../../../apps/ledger-api/src/read-models/read-models.tokens';
import { LedgerClient } from './client';
import { newDataDir, PROOF_API_KEYS, PROOF_KEYS, PROOF_VAULT_KEY } from './server-process';

export interface InProcessLedger {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly store: EventStore;
  readonly readSide: ReadModelStorage;
  readonly clock: SettableClock;
  /** Every line the service logged. */
  readonly logLines: string[];
  client(key?: keyof typeof PROOF_KEYS | 'unknown'): LedgerClient;
  /** Resolves once every projection's checkpoint is the head of the log. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Stops the app; the data dir is removed unless `keepDataDir` (e.g. to scan its files). */
  close(keepDataDir?: boolean): Promise<void>;
}

/**
 * The ledger API in this process on a temp data dir and a real port (so the same fetch client
 * serves in-process specs and child-process runs), with the embedded projector, a settable clock
 * at 2026-01-05 New York, and captured logs (the log file in the data dir is written as well).
 */
export async function startInProcessLedger(): Promise<InProcessLedger> {
  const dataDir = newDataDir('ledger-proof-app-');
  const config = loadLedgerConfig({
    LEDGER_DATA_DIR: dataDir,
    LEDGER_API_KEYS: PROOF_API_KEYS,
    LEDGER_VAULT_KEY: PROOF_VAULT_KEY,
    LEDGER_TIME_ZONE: 'America/New_York',
  });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const clock = new SettableClock('2026-01-05T14:00:00.000Z');
  const app = await createLedgerApp(config, {
    clock,
    logger: createLedgerLogger({ level: 'debug', destination, dataDir }),
    readModels: {
      projectorMode: 'embedded',
      minPositionTimeoutMs: 2000,
      checkpointPollIntervalMs: 20,
      stalledAfterMs: 60_000,
    },
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const store = app.get<EventStore>(EVENT_STORE);
  const readSide = app.get<ReadModelStorage>(READ_MODEL_STORAGE);
  let closed = false;
  return {
    app,
    baseUrl,
    dataDir,
    store,
    readSide,
    clock,
    logLines,
    client: (key = 'writer') =>
      new LedgerClient({
        baseUrl,
        apiKey: key === 'unknown' ? 'unknown-secret-0123456789' : PROOF_KEYS[key],
      }),
    caughtUp: (timeoutMs = 20_000) => waitForCatchUp(store, readSide, timeoutMs),
    close: async (keepDataDir = false) => {
      if (!closed) await app.close();
      closed = true;
      if (!keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls every projection's checkpoint until it equals the log's head. */
export async function waitForCatchUp(
  store: EventStore,
  readSide: Pick<ReadModelStorage, 'checkpoints'>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await store.headPosition();
    const positions = await Promise.all(
      allProjections.map(async (projection) => {
        const version = (await readSide.checkpoints.getActiveVersion(projection.name)) ?? projection.version;
        return readSide.checkpoints.get(checkpointName(projection.name, version));
      }),
    );
    if (positions.every((position) => position === head)) return;
    if (Date.now() > deadline)
      throw new Error(`projections did not catch up to ${head}: ${positions.join(', ')}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}
