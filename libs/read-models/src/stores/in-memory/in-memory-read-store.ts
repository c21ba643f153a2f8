import { GlobalPosition } from '@ledger/event-store';
import { CheckpointResult, decideCheckpoint } from '../checkpoint-store.port';
import {
  BatchWrite,
  CollectionDefinition,
  DocumentBody,
  DocumentChange,
  FindQuery,
  FindResult,
  ReadStore,
  StoredDocument,
} from '../read-store.port';
import { assertCollectionName, assertFieldPath, ReadStoreError } from '../read-store.errors';
import { decodeCursor, encodeCursor, keysetKeys, pageLimit, readField } from '../keyset';
import { compareKeyValues, keyValues, matchesCondition } from '../value-order';
import { positionKey } from '../positions';
import { MemoryCollection, MemoryEntry } from './in-memory-collection';
import { InMemoryCheckpointState } from './in-memory-checkpoint-store';

/**
 * The read store in process memory: `verify` rebuilds projections here and diffs them, and unit
 * tests use it. It honours the same contract as SQLite and MongoDB, tombstones included.
 */
export class InMemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, MemoryCollection>();

  constructor(private readonly checkpoints: InMemoryCheckpointState) {}

  async ensureCollections(definitions: readonly CollectionDefinition[]): Promise<void> {
    for (const definition of definitions) {
      assertCollectionName(definition.name);
      definition.indexes.forEach((index) => index.fields.forEach((field) => assertFieldPath(field.field)));
      if (!this.collections.has(definition.name)) this.collections.set(definition.name, new MemoryCollection(definition));
    }
  }

  async get<Doc extends DocumentBody>(collection: string, id: string): Promise<StoredDocument<Doc> | null> {
    const entry = this.collections.get(collection)?.entries.get(id);
    return entry?.document ? toStored<Doc>(id, entry) : null;
  }

  async getMany<Doc extends DocumentBody>(collection: string, ids: readonly string[]): Promise<StoredDocument<Doc>[]> {
    const found = await Promise.all(ids.map((id) => this.get<Doc>(collection, id)));
    return found.filter((document): document is StoredDocument<Doc> => document !== null);
  }

  async find<Doc extends DocumentBody>(collection: string, query: FindQuery = {}): Promise<FindResult<Doc>> {
    const keys = keysetKeys(query.sort);
    const limit = pageLimit(query.limit);
    const after = query.after === undefined ? null : decodeCursor(keys, query.after);
    const where = Object.entries(query.where ?? {});
    where.forEach(([field]) => assertFieldPath(field));
    const rows: { id: string; entry: MemoryEntry; values: ReturnType<typeof keyValues> }[] = [];
    for (const [id, entry] of this.collections.get(collection)?.entries ?? []) {
      const document = entry.document;
      if (document === null) continue;
      if (!where.every(([field, condition]) => matchesCondition(readField(document, field), condition))) continue;
      const values = keyValues(keys, id, document);
      if (after && compareKeyValues(keys, values, [...after.values, after.id]) <= 0) continue;
      rows.push({ id, entry, values });
    }
    rows.sort((a, b) => compareKeyValues(keys, a.values, b.values));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit ? encodeCursor(keys, { values: last.values.slice(0, -1), id: last.id }) : null;
    return { documents: page.map((row) => toStored<Doc>(row.id, row.entry)), nextCursor };
  }

  async applyBatch(batch: BatchWrite): Promise<CheckpointResult> {
    const result = decideCheckpoint(this.checkpoints.positions.get(batch.checkpoint.name) ?? null, batch.checkpoint);
    if (result.status !== 'STORED') return result;
    const undo: (() => void)[] = [];
    try {
      for (const change of batch.changes) this.apply(change, undo);
    } catch (error) {
      undo.reverse().forEach((step) => step());
      throw error;
    }
    this.checkpoints.positions.set(batch.checkpoint.name, batch.checkpoint.position);
    return result;
  }

  async dropCollections(names: readonly string[]): Promise<void> {
    names.forEach((name) => this.collections.delete(name));
  }

  async close(): Promise<void> {}

  private apply(change: DocumentChange, undo: (() => void)[]): void {
    const collection = this.collections.get(change.collection);
    if (!collection) throw new ReadStoreError('UNKNOWN_COLLECTION', `Unknown collection ${change.collection}`);
    const previous = collection.entries.get(change.id);
    const key = positionKey(change.position);
    if (previous && previous.key >= key) return;
    const document = change.op === 'upsert' ? withPosition(change.document, change.position) : null;
    collection.put(change.id, { position: change.position, key, document });
    undo.push(() => collection.put(change.id, previous));
  }
}

const withPosition = (document: DocumentBody, position: GlobalPosition): DocumentBody =>
  structuredClone({ ...document, _position: position });

const toStored = <Doc extends DocumentBody>(id: string, entry: MemoryEntry): StoredDocument<Doc> => {
  const { _position: _ignored, ...document } = structuredClone(entry.document ?? {});
  return { id, position: entry.position, document: document as Doc };
};
