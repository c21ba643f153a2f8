import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, InMemoryEventStore, openSqliteEventStore } from '@ledger/event-store';
import { allProjections, collectionName, openInMemoryStorage, Projector, ReadModelStorage, silentLogger } from '@ledger/read-models';
import { collect, LOANS, randomHistories, storeWithHistory } from './audit.fixtures';
import { exportEvents } from './export-events';
import { importEvents } from './import-events';
import { verifyLogChain } from './verify-log-chain';

/** Every projection's documents, by physical collection and id, after projecting the whole log. */
async function readModelsOf(eventStore: EventStore): Promise<Record<string, unknown>> {
  const storage: ReadModelStorage = openInMemoryStorage();
  const projector = new Projector({ eventStore, ...storage, projections: allProjections, logger: silentLogger, now: () => 0 });
  await projector.start();
  const head = await eventStore.headPosition();
  if (head !== null) expect(await projector.waitForPosition(head, 10_000)).toBe(true);
  await projector.stop();
  const documents: Record<string, unknown> = {};
  for (const projection of allProjections) {
    for (const { name } of projection.collections) {
      const physical = collectionName(projection.name, projection.version, name);
      const page = await storage.readStore.find(physical, { limit: 1000 });
      for (const stored of page.documents) documents[`${physical}/${stored.id}`] = stored.document;
    }
  }
  return documents;
}

describe('exporting the log and importing it into an empty store', () => {
  it.each(randomHistories(4, 11).map((steps, index) => [index, steps] as const))('reproduces identical read models and hashes (history %i)', async (_index, steps) => {
    const source = await storeWithHistory(steps);
    const lines = await collect(exportEvents(source, { all: true }, { pageSize: 5 }));
    const target = new InMemoryEventStore();
    const result = await importEvents(target, lines);

    expect(result.imported).toBe(lines.length);
    expect(await readModelsOf(target)).toEqual(await readModelsOf(source));
    const hashes = async (store: EventStore) => (await store.readAll({ limit: 100_000 })).map((event) => [event.eventId, event.metadata.hash]);
    expect(await hashes(target)).toEqual(await hashes(source));
    expect(await verifyLogChain(target, { all: true })).toMatchObject({ ok: true, eventsChecked: lines.length });
  });

  it('exports one stream, and the whole log from an inclusive position', async () => {
    const source = await storeWithHistory(randomHistories(1, 5)[0]);
    const stream = (await collect(exportEvents(source, { streamId: LOANS[0] }, { pageSize: 2 }))).map((line) => JSON.parse(line));
    expect(stream.map((event) => event.revision)).toEqual(stream.map((_event, index) => index));
    expect(Object.keys(stream[0].metadata)).toEqual(expect.arrayContaining(['eventId', 'recordedAt', 'previousHash', 'hash', 'occurredAt', 'actor']));
    const fromThree = (await collect(exportEvents(source, { all: true, fromPosition: '3' }))).map((line) => JSON.parse(line).position);
    expect(fromThree[0]).toBe('3');
  });

  it('imports again without writing twice (an interrupted import can simply be rerun)', async () => {
    const lines = await collect(exportEvents(await storeWithHistory(randomHistories(1, 5)[0]), { all: true }));
    const target = new InMemoryEventStore();
    await importEvents(target, lines);
    await importEvents(target, lines);
    expect((await target.readAll({ limit: 100_000 })).length).toBe(lines.length);
  });

  it('refuses an export whose event data was edited, naming the event', async () => {
    const lines = await collect(exportEvents(await storeWithHistory(randomHistories(1, 5)[0]), { all: true }));
    const edited = JSON.parse(lines[0]);
    edited.data.name = 'Mallory';
    await expect(importEvents(new InMemoryEventStore(), [JSON.stringify(edited), ...lines.slice(1)])).rejects.toThrow(edited.eventId);
  });
});

describe('the hash chain of an embedded SQLite log', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'audit-chain-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('holds after normal operation, across page boundaries', async () => {
    const store = openSqliteEventStore({ dataDir });
    await storeWithHistory(randomHistories(1, 9)[0], store);
    expect(await verifyLogChain(store, { all: true }, { pageSize: 3 })).toMatchObject({ ok: true, streamsChecked: 3 });
    expect(await verifyLogChain(store, { streamId: LOANS[0] }, { pageSize: 2 })).toMatchObject({ ok: true, streamsChecked: 1 });
    await store.close();
  });

  it('breaks at exactly the event a raw UPDATE altered', async () => {
    const writer = openSqliteEventStore({ dataDir });
    await storeWithHistory(randomHistories(1, 9)[0], writer);
    const altered = (await writer.readStream(LOANS[0]))[0];
    await writer.close();
    const raw = new Database(join(dataDir, 'events.sqlite'));
    raw.prepare(`UPDATE events SET data = json_set(data, '$.terms.principal', '1.00') WHERE event_id = ?`).run(altered.eventId);
    raw.close();

    const reader = openSqliteEventStore({ dataDir });
    const brokenAt = { streamId: LOANS[0], revision: 0, eventId: altered.eventId, position: altered.position };
    expect(await verifyLogChain(reader, { all: true }, { pageSize: 4 })).toMatchObject({ ok: false, reason: 'HASH_MISMATCH', brokenAt });
    expect(await verifyLogChain(reader, { streamId: LOANS[0] })).toMatchObject({ ok: false, reason: 'HASH_MISMATCH', brokenAt });
    await reader.close();
  });
});
