import { GlobalPosition, globalPosition } from '@ledger/event-store';
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
import { ReadStoreError } from '../read-store.errors';
import { encodeCursor } from '../keyset';
import { keyValues } from '../value-order';
import { positionFromKey, positionKey } from '../positions';
import { SqliteDatabase } from './sqlite-database';
import { createTableSql, table } from './sqlite-sql';
import { buildFind } from './sqlite-find';

interface Row {
  id: string;
  position: string;
  document: string | null;
}

/** The embedded read store: documents as JSON text, declared index fields as expression indexes. */
export class SqliteReadStore implements ReadStore {
  /** The position-guarded upsert of each collection, prepared once (the projector's hot path). */
  private readonly upserts = new Map<string, ReturnType<SqliteDatabase['prepare']>>();

  constructor(private readonly database: SqliteDatabase) {}

  async ensureCollections(definitions: readonly CollectionDefinition[]): Promise<void> {
    this.database.db.transaction(() => {
      for (const definition of definitions) createTableSql(definition).forEach((sql) => this.database.db.exec(sql));
    })();
  }

  async get<Doc extends DocumentBody>(collection: string, id: string): Promise<StoredDocument<Doc> | null> {
    const row = this.readRows(collection, () => [this.database.prepare(`SELECT id, position, document FROM ${table(collection)} WHERE id = ?`).get(id)]);
    return row[0] ? toStored<Doc>(row[0] as Row) : null;
  }

  async getMany<Doc extends DocumentBody>(collection: string, ids: readonly string[]): Promise<StoredDocument<Doc>[]> {
    if (ids.length === 0) return [];
    // One statement shape per id count would defeat the cache; json_each takes the ids as one array.
    const rows = this.readRows(collection, () =>
      this.database
        .prepare(`SELECT id, position, document FROM ${table(collection)} WHERE id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(ids)),
    );
    const documents: StoredDocument<Doc>[] = [];
    for (const row of rows) {
      const stored = toStored<Doc>(row);
      if (stored !== null) documents.push(stored);
    }
    return documents;
  }

  async find<Doc extends DocumentBody>(collection: string, query: FindQuery = {}): Promise<FindResult<Doc>> {
    const plan = buildFind(collection, query);
    const rows = this.readRows(collection, () => this.database.prepare(plan.sql).all(...plan.params));
    if (rows.length === 0) return { documents: [], nextCursor: null };
    const documents = rows.slice(0, plan.limit).map((row) => toStored<Doc>(row) as StoredDocument<Doc>);
    const last = documents[documents.length - 1];
    const nextCursor =
      rows.length > plan.limit
        ? encodeCursor(plan.keys, { values: keyValues(plan.keys, last.id, last.document).slice(0, -1), id: last.id })
        : null;
    return { documents, nextCursor };
  }

  /**
   * Each batch commits with its checkpoint, atomically. Batches of several projections arriving in
   * one event-loop turn (every runner wakes for the same live events) share one transaction and
   * one fsync, each in its own savepoint (GroupCommit), so a failing batch fails alone.
   */
  async applyBatch(batch: BatchWrite): Promise<CheckpointResult> {
    try {
      return await this.database.commits.run((): CheckpointResult => {
        const current = this.database.prepare('SELECT position FROM _checkpoints WHERE name = ?').get(batch.checkpoint.name) as
          | { position: string }
          | undefined;
        const result = decideCheckpoint(current ? globalPosition(current.position) : null, batch.checkpoint);
        if (result.status !== 'STORED') return result;
        batch.changes.forEach((change) => this.apply(change));
        this.database
          .prepare('INSERT INTO _checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position')
          .run(batch.checkpoint.name, batch.checkpoint.position);
        return result;
      });
    } catch (error) {
      throw translateError(error);
    }
  }

  async dropCollections(names: readonly string[]): Promise<void> {
    this.database.db.transaction(() => names.forEach((name) => this.database.db.exec(`DROP TABLE IF EXISTS ${table(name)}`)))();
    this.forget();
  }

  async close(): Promise<void> {
    this.database.close();
  }

  private forget(): void {
    this.upserts.clear();
    this.database.forgetStatements();
  }

  /** Rows of a read; an unknown collection (never created, or dropped meanwhile) reads as no rows. */
  private readRows(collection: string, read: () => unknown[]): Row[] {
    if (!this.database.tableExists(collection)) return [];
    try {
      return read().filter((row) => row !== undefined) as Row[];
    } catch (error) {
      if (!SqliteDatabase.isNoSuchTable(error)) throw error;
      this.forget();
      return [];
    }
  }

  private upsertFor(collection: string): ReturnType<SqliteDatabase['prepare']> {
    let statement = this.upserts.get(collection);
    if (statement === undefined) {
      if (!this.database.tableExists(collection)) {
        throw new ReadStoreError('UNKNOWN_COLLECTION', `Unknown collection ${collection}`);
      }
      // The WHERE makes the position guard: an equal or older position leaves the row as it is.
      statement = this.database.db.prepare(
        `INSERT INTO ${table(collection)} (id, position, document) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET position = excluded.position, document = excluded.document
         WHERE excluded.position > position`,
      );
      this.upserts.set(collection, statement);
    }
    return statement;
  }

  private apply(change: DocumentChange): void {
    const statement = this.upsertFor(change.collection);
    const document = change.op === 'upsert' ? documentText(change.document, change.position) : null;
    try {
      statement.run(change.id, positionKey(change.position), document);
    } catch (error) {
      if (!SqliteDatabase.isNoSuchTable(error)) throw error;
      this.forget();
      throw new ReadStoreError('UNKNOWN_COLLECTION', `Unknown collection ${change.collection}`, error);
    }
  }
}

/**
 * The JSON text at rest: the document with `_position` as its last member. Same text as
 * stringifying `{ ...document, _position }`, without copying the document first.
 */
const documentText = (document: DocumentBody, position: GlobalPosition): string => {
  if (Object.prototype.hasOwnProperty.call(document, '_position')) return JSON.stringify({ ...document, _position: position });
  const json = JSON.stringify(document);
  const member = `"_position":${JSON.stringify(position)}}`;
  return json.length === 2 ? `{${member}` : `${json.slice(0, -1)},${member}`;
};

const toStored = <Doc extends DocumentBody>(row: Row): StoredDocument<Doc> | null => {
  if (row.document === null) return null;
  const { _position: _ignored, ...document } = JSON.parse(row.document) as Record<string, unknown>;
  const position: GlobalPosition = positionFromKey(row.position);
  return { id: row.id, position, document: document as Doc };
};

const translateError = (error: unknown): unknown => {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return new ReadStoreError('UNIQUE_VIOLATION', (error as Error).message, error);
  }
  return error;
};
