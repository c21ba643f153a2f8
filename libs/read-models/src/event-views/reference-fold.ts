import { RecordedEvent } from '@ledger/event-store';
import { DocumentRef, EvolveContext, Projection, isLookupRef } from '../projection';
import { DocumentBody } from '../stores/read-store.port';

/** Documents by `${collection}/${id}`. */
export type FoldedDocuments = Map<string, DocumentBody>;

export const documentKey = (collection: string, id: string): string => `${collection}/${id}`;

/**
 * The reference fold of a projection: every event, in log order, straight through `evolve`, with
 * no store, batching or checkpoint in between. Lookups resolve against the documents folded so
 * far, and `related` sees every document as it stands, targets evolved earlier included. Specs
 * use it as "when"; the replay-equality property compares the projector's output with it.
 */
export function foldProjection(projection: Projection, events: readonly RecordedEvent[], start?: FoldedDocuments): FoldedDocuments {
  const documents: FoldedDocuments = new Map(start ?? []);
  for (const event of events) {
    if (!projection.canHandle(event)) continue;
    for (const target of projection.documentIdsFor(event)) {
      const ref = resolve(target, documents);
      if (ref === null) continue;
      const key = documentKey(ref.collection, ref.id);
      const context: EvolveContext = {
        projection: projection.name,
        version: projection.version,
        collection: ref.collection,
        id: ref.id,
        related: (collection, id) => documents.get(documentKey(collection, id)) ?? null,
      };
      const next = projection.evolve(documents.get(key) ?? null, event, context);
      if (next === null) documents.delete(key);
      else documents.set(key, next);
    }
  }
  return documents;
}

const resolve = (target: Parameters<typeof isLookupRef>[0], documents: FoldedDocuments): DocumentRef | null => {
  if (!isLookupRef(target)) return target;
  const id = documents.get(documentKey(target.via.collection, target.via.id))?.[target.via.field];
  return typeof id === 'string' && id !== '' ? { collection: target.collection, id } : null;
};

/** The one document of a collection after folding, or null. */
export const folded = <Doc extends DocumentBody>(documents: FoldedDocuments, collection: string, id: string): Doc | null =>
  (documents.get(documentKey(collection, id)) as Doc | undefined) ?? null;
