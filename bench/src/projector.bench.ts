import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GlobalPosition, openSqliteEventStore, RecordedEvent } from '@ledger/event-store';
import {
  allProjections, collectionName, DocumentRef, isLookupRef, loanBalanceProjection, openReadStore, physicalCollections, Projection,
  Projector, silentLogger,
} from '@ledger/read-models';
import { createTableSql } from '../../libs/read-models/src/stores/sqlite/sqlite-sql';
import { BenchResult, median, withRatio } from './bench-report';
import { cachedLoanLog, LogShape } from './read-side/loan-log';

const CATCH_UP_TARGET = 50_000;
const BATCH = 500;

const envNumber = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
};

const inTempDir = async <T>(work: (dataDir: string) => Promise<T>): Promise<T> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'projector-bench-'));
  try {
    return await work(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const seconds = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;

/** Every read model from zero into a fresh read store, until all of them reflect the head. */
const catchUp = (logFile: string, events: number) =>
  inTempDir(async (dataDir) => {
    const eventStore = openSqliteEventStore({ file: logFile });
    const storage = await openReadStore({ dataDir });
    const projector = new Projector({ eventStore, ...storage, projections: allProjections, logger: silentLogger });
    const head = (await eventStore.headPosition()) as GlobalPosition;
    const started = process.hrtime.bigint();
    await projector.start();
    const reached = await projector.waitForPosition(head, 3_600_000);
    const catchUpSeconds = seconds(started);
    if (!reached) throw new Error('The projector did not reach the head of the log');
    await projector.stop();

    // Rebuild one projection beside the serving version, as a schema change would.
    const v2: Projection = { ...loanBalanceProjection, version: 2 } as Projection;
    const rebuilder = new Projector({ eventStore, ...storage, projections: [v2], logger: silentLogger });
    const rebuildStarted = process.hrtime.bigint();
    await rebuilder.rebuild(v2);
    const rebuildSeconds = seconds(rebuildStarted);
    await rebuilder.stop();
    await storage.close();
    await eventStore.close();
    return { catchUp: events / catchUpSeconds, catchUpSeconds, rebuildSeconds };
  });

interface RawEvent {
  position: number;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
}

/**
 * The floor: one pass over the same events with bare better-sqlite3 (same file pragmas as the
 * read store), and for every document the projections name, one JSON row upserted per batch of
 * 500 events, in one transaction per batch. No folding: the event data is the document.
 */
const bareReplayAndUpsert = (logFile: string, events: number) =>
  inTempDir(async (dataDir) => {
    const log = new Database(logFile, { readonly: true });
    const db = new Database(join(dataDir, 'read-models.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const upserts = new Map<string, Database.Statement>();
    for (const projection of allProjections) {
      for (const definition of physicalCollections(projection, projection.version)) {
        createTableSql(definition).forEach((sql) => db.exec(sql));
        upserts.set(
          definition.name,
          db.prepare(`INSERT INTO "${definition.name}" (id, position, document) VALUES (?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET position = excluded.position, document = excluded.document`),
        );
      }
    }
    const read = log.prepare('SELECT position, stream_id, revision, type, data FROM events WHERE position > ? ORDER BY position LIMIT ?');
    const writeBatch = db.transaction((rows: Map<string, { statement: Database.Statement; id: string; position: number; document: unknown }>) => {
      for (const row of rows.values()) row.statement.run(row.id, String(row.position).padStart(20, '0'), JSON.stringify(row.document));
    });
    const started = process.hrtime.bigint();
    let after = 0;
    for (;;) {
      const page = read.all(after, BATCH) as RawEvent[];
      if (page.length === 0) break;
      const touched = new Map<string, { statement: Database.Statement; id: string; position: number; document: unknown }>();
      for (const row of page) {
        const data = JSON.parse(row.data) as Record<string, unknown>;
        const event = { streamId: row.stream_id, revision: row.revision, type: row.type, data } as unknown as RecordedEvent;
        for (const projection of allProjections) {
          if (!projection.canHandle(event)) continue;
          for (const target of projection.documentIdsFor(event)) {
            const ref: DocumentRef = isLookupRef(target) ? { collection: target.via.collection, id: target.via.id } : target;
            const collection = collectionName(projection.name, projection.version, ref.collection);
            touched.set(`${collection}\u0000${ref.id}`, { statement: upserts.get(collection) as Database.Statement, id: ref.id, position: row.position, document: { ...data, revision: row.revision } });
          }
        }
      }
      writeBatch(touched);
      after = page[page.length - 1].position;
    }
    const elapsed = seconds(started);
    db.close();
    log.close();
    return events / elapsed;
  });

/**
 * Projector catch-up into every read model over a generated log of loans (BENCH_EVENTS events,
 * BENCH_LOANS loans; default 1,000,000 and 10,000), next to a bare replay-and-upsert loop over
 * the same events; then the rebuild of loan-balance v2 beside v1. Medians of BENCH_REPEATS runs.
 */
export async function runProjectorBenchmark(): Promise<BenchResult[]> {
  const events = envNumber('BENCH_EVENTS', 1_000_000);
  const loans = envNumber('BENCH_LOANS', 10_000);
  const repeats = envNumber('BENCH_REPEATS', 3);
  const shape: LogShape = { loans, eventsPerLoan: Math.max(2, Math.round(events / loans)), templates: 16 };
  const logFile = cachedLoanLog(shape);
  const total = shape.loans * shape.eventsPerLoan;
  const label = `${total.toLocaleString('en-US')} events, ${loans.toLocaleString('en-US')} loans`;

  const bare: number[] = [];
  const runs: { catchUp: number; catchUpSeconds: number; rebuildSeconds: number }[] = [];
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    // Alternated, so a burst of load from the neighbours hits both sides alike.
    bare.push(await bareReplayAndUpsert(logFile, total));
    runs.push(await catchUp(logFile, total));
    const last = runs[runs.length - 1];
    console.error(
      `projector run ${repeat + 1}/${repeats}: bare ${Math.round(bare[repeat]).toLocaleString('en-US')} events/s, ` +
        `catch-up ${Math.round(last.catchUp).toLocaleString('en-US')} events/s (${last.catchUpSeconds.toFixed(1)} s), ` +
        `rebuild ${last.rebuildSeconds.toFixed(1)} s`,
    );
  }
  const catchUpRate = median(runs.map((run) => run.catchUp));
  const bareRate = median(bare);
  const rebuildSeconds = median(runs.map((run) => run.rebuildSeconds));
  return [
    withRatio({ name: `projector catch-up, all ${allProjections.length} read models, ${label}`, value: catchUpRate, unit: 'events/s', baseline: bareRate }),
    { name: 'projector catch-up against the absolute target', value: catchUpRate, unit: 'events/s', target: CATCH_UP_TARGET },
    { name: 'projector catch-up, wall time', value: median(runs.map((run) => run.catchUpSeconds)), unit: 's' },
    { name: `rebuild of loan-balance v2 beside v1, ${label}`, value: rebuildSeconds, unit: 's' },
    { name: 'rebuild of loan-balance v2, rate', value: total / rebuildSeconds, unit: 'events/s' },
  ];
}
