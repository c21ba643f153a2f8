import { AnyBulkWriteOperation, Db, Document, MongoClient } from 'mongodb';
import { globalPosition } from '@ledger/event-store';
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
import { encodeCursor, keysetKeys, pageLimit } from '../keyset';
import { keyValues } from '../value-order';
import { positionKey } from '../positions';
import { findFilter, findSort, LIVE } from './mongo-filters';

export const CHECKPOINTS = '_checkpoints';

type MongoDocument = Document & { _id: string };

/**
 * Documents are stored with `_id` = id, `_position`, the fixed-width `_positionKey` the guard
 * compares, and `_live` (false for a tombstone, kept so a redelivered older upsert cannot
 * resurrect a deleted document).
 */
export class MongoReadStore implements ReadStore {
  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  async ensureCollections(definitions: readonly CollectionDefinition[]): Promise<void> {
    const existing = new Set((await this.db.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name));
    for (const definition of definitions) {
      assertCollectionName(definition.name);
      if (!existing.has(definition.name)) await this.db.createCollection(definition.name);
      if (definition.indexes.length === 0) continue;
      const indexes = definition.indexes.map((index) => {
        index.fields.forEach((field) => assertFieldPath(field.field));
        const key = Object.fromEntries(index.fields.map((field) => [field.field, field.direction === 'asc' ? 1 : -1]));
        const name = index.fields.map((field) => `${field.field}_${field.direction}`).join('__') + (index.unique ? '__unique' : '');
        // Partial on _live: tombstones carry no fields and must never collide on a unique index.
        return { key, name, unique: index.unique ?? false, partialFilterExpression: LIVE };
      });
      await this.db.collection(definition.name).createIndexes(indexes);
    }
  }

  async get<Doc extends DocumentBody>(collection: string, id: string): Promise<StoredDocument<Doc> | null> {
    const found = await this.documents(collection).findOne({ _id: id, ...LIVE });
    return found ? toStored<Doc>(found) : null;
  }

  async getMany<Doc extends DocumentBody>(collection: string, ids: readonly string[]): Promise<StoredDocument<Doc>[]> {
    if (ids.length === 0) return [];
    const found = await this.documents(collection).find({ _id: { $in: [...ids] }, ...LIVE }).toArray();
    return found.map((document) => toStored<Doc>(document));
  }

  async find<Doc extends DocumentBody>(collection: string, query: FindQuery = {}): Promise<FindResult<Doc>> {
    const keys = keysetKeys(query.sort);
    const limit = pageLimit(query.limit);
    const filter = findFilter(keys, query);
    const found = await this.db.collection(collection).find(filter).sort(findSort(keys)).limit(limit + 1).toArray();
    const documents = found.slice(0, limit).map((document) => toStored<Doc>(document));
    const last = documents[documents.length - 1];
    const nextCursor =
      found.length > limit
        ? encodeCursor(keys, { values: keyValues(keys, last.id, last.document).slice(0, -1), id: last.id })
        : null;
    return { documents, nextCursor };
  }

  /** One replica-set transaction; withTransaction retries it on transient errors (write conflicts). */
  async applyBatch(batch: BatchWrite): Promise<CheckpointResult> {
    const session = this.client.startSession();
    try {
      let result: CheckpointResult = { status: 'STORED' };
      await session.withTransaction(async () => {
        const checkpoints = this.db.collection<{ _id: string; position: string }>(CHECKPOINTS);
        const current = await checkpoints.findOne({ _id: batch.checkpoint.name }, { session });
        result = decideCheckpoint(current ? globalPosition(current.position) : null, batch.checkpoint);
        if (result.status !== 'STORED') return;
        for (const [collection, operations] of groupByCollection(batch.changes)) {
          await this.documents(collection).bulkWrite(operations, { session, ordered: true });
        }
        await checkpoints.updateOne(
          { _id: batch.checkpoint.name },
          { $set: { position: batch.checkpoint.position } },
          { session, upsert: true },
        );
      });
      return result;
    } catch (error) {
      throw translateError(error);
    } finally {
      await session.endSession();
    }
  }

  async dropCollections(names: readonly string[]): Promise<void> {
    for (const name of names) {
      assertCollectionName(name);
      await this.db.collection(name).drop().catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== 26) throw error; // NamespaceNotFound on older servers.
      });
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private documents(collection: string) {
    return this.db.collection<MongoDocument>(collection);
  }
}

/**
 * The position guard in two operations that never fail on a newer document: replace it when its
 * position key is older, else insert it only if absent ($setOnInsert on an upsert). A guarded
 * upsert filter would raise a duplicate _id instead, which aborts a transaction. (A single
 * pipeline update with $cond would do too, but plain operators work on every server we test against.)
 */
const guardedWrites = (change: DocumentChange): AnyBulkWriteOperation<MongoDocument>[] => {
  const key = positionKey(change.position);
  const fields =
    change.op === 'upsert'
      ? { ...change.document, _live: true, _position: change.position, _positionKey: key }
      : { _live: false, _position: change.position, _positionKey: key };
  return [
    { replaceOne: { filter: { _id: change.id, _positionKey: { $lt: key } }, replacement: fields } },
    { updateOne: { filter: { _id: change.id }, update: { $setOnInsert: fields }, upsert: true } },
  ];
};

const groupByCollection = (changes: readonly DocumentChange[]) => {
  const groups = new Map<string, AnyBulkWriteOperation<MongoDocument>[]>();
  for (const change of changes) {
    const operations = groups.get(change.collection) ?? [];
    operations.push(...guardedWrites(change));
    groups.set(change.collection, operations);
  }
  return groups;
};

const toStored = <Doc extends DocumentBody>(stored: Document): StoredDocument<Doc> => {
  const { _id, _live: _ignoredLive, _position, _positionKey: _ignoredKey, ...document } = stored;
  return { id: String(_id), position: globalPosition(String(_position)), document: document as Doc };
};

const translateError = (error: unknown): unknown => {
  const code = (error as { code?: unknown }).code;
  if (code === 11000) return new ReadStoreError('UNIQUE_VIOLATION', (error as Error).message, error);
  return error;
};
