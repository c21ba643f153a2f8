import { FieldValue, RangeCondition, SortDirection, SortField, WhereCondition } from './read-store.port';
import { assertFieldPath, ReadStoreError } from './read-store.errors';

/** One key of the total order a query pages through: the sort fields, then the id ascending. */
export interface KeysetKey {
  /** A field path, or null for the document id. */
  field: string | null;
  direction: SortDirection;
}

/** Where the previous page ended: the last document's key values. */
export interface KeysetPosition {
  values: FieldValue[];
  id: string;
}

export const keysetKeys = (sort: readonly SortField[] = []): KeysetKey[] => {
  sort.forEach((key) => assertFieldPath(key.field));
  return [...sort.map((key) => ({ field: key.field, direction: key.direction })), { field: null, direction: 'asc' }];
};

const signature = (keys: readonly KeysetKey[]): string =>
  keys.map((key) => `${key.field ?? '#id'}:${key.direction}`).join(',');

/** Opaque to clients: base64url of the sort's signature and the last key values. */
export const encodeCursor = (keys: readonly KeysetKey[], position: KeysetPosition): string =>
  Buffer.from(JSON.stringify({ s: signature(keys), v: position.values, i: position.id }), 'utf8').toString('base64url');

export const decodeCursor = (keys: readonly KeysetKey[], cursor: string): KeysetPosition => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isCursor(parsed) && parsed.s === signature(keys) && parsed.v.length === keys.length - 1) {
      return { values: parsed.v, id: parsed.i };
    }
  } catch {
    // Fall through: any undecodable cursor is the same client error.
  }
  throw new ReadStoreError('INVALID_CURSOR', 'The cursor does not belong to this query');
};

const isCursor = (value: unknown): value is { s: string; v: FieldValue[]; i: string } => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.s === 'string' && typeof record.i === 'string' && Array.isArray(record.v);
};

/** Reads a dotted path; missing and non-scalar values read as null, as the stores sort them. */
export const readField = (document: Record<string, unknown>, path: string): FieldValue => {
  let current: unknown = document;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return null;
    current = (current as Record<string, unknown>)[part];
  }
  const type = typeof current;
  return type === 'string' || type === 'number' || type === 'boolean' ? (current as FieldValue) : null;
};

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export const pageLimit = (limit: number | undefined): number => {
  const value = limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    throw new ReadStoreError('INVALID_QUERY', `limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  return value;
};

export const isRange = (condition: WhereCondition): condition is RangeCondition =>
  typeof condition === 'object' && condition !== null;
