import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, openSqliteEventStore, streamRevision } from '@ledger/event-store';
import { applyDurablePragmas, openEventsDatabase } from '../../libs/event-store/src/sqlite/sqlite-schema';
import { recordNewEvents } from '../../libs/event-store/src/shared/record-events';
import { BenchResult, medianOf, pairedMedians } from './bench-report';

const REPEATS = 3;
/** Append runs are short and the disk is noisy: more pairs, median of their ratios. */
const APPEND_REPEATS = 7;
const COMMANDS = 600;
const CONCURRENT_WRITERS = 32;
const APPEND_RATIO_TARGET = 0.7;
const READ_TARGET = 200_000;
/**
 * Consumers read the log in pages of this size (the projector uses 500). Pages of 10,000 parsed
 * events outgrow V8's young generation and make the read GC-bound at under half the speed.
 */
const READ_PAGE = 1000;

/** A typical command's outcome: three events of about 250 bytes each. */
const command = (sequence: number): NewEvent[] =>
  ['PaymentScheduled', 'PaymentSubmitted', 'PaymentSettled'].map((type) => ({
    eventId: randomUUID(),
    type,
    data: { paymentId: randomUUID(), amount: '412.37', scheduledFor: '2025-03-14', channel: 'ACH', source: 'ONE_TIME', cycle: sequence, fundingLast4: '4321' },
    metadata: { schemaVersion: 1, occurredAt: '2025-03-14T15:00:00.000Z', correlationId: randomUUID(), causationId: randomUUID(), actor: 'bench' },
  }));

const inTempDir = async <T>(work: (dataDir: string) => Promise<T>): Promise<T> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'event-store-bench-'));
  try {
    return await work(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** Commands per second through the store: `writers` loops, each awaiting its own stream's appends. */
const storeAppendsPerSecond = (writers: number) =>
  inTempDir(async (dataDir) => {
    const store = openSqliteEventStore({ dataDir });
    const perWriter = Math.ceil(COMMANDS / writers);
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const streamId = `loan-${writer}-${randomUUID()}`;
        for (let index = 0; index < perWriter; index += 1) {
          await store.append(streamId, command(index), index === 0 ? 'no_stream' : streamRevision(index * 3 - 1));
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await store.close();
    return (perWriter * writers) / seconds;
  });

/** The floor: bare better-sqlite3, same file settings and table, one transaction per 3 rows. */
const bareInsertsPerSecond = () =>
  inTempDir(async (dataDir) => {
    const db = openEventsDatabase(join(dataDir, 'events.sqlite'));
    applyDurablePragmas(db);
    const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)');
    const writeCommand = db.transaction((index: number, events: NewEvent[]) =>
      events.forEach((event, offset) =>
        insert.run('loan-bare', index * 3 + offset, event.eventId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), new Date().toISOString(), 'h'.repeat(64)),
      ),
    );
    const started = process.hrtime.bigint();
    for (let index = 0; index < COMMANDS; index += 1) writeCommand(index, command(index));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    db.close();
    return COMMANDS / seconds;
  });

/** Writes `count` events as the store would (hash chain included), in large transactions: setup only. */
const seedLog = (file: string, count: number): void => {
  const db = openEventsDatabase(file);
  db.pragma('synchronous = OFF');
  const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const streams = 10_000;
  const tips = new Map<string, { revision: number; hash: string; recordedAt: string }>();
  const writeSlice = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index += 3) {
      const streamId = `loan-${String(index % streams).padStart(8, '0')}`;
      for (const event of recordNewEvents(streamId, command(index), tips.get(streamId), new Date())) {
        const { metadata } = event;
        insert.run(streamId, event.revision, event.eventId, event.type, 1, JSON.stringify(event.data), JSON.stringify(metadata), metadata.recordedAt, metadata.hash);
        tips.set(streamId, { revision: event.revision, hash: metadata.hash, recordedAt: metadata.recordedAt });
      }
    }
  });
  for (let from = 0; from < count; from += 99_999) writeSlice(from, Math.min(count, from + 99_999));
  db.close();
};

/** Reads the whole global log through the store, page by page, as a projection rebuild does. */
const readAllEventsPerSecond = async (dataDir: string): Promise<number> => {
  const store = openSqliteEventStore({ dataDir });
  const started = process.hrtime.bigint();
  let read = 0;
  let after: string | undefined;
  for (;;) {
    const page = await store.readAll({ afterPosition: after as never, limit: READ_PAGE });
    if (page.length === 0) break;
    read += page.length;
    after = page[page.length - 1].position;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  return read / seconds;
};

/**
 * The embedded store's figures: append throughput (sequential, then concurrent through group
 * commit), each as a ratio to a bare better-sqlite3 loop measured in the same run, and the read
 * throughput of the global log.
 */
export async function runEventStoreBenchmark(options: { events?: number }): Promise<BenchResult[]> {
  const events = options.events ?? 1_000_000;
  const sequential = await pairedMedians(APPEND_REPEATS, () => storeAppendsPerSecond(1), bareInsertsPerSecond);
  const concurrent = await pairedMedians(APPEND_REPEATS, () => storeAppendsPerSecond(CONCURRENT_WRITERS), bareInsertsPerSecond);
  const read = await inTempDir(async (dataDir) => {
    seedLog(join(dataDir, 'events.sqlite'), events);
    return medianOf(REPEATS, () => readAllEventsPerSecond(dataDir));
  });
  return [
    { name: 'appends, 1 writer awaiting each (3 events per command)', unit: 'commands/s', target: APPEND_RATIO_TARGET, ...sequential },
    { name: `appends, ${CONCURRENT_WRITERS} concurrent writers (group commit)`, unit: 'commands/s', target: APPEND_RATIO_TARGET, ...concurrent },
    { name: `global log read, ${events.toLocaleString('en-US')} events`, value: read, unit: 'events/s', target: READ_TARGET },
  ];
}
