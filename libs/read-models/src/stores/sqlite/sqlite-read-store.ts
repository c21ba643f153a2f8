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
  constructor(private readonly database: SqliteDatabase) {}

  async ensureCollections(definitions: readonly CollectionDefinition[]): Promise<void> {
    this.database.db.transaction(() => {
      for (const definition of definitions) createTableSql(definition).forEach((sql) => this.database.db.exec(sql));
    })();
  }

  async get<Doc extends DocumentBody>(collection: string, id: string): Promise<StoredDocument<Doc> | null> {
    if (!this.database.tableExists(collection)) return null;
    const row = this.database.prepare(`SELECT id, position, document FROM ${table(collection)} WHERE id = ?`).get(id);
    return row ? toStored<Doc>(row as Row) : null;
  }

  async getMany<Doc extends DocumentBody>(collection: string, ids: readonly string[]): Promise<StoredDocument<Doc>[]> {
    if (ids.length === 0 || !this.database.tableExists(collection)) return [];
    // One statement shape per id count would defeat the cache; json_each takes the ids as one array.
    const rows = this.database
      .prepare(`SELECT id, position, document FROM ${table(collection)} WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as Row[];
    return rows.map((row) => toStored<Doc>(row)).filter((stored): stored is StoredDocument<Doc> => stored !== null);
  }

  async find<Doc extends DocumentBody>(collection: string, query: FindQuery = {}): Promise<FindResult<Doc>> {
    const plan = buildFind(collection, query);
    if (!this.database.tableExists(collection)) return { documents: [], nextCursor: null };
    const rows = this.database.prepare(plan.sql).all(...plan.params) as Row[];
    const documents = rows.slice(0, plan.limit).map((row) => toStored<Doc>(row) as StoredDocument<Doc>);
    const last = documents[documents.length - 1];
    const nextCursor =
      rows.length > plan.limit
        ? encodeCursor(plan.keys, { values: keyValues(plan.keys, last.id, last.document).slice(0, -1), id: last.id })
        : null;
    return { documents, nextCursor };
  }

  async applyBatch(batch: BatchWrite): Promise<CheckpointResult> {
    const write = this.database.db.transaction((): CheckpointResult => {
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
    try {
      // IMMEDIATE takes the write lock before reading the checkpoint, so two writers cannot both pass the CAS.
      return write.immediate();
    } catch (error) {
      throw translateError(error);
    }
  }

  async dropCollections(names: readonly string[]): Promise<void> {
    this.database.db.transaction(() => names.forEach((name) => this.database.db.exec(`DROP TABLE IF EXISTS ${table(name)}`)))();
    this.database.forgetStatements();
  }

  async close(): Promise<void> {
    this.database.close();
  }

  private apply(change: DocumentChange): void {
    if (!this.database.tableExists(change.collection)) {
      throw new ReadStoreError('UNKNOWN_COLLECTION', `Unknown collection ${change.collection}`);
    }
    const document = change.op === 'upsert' ? JSON.stringify({ ...change.document, _position: change.position }) : null;
    // The WHERE makes the position guard: an equal or older position leaves the row as it is.
    this.database
      .prepare(
        `INSERT INTO ${table(change.collection)} (id, position, document) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET position = excluded.position, document = excluded.document
         WHERE excluded.position > position`,
      )
      .run(change.id, positionKey(change.position), document);
  }
}

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
