import { GlobalPosition, RecordedEvent } from '@ledger/event-store';
import { DocumentBody, DocumentChange, ReadStore, StoredDocument } from '../stores/read-store.port';
import { collectionName, DocumentRef, DocumentTarget, EvolveContext, isLookupRef, Projection } from '../projection';
import { CachedDocument, DocumentCache, documentKey } from './document-cache';

/** A document as the batch sees it: loaded once, then evolved in memory event after event. */
interface WorkingDocument {
  collection: string;
  id: string;
  document: DocumentBody | null;
  /** Whether the store held it when loaded: deleting a never-stored document writes nothing. */
  stored: boolean;
  /** Position of the last event that changed it in this batch, or null when unchanged. */
  changedAt: GlobalPosition | null;
}

export interface EvolvedBatch {
  changes: DocumentChange[];
  /** The last event folded (handled or not); null when the first event was poison. */
  lastPosition: GlobalPosition | null;
  /** The event whose documentIdsFor or evolve threw: nothing from it is in `changes`. */
  poison?: { event: RecordedEvent; error: unknown };
}

/** A document as the store returned it (null: absent), in the cache's shape. */
const asHeld = (stored: StoredDocument | null): CachedDocument => ({ document: stored?.document ?? null, stored: stored !== null });

/**
 * Folds a batch of events into the documents they touch, all in memory, and returns the writes.
 * An event's effects are staged and only kept when all of its targets evolved, so a poison
 * event leaves the batch exactly as it was after the previous event.
 */
export const evolveBatch = async (
  projection: Projection,
  version: number,
  readStore: ReadStore,
  events: readonly RecordedEvent[],
  /** Documents this projection wrote lately; those found here are not read from the store. */
  cache?: DocumentCache,
): Promise<EvolvedBatch> => {
  const physical = (collection: string) => collectionName(projection.name, version, collection);
  const working = new Map<string, WorkingDocument>();
  const load = async (ref: DocumentRef): Promise<WorkingDocument> => {
    const key = documentKey(ref.collection, ref.id);
    let entry = working.get(key);
    if (!entry) {
      const held = cache?.get(physical(ref.collection), ref.id) ?? asHeld(await readStore.get(physical(ref.collection), ref.id));
      entry = { ...ref, ...held, changedAt: null };
      working.set(key, entry);
    }
    return entry;
  };
  await preload(projection, physical, readStore, events, working, cache);

  let lastPosition: GlobalPosition | null = null;
  for (const event of events) {
    if (projection.canHandle(event)) {
      try {
        const staged = await evolveEvent(projection, version, event, load);
        for (const [key, document] of staged) Object.assign(working.get(key) as WorkingDocument, { document, changedAt: event.position });
      } catch (error) {
        return { changes: toChanges(working, physical), lastPosition, poison: { event, error } };
      }
    }
    lastPosition = event.position;
  }
  return { changes: toChanges(working, physical), lastPosition };
};

/** One event: resolve its targets, evolve each in order, and return the new documents by key. */
const evolveEvent = async (
  projection: Projection,
  version: number,
  event: RecordedEvent,
  load: (ref: DocumentRef) => Promise<WorkingDocument>,
): Promise<Map<string, DocumentBody | null>> => {
  const staged = new Map<string, DocumentBody | null>();
  const current = async (ref: DocumentRef): Promise<DocumentBody | null> => {
    const key = documentKey(ref.collection, ref.id);
    return staged.has(key) ? (staged.get(key) ?? null) : (await load(ref)).document;
  };
  const visible = new Map<string, DocumentBody | null>();
  for (const target of projection.documentIdsFor(event)) {
    const ref = await resolve(target, current, visible);
    if (ref === null) continue;
    const key = documentKey(ref.collection, ref.id);
    visible.set(key, await current(ref));
    const context: EvolveContext = {
      projection: projection.name,
      version,
      collection: ref.collection,
      id: ref.id,
      related: (collection, id) => {
        const relatedKey = documentKey(collection, id);
        return staged.has(relatedKey) ? (staged.get(relatedKey) ?? null) : (visible.get(relatedKey) ?? null);
      },
    };
    const next = projection.evolve(visible.get(key) ?? null, event, context);
    staged.set(key, next);
  }
  return staged;
};

/** A lookup target reads its key from the lookup document; a missing key means "no such target". */
const resolve = async (
  target: DocumentTarget,
  current: (ref: DocumentRef) => Promise<DocumentBody | null>,
  visible: Map<string, DocumentBody | null>,
): Promise<DocumentRef | null> => {
  if (!isLookupRef(target)) return target;
  const lookup = { collection: target.via.collection, id: target.via.id };
  const document = await current(lookup);
  visible.set(documentKey(lookup.collection, lookup.id), document);
  const id = document?.[target.via.field];
  return typeof id === 'string' && id !== '' ? { collection: target.collection, id } : null;
};

/** One getMany per collection for the directly named targets: most batches then need no other read. */
const preload = async (
  projection: Projection,
  physical: (collection: string) => string,
  readStore: ReadStore,
  events: readonly RecordedEvent[],
  working: Map<string, WorkingDocument>,
  cache: DocumentCache | undefined,
): Promise<void> => {
  const wanted = new Map<string, Set<string>>();
  for (const event of events) {
    if (!projection.canHandle(event)) continue;
    let targets: readonly DocumentTarget[];
    try {
      targets = projection.documentIdsFor(event);
    } catch {
      continue; // The fold meets this poison event again and records it there.
    }
    for (const target of targets) {
      const ref = isLookupRef(target) ? { collection: target.via.collection, id: target.via.id } : target;
      wanted.set(ref.collection, (wanted.get(ref.collection) ?? new Set()).add(ref.id));
    }
  }
  for (const [collection, ids] of wanted) {
    const missing: string[] = [];
    for (const id of ids) {
      const held = cache?.get(physical(collection), id);
      if (held === undefined) missing.push(id);
      else working.set(documentKey(collection, id), { collection, id, ...held, changedAt: null });
    }
    if (missing.length === 0) continue;
    const found = new Map((await readStore.getMany(physical(collection), missing)).map((stored) => [stored.id, stored]));
    for (const id of missing) working.set(documentKey(collection, id), { collection, id, ...asHeld(found.get(id) ?? null), changedAt: null });
  }
};

const toChanges = (working: Map<string, WorkingDocument>, physical: (collection: string) => string): DocumentChange[] => {
  const changes: DocumentChange[] = [];
  for (const entry of working.values()) {
    if (entry.changedAt === null) continue;
    const collection = physical(entry.collection);
    if (entry.document !== null) {
      changes.push({ op: 'upsert', collection, id: entry.id, document: entry.document, position: entry.changedAt });
    } else if (entry.stored) {
      changes.push({ op: 'delete', collection, id: entry.id, position: entry.changedAt });
    }
  }
  return changes;
};
