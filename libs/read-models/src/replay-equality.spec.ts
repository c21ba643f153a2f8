import fc from 'fast-check';
import { globalPosition } from '@ledger/event-store';
import { InMemoryEventStore } from '@ledger/event-store';
import { allProjections } from './index';
import { Projection, collectionName, physicalCollections } from './projection';
import { evolveBatch } from './projector/evolve-batch';
import { Projector } from './projector/projector';
import { silentLogger } from './projector/projector-logger';
import { checkpointName } from './stores/checkpoint-store.port';
import { openInMemoryStorage } from './stores/in-memory/open-in-memory-storage';
import { DocumentBody, ReadStore } from './stores/read-store.port';
import { ReadModelStorage } from './stores/open-read-store';
import { FoldedDocuments, documentKey, foldProjection } from './event-views/reference-fold';
import { historySteps, playHistory } from './event-views/random-history.fixtures';

/*
 * Replay equality: for random loan and customer histories decided by the real deciders, what the
 * projector writes equals the reference fold (every event straight through evolve), document by
 * document, for every projection; and it still does after a restart from an earlier checkpoint
 * and after an arbitrary suffix of the log is delivered again.
 */

const documentsIn = async (store: ReadStore, projection: Projection): Promise<FoldedDocuments> => {
  const documents: FoldedDocuments = new Map();
  for (const { name } of projection.collections) {
    let after: string | undefined;
    do {
      const page = await store.find(collectionName(projection.name, projection.version, name), { limit: 1000, ...(after ? { after } : {}) });
      for (const stored of page.documents) documents.set(documentKey(name, stored.id), stored.document);
      after = page.nextCursor ?? undefined;
    } while (after);
  }
  return documents;
};

const project = async (eventStore: InMemoryEventStore, storage: ReadModelStorage, shareCatchUpReads: boolean): Promise<void> => {
  const projector = new Projector({
    eventStore, readStore: storage.readStore, checkpoints: storage.checkpoints, projections: allProjections,
    logger: silentLogger, maxBatchSize: 7, now: () => 0, shareCatchUpReads,
  });
  await projector.start();
  const head = await eventStore.headPosition();
  try {
    if (head !== null) expect(await projector.waitForPosition(head, 10_000)).toBe(true);
  } finally {
    await projector.stop();
  }
};

const expectEqualToReference = async (storage: ReadModelStorage, events: Parameters<typeof foldProjection>[1]) => {
  for (const projection of allProjections) {
    const reference = new Map([...foldProjection(projection, events)].map(([key, document]): [string, DocumentBody] => [key, structuredClone(document)]));
    expect({ projection: projection.name, documents: await documentsIn(storage.readStore, projection) }).toEqual({ projection: projection.name, documents: reference });
  }
};

// Both ways of catching up: each runner on its own subscription, and runners sharing history pages.
describe.each([false, true])('replay equality of every projection (shared catch-up reads: %s)', (shareCatchUpReads) => {
  it('the projector writes what the reference fold computes, also after a restart and a redelivered suffix', async () => {
    await fc.assert(
      fc.asyncProperty(historySteps, fc.nat(), fc.nat(), async (steps, restartAt, suffixAt) => {
        const eventStore = new InMemoryEventStore();
        await playHistory(eventStore, steps);
        const events = await eventStore.readAll({ limit: 100_000 });
        const storage = openInMemoryStorage();

        await project(eventStore, storage, shareCatchUpReads);
        await expectEqualToReference(storage, events);

        // Restart from an earlier checkpoint: every event after it is delivered a second time.
        const restart = globalPosition(1 + (restartAt % events.length));
        for (const projection of allProjections) {
          const name = checkpointName(projection.name, projection.version);
          await storage.checkpoints.delete(name);
          await storage.checkpoints.compareAndSet(name, null, restart);
        }
        await project(eventStore, storage, shareCatchUpReads);
        await expectEqualToReference(storage, events);

        // A suffix delivered again straight into the engine's fold: nothing may change.
        const suffix = events.slice(suffixAt % events.length);
        for (const projection of allProjections) {
          await storage.readStore.ensureCollections(physicalCollections(projection, projection.version));
          const evolved = await evolveBatch(projection, projection.version, storage.readStore, suffix);
          expect(evolved.poison).toBeUndefined();
          const reference = foldProjection(projection, events);
          for (const change of evolved.changes) {
            const key = documentKey(change.collection.slice(collectionName(projection.name, projection.version, '').length), change.id);
            expect({ key, document: change.op === 'upsert' ? change.document : null }).toEqual({ key, document: reference.get(key) ?? null });
          }
        }
        await storage.close();
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
