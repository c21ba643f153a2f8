/**
 * The read store's own failures; adapters translate driver errors into these (STYLE.md rule 3).
 * UNIQUE_VIOLATION: a write would give two live documents the same unique index values.
 * INVALID_CURSOR: the cursor is malformed or belongs to another sort.
 * INVALID_NAME / INVALID_QUERY: a collection, field or query the store refuses to interpret.
 * UNKNOWN_COLLECTION: a write to a collection that ensureCollections never created.
 */
export type ReadStoreErrorReason =
  | 'UNIQUE_VIOLATION'
  | 'INVALID_CURSOR'
  | 'INVALID_NAME'
  | 'INVALID_QUERY'
  | 'UNKNOWN_COLLECTION';

export class ReadStoreError extends Error {
  constructor(
    readonly reason: ReadStoreErrorReason,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'ReadStoreError';
  }
}

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,119}$/;
const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** Names end up inside SQL and Mongo namespaces, so only a safe alphabet passes. */
export const assertCollectionName = (name: string): void => {
  if (!COLLECTION_NAME.test(name)) throw new ReadStoreError('INVALID_NAME', `Invalid collection name: ${name}`);
};

/** Field paths are interpolated into json_extract and Mongo paths; leading `_` is reserved for the store. */
export const assertFieldPath = (field: string): void => {
  if (!FIELD_PATH.test(field)) throw new ReadStoreError('INVALID_NAME', `Invalid field path: ${field}`);
};
