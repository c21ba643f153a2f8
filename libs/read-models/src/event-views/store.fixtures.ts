import { RecordedEvent, globalPosition } from '@ledger/event-store';
import { Projection, collectionName, physicalCollections } from '../projection';
import { openInMemoryStorage } from '../stores/in-memory/open-in-memory-storage';
import { ReadStore } from '../stores/read-store.port';
import { foldProjection } from './reference-fold';

/**
 * Test-only: an in-memory read store holding what the reference fold of `events` produced, as
 * the projector would have written it, for the query specs.
 */
export async function storeWith(projections: readonly Projection[], events: readonly RecordedEvent[]): Promise<ReadStore> {
  const { readStore } = openInMemoryStorage();
  const position = globalPosition(Math.max(events.length, 1));
  for (const projection of projections) {
    await readStore.ensureCollections(physicalCollections(projection, projection.version));
    const changes = [...foldProjection(projection, events)].map(([key, document]) => {
      const [collection, ...id] = key.split('/');
      const physical = collectionName(projection.name, projection.version, collection);
      return { op: 'upsert' as const, collection: physical, id: id.join('/'), document, position };
    });
    await readStore.applyBatch({ changes, checkpoint: { name: `${projection.name}_v${projection.version}`, expected: null, position } });
  }
  return readStore;
}
