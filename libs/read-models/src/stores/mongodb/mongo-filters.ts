import { Document, Filter, Sort } from 'mongodb';
import { FieldValue, FindQuery, WhereCondition } from '../read-store.port';
import { decodeCursor, isRange, KeysetKey } from '../keyset';
import { assertFieldPath } from '../read-store.errors';

/** Live documents only: tombstones stay behind to guard positions (see mongo-read-store.ts). */
export const LIVE = { _live: true } as const;

const path = (key: KeysetKey): string => key.field ?? '_id';

/** The query's filter: live, the where conditions, and "after the cursor" in keyset order. */
export const findFilter = (keys: readonly KeysetKey[], query: FindQuery): Filter<Document> => {
  const conditions: Filter<Document>[] = [LIVE];
  for (const [field, condition] of Object.entries(query.where ?? {})) {
    assertFieldPath(field);
    conditions.push({ [field]: whereCondition(condition) });
  }
  if (query.after !== undefined) {
    const after = decodeCursor(keys, query.after);
    conditions.push(afterFilter(keys, [...after.values, after.id]));
  }
  return { $and: conditions };
};

const whereCondition = (condition: WhereCondition): unknown => {
  if (!isRange(condition)) return condition;
  const range: Record<string, string | number> = {};
  for (const operator of ['gt', 'gte', 'lt', 'lte'] as const) {
    const bound = condition[operator];
    if (bound !== undefined) range[`$${operator}`] = bound;
  }
  return range;
};

/** Rows strictly after the cursor, nulls first: "keys before i equal and key i beyond", OR-ed over i. */
const afterFilter = (keys: readonly KeysetKey[], values: FieldValue[]): Filter<Document> => {
  const alternatives: Filter<Document>[] = [];
  keys.forEach((key, index) => {
    const beyond = beyondFilter(key, values[index]);
    if (beyond === null) return;
    const equal = keys.slice(0, index).map((previous, position) => ({ [path(previous)]: values[position] }));
    alternatives.push({ $and: [...equal, beyond] });
  });
  return { $or: alternatives };
};

const beyondFilter = (key: KeysetKey, value: FieldValue): Filter<Document> | null => {
  const field = path(key);
  if (key.direction === 'asc') return value === null ? { [field]: { $ne: null } } : { [field]: { $gt: value } };
  // Nothing sorts below null, so "descending past null" matches nothing.
  if (value === null) return null;
  return { $or: [{ [field]: { $lt: value } }, { [field]: null }] };
};

export const findSort = (keys: readonly KeysetKey[]): Sort =>
  keys.map((key): [string, 1 | -1] => [path(key), key.direction === 'asc' ? 1 : -1]);
