import { GlobalPosition } from '@ledger/event-store';
import { CheckpointResult, CheckpointUpdate } from './checkpoint-store.port';

/** Direction of one field in an index or a sort. */
export type SortDirection = 'asc' | 'desc';

export interface IndexField {
  /** A field path inside the document, dotted for nested fields (`vehicle.vin`). */
  field: string;
  direction: SortDirection;
}

export interface IndexDefinition {
  fields: readonly IndexField[];
  /** A second live document with the same values is refused with ReadStoreError('UNIQUE_VIOLATION'). */
  unique?: boolean;
}

/** A collection as a projection declares it; the store creates it and its indexes. */
export interface CollectionDefinition {
  name: string;
  indexes: readonly IndexDefinition[];
}

export type DocumentBody = Record<string, unknown>;

/**
 * A document as the store holds it. `position` is the global position of the last event that
 * changed it; at rest it is also the document's `_position` field.
 */
export interface StoredDocument<Doc extends DocumentBody = DocumentBody> {
  id: string;
  position: GlobalPosition;
  document: Doc;
}

/** Values that indexed fields may hold and queries may compare. Sort fields should hold one type (plus null). */
export type FieldValue = string | number | boolean | null;

export interface RangeCondition {
  gt?: string | number;
  gte?: string | number;
  lt?: string | number;
  lte?: string | number;
}

/** A bare value means equality (null also matches a missing field); an object means a range. */
export type WhereCondition = FieldValue | RangeCondition;

export interface SortField {
  field: string;
  direction: SortDirection;
}

export interface FindQuery {
  where?: Readonly<Record<string, WhereCondition>>;
  /** The id is always appended as the last, ascending key, so ties have a stable order. */
  sort?: readonly SortField[];
  /** Default 50, at most 1000. */
  limit?: number;
  /** An opaque cursor from a previous page of the same query. */
  after?: string;
}

export interface FindResult<Doc extends DocumentBody = DocumentBody> {
  documents: StoredDocument<Doc>[];
  /** Null on the last page. */
  nextCursor: string | null;
}

export type DocumentChange =
  | { op: 'upsert'; collection: string; id: string; document: DocumentBody; position: GlobalPosition }
  | { op: 'delete'; collection: string; id: string; position: GlobalPosition };

/** Documents and the projection's checkpoint, written all or nothing. */
export interface BatchWrite {
  changes: readonly DocumentChange[];
  checkpoint: CheckpointUpdate;
}

/**
 * The read side's document store. Collection names are physical: projections get theirs from
 * `collectionName(projection, version, collection)`, so two versions live side by side.
 * Adapters: in-memory (verify, tests), SQLite (embedded default), MongoDB.
 */
export interface ReadStore {
  /** Creates missing collections and their declared indexes; idempotent. */
  ensureCollections(definitions: readonly CollectionDefinition[]): Promise<void>;
  /** A live document, or null when it never existed, was deleted, or the collection is unknown. */
  get<Doc extends DocumentBody = DocumentBody>(collection: string, id: string): Promise<StoredDocument<Doc> | null>;
  /** The live documents among these ids, in no particular order. */
  getMany<Doc extends DocumentBody = DocumentBody>(collection: string, ids: readonly string[]): Promise<StoredDocument<Doc>[]>;
  /** Equality and range on (indexed) fields, sorted, keyset-paginated on the sort fields plus the id. */
  find<Doc extends DocumentBody = DocumentBody>(collection: string, query?: FindQuery): Promise<FindResult<Doc>>;
  /**
   * Atomically compare-and-sets the checkpoint and applies the changes. When the checkpoint is not
   * at `expected`, nothing is written and the result says why. Each change applies only when the
   * stored document (or tombstone) reflects an older position, so a redelivered event is a no-op.
   */
  applyBatch(batch: BatchWrite): Promise<CheckpointResult>;
  /** Drops these collections with their documents and indexes; unknown names are ignored. */
  dropCollections(names: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** Nest injection token for the ReadStore port. */
export const READ_STORE = Symbol('READ_STORE');
