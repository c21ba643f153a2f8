import { CollectionDefinition, FieldValue, IndexDefinition } from '../read-store.port';
import { assertCollectionName, assertFieldPath } from '../read-store.errors';

/** Identifiers are validated (read-store.errors.ts) before they are quoted into SQL. */
export const table = (name: string): string => {
  assertCollectionName(name);
  return `"${name}"`;
};

/**
 * The one spelling of a field expression: the expression indexes below are only used when a
 * query repeats the indexed expression exactly.
 */
export const fieldExpression = (field: string): string => {
  assertFieldPath(field);
  return `json_extract(document, '$.${field}')`;
};

/** better-sqlite3 binds no booleans; json_extract reads JSON true/false as 1/0 anyway. */
export const bindValue = (value: FieldValue): string | number | null =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value;

/**
 * A document row holds the JSON text (with `_position`) or NULL for a tombstone, which keeps
 * its position so a redelivered older upsert cannot resurrect a deleted document.
 */
export const createTableSql = (definition: CollectionDefinition): string[] => [
  `CREATE TABLE IF NOT EXISTS ${table(definition.name)} (
     id TEXT PRIMARY KEY NOT NULL,
     position TEXT NOT NULL,
     document TEXT
   ) WITHOUT ROWID`,
  ...definition.indexes.map((index) => createIndexSql(definition.name, index)),
];

const createIndexSql = (collection: string, index: IndexDefinition): string => {
  const suffix = index.fields.map((field) => `${field.field}_${field.direction}`).join('__');
  const name = `"${collection}__${suffix}${index.unique ? '__unique' : ''}"`;
  const columns = index.fields.map((field) => `${fieldExpression(field.field)} ${field.direction.toUpperCase()}`);
  // Partial: tombstones hold no values and must never collide on a unique index.
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name}
    ON ${table(collection)} (${columns.join(', ')}) WHERE document IS NOT NULL`;
};

export const META_TABLES_SQL = `
  CREATE TABLE IF NOT EXISTS _checkpoints (name TEXT PRIMARY KEY NOT NULL, position TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS _active_versions (projection TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS _projection_statuses (
    projection TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL,
    PRIMARY KEY (projection, version)
  ) WITHOUT ROWID;`;
